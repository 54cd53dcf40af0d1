import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { jsonApi, rawRequest, startTestServer, TEST_TOKEN, type Json } from './test-server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let organizer: ReturnType<typeof jsonApi>;
let meetingId: string;
let itemId: string;
beforeAll(async () => {
  server = await startTestServer();
  organizer = jsonApi(server.url, TEST_TOKEN);
  const sample = server.handlers['meetings.createSample']({});
  meetingId = sample.meeting.id;
  itemId = sample.items[1]?.id as string;
});
afterAll(() => server.cleanup());

const reachable = async (url: string) => {
  try {
    await fetch(`${url}healthz`);
    return true;
  } catch {
    return false;
  }
};

describe('sharing on the local network', () => {
  let lan: string; // http://127.0.0.2:<port>/
  let guest: ReturnType<typeof jsonApi>;
  let guestToken: string;

  it('is off by default: nothing listens beyond loopback', async () => {
    const state = (await organizer('GET', '/api/sharing')).body;
    expect(state).toEqual({ enabled: false, urls: [], code: '' });
  });

  it('turned on, listens on the network address with a six-digit code', async () => {
    const state = (await organizer('POST', '/api/sharing', { enabled: true })).body;
    expect(state.enabled).toBe(true);
    expect(state.code).toMatch(/^\d{6}$/);
    expect(state.urls).toEqual([expect.stringMatching(/^http:\/\/127\.0\.0\.2:\d+\/$/)]);
    lan = state.urls[0];
    expect(await reachable(lan)).toBe(true);
    expect((await fetch(`${lan}api/meetings`)).status).toBe(401);
  });

  it('trades the right code for a guest token, refuses a wrong one, and locks after five', async () => {
    const code = (await organizer('GET', '/api/sharing')).body.code as string;
    const trade = (c: string) => jsonApi(lan.slice(0, -1), '')('POST', '/api/session', { code: c });
    const wrong = code === '000000' ? '111111' : '000000';
    expect((await trade(wrong)).status).toBe(401);
    expect((await trade('12ab')).body.error.field).toBe('code');
    const right = await trade(code);
    expect(right.status).toBe(200);
    guestToken = right.body.token;
    guest = jsonApi(lan.slice(0, -1), guestToken);
    for (let i = 0; i < 4; i++) await trade(wrong);
    expect((await trade(wrong)).status).toBe(429);
    expect((await trade(code)).status).toBe(429); // locked even with the right code, for a minute
  });

  it('lets guests read and take notes, and nothing more', async () => {
    expect((await guest('GET', '/api/meetings')).status).toBe(200);
    expect((await guest('GET', `/api/meetings/${meetingId}/run`)).status).toBe(200);
    const note = await guest('POST', `/api/meetings/${meetingId}/items/${itemId}/notes`, {
      kind: 'takeaway',
      text: '平板上记的：临时党支部建在一线',
    });
    expect(note.status).toBe(201);
    const forbidden: [string, string, object?][] = [
      ['POST', `/api/meetings/${meetingId}/run/next`],
      ['POST', '/api/meetings', { title: 'x', date: '2026-12-01' }],
      ['DELETE', `/api/meetings/${meetingId}`],
      ['POST', '/api/sharing', { enabled: false }],
      ['GET', '/api/sharing'],
    ];
    for (const [method, path, body] of forbidden) {
      expect((await guest(method, path, body)).status, `${method} ${path}`).toBe(403);
    }
    expect((await organizer('GET', `/api/meetings/${meetingId}`)).status).toBe(200);
  });

  it('refuses a foreign Host on the network listener too', async () => {
    const port = Number(new URL(lan).port);
    const res = await new Promise<number>((resolve) => {
      import('node:http').then(({ request }) => {
        const req = request(
          {
            host: '127.0.0.2',
            port,
            path: '/healthz',
            headers: { Host: `attacker.example:${port}` },
          },
          (r) => resolve(r.statusCode ?? 0),
        );
        req.end();
      });
    });
    expect(res).toBe(403);
    expect(
      (await rawRequest(server.port, { path: '/healthz', headers: { Host: `127.0.0.2:${port}` } }))
        .status,
    ).toBe(200);
  });

  const openGuestSocket = (origin: string) =>
    new Promise<{ ws: WebSocket; first: Promise<Json> } | number>((resolve) => {
      const url = new URL(`/ws?token=${guestToken}`, lan);
      url.protocol = 'ws:';
      const ws = new WebSocket(url, { headers: { Origin: origin } });
      const first = new Promise<Json>((r) => ws.once('message', (d) => r(JSON.parse(String(d)))));
      ws.once('open', () => resolve({ ws, first }));
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    });

  it('gives guests live events from their own origin, and refuses a foreign one', async () => {
    expect(await openGuestSocket('http://attacker.example')).toBe(403);
    const opened = await openGuestSocket(lan.slice(0, -1));
    if (typeof opened === 'number') throw new Error(`refused with ${opened}`);
    expect(await opened.first).toMatchObject({ kind: 'hello' });
    const next = new Promise<Json>((r) =>
      opened.ws.once('message', (d) => r(JSON.parse(String(d)))),
    );
    await organizer('POST', `/api/meetings/${meetingId}/items/${itemId}/notes`, {
      kind: 'quote',
      text: '以实干论英雄',
    });
    expect(await next).toMatchObject({ kind: 'note.saved', note: { text: '以实干论英雄' } });
    opened.ws.close();
  });

  it('turned off, closes the listener and voids the code and every guest token', async () => {
    const opened = await openGuestSocket(lan.slice(0, -1));
    if (typeof opened === 'number') throw new Error(`refused with ${opened}`);
    const closed = new Promise((r) => opened.ws.once('close', r));
    const off = (await organizer('POST', '/api/sharing', { enabled: false })).body;
    expect(off).toEqual({ enabled: false, urls: [], code: '' });
    await closed;
    expect(await reachable(lan)).toBe(false);
    const viaLoopback = await jsonApi(server.url, guestToken)('GET', '/api/meetings');
    expect(viaLoopback.status).toBe(401);
    expect((await organizer('GET', '/api/meetings')).status).toBe(200);
  });
});
