import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { rawRequest, startTestServer, TEST_TOKEN } from './test-support/test-server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.cleanup());

const host = () => `127.0.0.1:${server.port}`;
const auth = { Authorization: `Bearer ${TEST_TOKEN}` };

function wsOutcome(headers: Record<string, string>, query = `?token=${TEST_TOKEN}`) {
  return new Promise<{ opened: boolean; status?: number; first?: unknown }>((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws${query}`, { headers });
    ws.on('message', (data) => {
      resolve({ opened: true, first: JSON.parse(String(data)) });
      ws.close();
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve({ opened: false, status: res.statusCode });
      ws.terminate();
    });
    ws.on('error', () => resolve({ opened: false }));
  });
}

describe('the local server guard', () => {
  it('binds loopback only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers /healthz without a token', async () => {
    const res = await rawRequest(server.port, { path: '/healthz', headers: { Host: host() } });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true });
  });

  it.each(['/healthz', '/', '/projector', '/api/meetings', `/api/meetings?token=${TEST_TOKEN}`])(
    'refuses a foreign Host on %s with 403, even with the token (DNS rebinding)',
    async (path) => {
      for (const foreign of [
        'attacker.example',
        `attacker.example:${server.port}`,
        `127.0.0.1:1`,
        `192.168.1.5:${server.port}`,
      ]) {
        const res = await rawRequest(server.port, { path, headers: { Host: foreign, ...auth } });
        expect(res.status, `${foreign} ${path}`).toBe(403);
        // Said by the client in the user's language, with the name it was addressed by.
        expect(JSON.parse(res.body).error, `${foreign} ${path}`).toMatchObject({
          reason: 'server.hostRefused',
          params: { host: foreign },
        });
      }
    },
  );

  it('accepts the loopback names of its own port', async () => {
    for (const name of ['127.0.0.1', 'localhost', '[::1]']) {
      const res = await rawRequest(server.port, {
        path: '/api/meetings',
        headers: { Host: `${name}:${server.port}`, ...auth },
      });
      expect(res.status, name).toBe(200);
    }
  });

  it('requires the token on every API route: 401 without or with a wrong one', async () => {
    const paths = ['/api/meetings', '/api/meetings/x', '/api/meetings/x/items', '/api/nothing'];
    for (const path of paths) {
      expect(
        (await rawRequest(server.port, { path, headers: { Host: host() } })).status,
        path,
      ).toBe(401);
      const wrong = await rawRequest(server.port, {
        path,
        headers: { Host: host(), Authorization: 'Bearer nope' },
      });
      expect(wrong.status, path).toBe(401);
    }
    const post = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/meetings',
      headers: { Host: host(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'x', date: '2026-11-25' }),
    });
    expect(post.status).toBe(401);
    const list = await rawRequest(server.port, {
      path: '/api/meetings',
      headers: { Host: host(), ...auth },
    });
    expect(JSON.parse(list.body).meetings).toEqual([]);
  });

  it('accepts the token as ?token= too', async () => {
    const res = await rawRequest(server.port, {
      path: `/api/meetings?token=${TEST_TOKEN}`,
      headers: { Host: host() },
    });
    expect(res.status).toBe(200);
  });

  it('sends no CORS header, on answers and on preflights alike', async () => {
    const origin = { Origin: 'http://attacker.example' };
    const answers = [
      await rawRequest(server.port, {
        path: '/api/meetings',
        headers: { Host: host(), ...auth, ...origin },
      }),
      await rawRequest(server.port, {
        method: 'OPTIONS',
        path: '/api/meetings',
        headers: { Host: host(), ...origin, 'Access-Control-Request-Method': 'POST' },
      }),
      await rawRequest(server.port, { path: '/', headers: { Host: host(), ...origin } }),
      await rawRequest(server.port, { path: '/healthz', headers: { Host: host(), ...origin } }),
    ];
    for (const res of answers) {
      const cors = Object.keys(res.headers).filter((h) => h.startsWith('access-control-'));
      expect(cors).toEqual([]);
    }
  });

  it('opens the WebSocket for our own origin with the token, and greets with the server time', async () => {
    const outcome = await wsOutcome({ Origin: `http://${host()}` });
    expect(outcome.opened).toBe(true);
    expect(outcome.first).toMatchObject({ kind: 'hello', serverNow: expect.any(Number) });
  });

  it('refuses the WebSocket without a token, with a wrong one, or from a foreign origin', async () => {
    expect(await wsOutcome({ Origin: `http://${host()}` }, '')).toEqual({
      opened: false,
      status: 401,
    });
    expect(await wsOutcome({ Origin: `http://${host()}` }, '?token=nope')).toEqual({
      opened: false,
      status: 401,
    });
    expect(await wsOutcome({ Origin: 'http://attacker.example' })).toEqual({
      opened: false,
      status: 403,
    });
    expect(await wsOutcome({ Origin: `http://localhost:${server.port + 1}` })).toEqual({
      opened: false,
      status: 403,
    });
    expect(await wsOutcome({ Origin: `http://${host()}`, Host: 'attacker.example' })).toEqual({
      opened: false,
      status: 403,
    });
  });
});
