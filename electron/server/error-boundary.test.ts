import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardRequests, guardUpgrades } from './error-boundary.ts';
import { readBody } from './http-util.ts';
import { sendRaw, UPGRADE_HEADERS } from './test-support/raw-http.ts';

/**
 * The boundary on its own, around handlers that fail in each way a listener can: a throw, a
 * rejection, a throw after the answer began, a throw in an upgrade. The server's own handlers
 * are tested through it in bad-requests.test.ts.
 */
const logged: string[] = [];
const log = (message: string) => logged.push(message);
const handlers: Record<string, (req: http.IncomingMessage, res: http.ServerResponse) => unknown> = {
  '/throws': () => {
    throw new Error('thrown at once');
  },
  '/rejects': async () => {
    await Promise.resolve();
    throw new Error('rejected later');
  },
  '/throws-mid-answer': async (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.write('half an answer');
    await Promise.resolve();
    throw new Error('failed mid-answer');
  },
  '/fine': (_req, res) => res.end('fine'),
  '/reads-body': async (req, res) => {
    try {
      res.end(await readBody(req, 1024));
    } finally {
      bodyReadEnded();
    }
  },
};
let bodyReadEnded = () => {};

let server: http.Server;
let port: number;
beforeAll(async () => {
  const route = (req: http.IncomingMessage) => handlers[(req.url ?? '').split('?')[0] ?? ''];
  // The handler's result goes back to the boundary, so it sees rejections too.
  server = http.createServer(
    guardRequests((req, res) => route(req)?.(req, res) as void | Promise<void>, log),
  );
  server.on(
    'upgrade',
    guardUpgrades((req) => {
      throw new Error(`upgrade to ${req.url} broke`);
    }, log),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = (target: string, headers = '') =>
  sendRaw('127.0.0.1', port, `GET ${target} HTTP/1.1\r\nHost: x\r\n${headers}\r\n`);

function loggedWith(errorId: string): string {
  return logged.find((line) => line.includes(`error ${errorId}`)) ?? '';
}

describe('the error boundary', () => {
  it.each([
    ['/throws', 'thrown at once'],
    ['/rejects', 'rejected later'],
  ])('answers %s with 500 and an error id whose log line has the stack', async (target, what) => {
    const answer = await get(target);
    expect(answer.status).toBe(500);
    const errorId = /"errorId":"([0-9a-f]{8})"/.exec(answer.head)?.[1] ?? '';
    expect(errorId).not.toBe('');
    expect(answer.head).toContain(`internal error (error id ${errorId})`);
    // The client words it, the id kept for the organizer to quote.
    expect(answer.head).toContain(`"reason":"server.internal","params":{"errorId":"${errorId}"}`);
    expect(loggedWith(errorId)).toContain(`GET ${target} failed: Error: ${what}`);
    expect(loggedWith(errorId)).toMatch(/\n\s+at /); // the stack, for whoever fixes it
    expect((await get('/fine')).status).toBe(200);
  });

  it('cuts the connection when the answer had begun, and logs the failure', async () => {
    const before = logged.length;
    const answer = await get('/throws-mid-answer');
    expect(answer.status).toBe(200); // the head went out before the throw: it cannot become a 500
    expect(logged.slice(before).join('\n')).toContain('failed mid-answer');
    expect((await get('/fine')).status).toBe(200);
  });

  it('answers an upgrade that throws with 500 and an error id the log has', async () => {
    const headers = Object.entries(UPGRADE_HEADERS)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    const answer = await get('/ws', headers);
    expect(answer.status).toBe(500);
    const errorId = /"errorId":"([0-9a-f]{8})"/.exec(answer.head)?.[1] ?? '';
    expect(loggedWith(errorId)).toContain('upgrade GET /ws failed: Error: upgrade to /ws broke');
    expect((await get('/fine')).status).toBe(200);
  });

  it('logs nothing when the client leaves in the middle of its body: not a fault of the server', async () => {
    const before = logged.length;
    const ended = new Promise<void>((resolve) => (bodyReadEnded = resolve));
    const head = 'POST /reads-body HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n';
    await sendRaw('127.0.0.1', port, `${head}abc`, { resetAfterSend: true });
    await ended;
    await new Promise((resolve) => setImmediate(resolve)); // the boundary runs after the handler
    expect(logged.slice(before)).toEqual([]);
    expect((await get('/fine')).status).toBe(200);
  });

  it('keeps the query out of the log: it may carry a token', async () => {
    const answer = await get('/throws?token=secret-token');
    expect(answer.status).toBe(500);
    expect(logged.join('\n')).not.toContain('secret-token');
  });
});
