import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiError, ApiErrorCode } from '../api/contract.ts';
import { detail, type ApiErrorDetail } from '../api/error-reasons.ts';

/** Headers on every answer. No CORS header, ever: other origins get nothing readable. */
export const BASE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
} as const;

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extraHeaders: Record<string, string> = {},
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...BASE_HEADERS,
    ...extraHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(payload),
    'Cache-Control': 'no-store',
  });
  res.end(payload);
}

/**
 * Content-Disposition with the file's real (often Chinese) name, RFC 5987/6266: an ASCII
 * fallback for old clients and the UTF-8 name for everyone else.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function sendFile(
  res: ServerResponse,
  file: { fileName: string; contentType: string; body: Uint8Array },
): void {
  res.writeHead(200, {
    ...BASE_HEADERS,
    'Content-Type': file.contentType,
    'Content-Length': file.body.byteLength,
    'Content-Disposition': contentDisposition(file.fileName),
    'Cache-Control': 'no-store',
  });
  res.end(file.body);
}

export const STATUS_OF: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  busy: 429,
  internal: 500,
  unavailable: 503,
  storage_full: 507,
};

export function sendError(
  res: ServerResponse,
  code: ApiErrorCode,
  message: string,
  field?: string,
  status = STATUS_OF[code],
  detail?: ApiErrorDetail,
): void {
  const body: ApiError = {
    error: { code, message, ...(field ? { field } : {}), ...detail },
  };
  sendJson(res, status, body);
}

/**
 * How much of a body over the limit is read and dropped before answering 413. A server that
 * closes with a body still coming in resets the connection, and a client that is still sending
 * (Node's fetch, about every other time) reports the reset, not the 413. Beyond this bound the
 * connection is closed all the same, so that no body (10 GB, or one that never ends) holds the
 * server.
 */
export const DRAIN_MAX_BYTES = 32 * 1024 * 1024;

export class BodyTooLargeError extends Error {
  /** True when the whole body was read (and dropped): the connection can be kept. */
  readonly drained: boolean;
  constructor(message: string, drained: boolean) {
    super(message);
    this.drained = drained;
  }
}

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`;

/**
 * The request body, up to `limitBytes`. A larger one is refused: read to its end and dropped
 * (kept no more of) when it stays within DRAIN_MAX_BYTES past the limit, otherwise at once, as
 * soon as it passes that (a declared Content-Length over it, before a byte is read); the caller
 * answers 413 (sendBodyTooLarge).
 */
export function readBodyBytes(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const refuse = (drained: boolean) => {
      if (!drained) {
        req.removeAllListeners('data');
        req.pause();
      }
      reject(new BodyTooLargeError(`larger than ${sizeText(limitBytes)}`, drained));
    };
    const drainLimit = limitBytes + DRAIN_MAX_BYTES;
    if (Number(req.headers['content-length'] ?? 0) > drainLimit) return refuse(false);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > drainLimit) return refuse(false);
      if (size > limitBytes) chunks.length = 0;
      else chunks.push(chunk);
    });
    req.on('end', () => (size > limitBytes ? refuse(true) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

/** 413 with the JSON error; a body that was not read to its end closes the connection after. */
export function sendBodyTooLarge(
  req: IncomingMessage,
  res: ServerResponse,
  error: BodyTooLargeError,
  message: string,
  field: string,
): void {
  if (!error.drained) {
    res.setHeader('Connection', 'close');
    res.on('finish', () => req.destroy());
  }
  sendError(res, 'invalid_input', message, field, 413, detail('body.tooLarge', { field }));
}

export async function readBody(req: IncomingMessage, limitBytes: number): Promise<string> {
  return (await readBodyBytes(req, limitBytes)).toString('utf8');
}
