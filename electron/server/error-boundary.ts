import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApiError } from '../api/contract.ts';
import { detail } from '../api/error-reasons.ts';
import { sendJson } from './http-util.ts';

export type Log = (message: string) => void;

/** A short id for one failure, given to the client and logged beside the stack, to match them. */
export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}

/** The stack when there is one: the log line is for whoever fixes the bug. */
export function describeThrown(error: unknown): string {
  return error instanceof Error ? (error.stack ?? String(error)) : String(error);
}

/**
 * The method and path of a request, fit for the log: no query (it may carry a token), control
 * characters escaped and the length capped, since the target is whatever the client sent.
 */
export function describeRequest(req: IncomingMessage): string {
  const path = (req.url ?? '').split('?')[0] ?? '';
  const printable = JSON.stringify(path.length > 200 ? `${path.slice(0, 200)}…` : path);
  return `${JSON.stringify(req.method ?? '').slice(1, -1)} ${printable.slice(1, -1)}`;
}

/** The 500 body: the id in its own field for tools, and in the message for people. */
function internalErrorBody(errorId: string): ApiError {
  return {
    error: {
      code: 'internal',
      message: `internal error (error id ${errorId}); the server goes on`,
      errorId,
      ...detail('server.internal', { errorId }),
    },
  };
}

/**
 * The request failed because its client left in the middle of it (a body never finished): there
 * is nobody to answer and nothing broken, so it is no error of the server's.
 */
function clientWentAway(req: IncomingMessage, error: unknown): boolean {
  return req.destroyed && (error as { code?: unknown } | null)?.code === 'ECONNRESET';
}

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * One error boundary around every request: whatever the handler throws, at once or later, is
 * logged with an error id and answered 500 with that id (or the connection is cut if the answer
 * had started). Without it a throw in a listener is an uncaught exception and ends the process.
 */
export function guardRequests(handle: RequestHandler, log: Log) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const fail = (error: unknown) => {
      if (clientWentAway(req, error)) return void res.destroy();
      const errorId = newErrorId();
      log(`roundtable: error ${errorId}: ${describeRequest(req)} failed: ${describeThrown(error)}`);
      try {
        if (!res.headersSent) sendJson(res, 500, internalErrorBody(errorId));
        else res.destroy();
      } catch {
        res.destroy();
      }
    };
    try {
      handle(req, res)?.catch(fail);
    } catch (error) {
      fail(error);
    }
  };
}

/**
 * The same boundary around every WebSocket upgrade. The HTTP server stops watching a socket's
 * errors once it is handed over for an upgrade, so a client that resets it mid-answer would be an
 * uncaught 'error' event: the socket's errors are caught here first.
 */
export function guardUpgrades(handle: UpgradeHandler, log: Log) {
  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy());
    try {
      handle(req, socket, head);
    } catch (error) {
      const errorId = newErrorId();
      log(
        `roundtable: error ${errorId}: upgrade ${describeRequest(req)} failed: ${describeThrown(error)}`,
      );
      const body = JSON.stringify(internalErrorBody(errorId));
      // An answer already begun (a 101 written before the throw) cannot turn into a 500.
      const written = (socket as { bytesWritten?: number }).bytesWritten ?? 0;
      if (!socket.writable || written > 0) return void socket.destroy();
      socket.end(
        'HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\n' +
          'Content-Type: application/json; charset=utf-8\r\n' +
          `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    }
  };
}
