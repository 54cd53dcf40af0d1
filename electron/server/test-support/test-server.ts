import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer, type ServerOptions } from '../app.ts';

export const TEST_TOKEN = 'test-token-0123456789';

/**
 * A real server on a temp data dir and a random loopback port; `overrides` set its clock, its
 * log or its heartbeat.
 */
export async function startTestServer(
  dataDir?: string,
  overrides: Pick<ServerOptions, 'now' | 'log' | 'heartbeatMs'> = {},
): Promise<RunningServer & { cleanup(): Promise<void> }> {
  // Sharing in tests listens on 127.0.0.2, a loopback address standing in for the LAN.
  const lanAddresses = () => ['127.0.0.2'];
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rt-server-'));
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Roundtable</title>');
  const server = await startServer({
    dataDir: dir,
    port: 0,
    staticDir,
    token: TEST_TOKEN,
    lanAddresses,
    log: () => {},
    ...overrides,
  });
  return {
    ...server,
    async cleanup() {
      await server.close();
      if (!dataDir) fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(staticDir, { recursive: true, force: true });
    },
  };
}

/** fetch() cannot set Host; this can. */
export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  return new Promise((resolve, reject) => {
    import('node:http').then(({ request }) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: options.method ?? 'GET',
          path: options.path,
          headers: options.headers,
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end(options.body);
    }, reject);
  });
}

/** Answers are checked field by field in the tests; their shapes vary by route. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

/** A JSON client for a test server: `api('POST', '/api/…', body)` → status and parsed body. */
export function jsonApi(origin: string, token: string) {
  return async (
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: Json }> => {
    const res = await fetch(`${origin}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
}
