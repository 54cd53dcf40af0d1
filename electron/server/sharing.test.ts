import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  jsonApi,
  rawRequest,
  startTestServer,
  TEST_TOKEN,
  type Json,
} from './test-support/test-server.ts';
import { SAMPLE_DATE } from '../../e2e/serve-process.ts';

/** What the console is told while sharing is off: no address, no code, no devices. */
const SHARING_OFF = {
  enabled: false,
  urls: [],
  code: '',
  lockedUntil: null,
  devices: [],
  removed: [],
};
let server: Awaited<ReturnType<typeof startTestServer>>;
let organizer: ReturnType<typeof jsonApi>;
let meetingId: string;
let itemId: string;
beforeAll(async () => {
  server = await startTestServer();
  organizer = jsonApi(server.url, TEST_TOKEN);
  const sample = server.handlers['meetings.createSample']({ date: SAMPLE_DATE });
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
    expect(state).toEqual(SHARING_OFF);
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

  it('trades the right code for a guest token, refuses a wrong one, and locks at the tenth', async () => {
    const code = (await organizer('GET', '/api/sharing')).body.code as string;
    const trade = (c: string) => jsonApi(lan.slice(0, -1), '')('POST', '/api/session', { code: c });
    const wrong = code === '000000' ? '111111' : '000000';
    expect((await trade(wrong)).status).toBe(401);
    expect((await trade('12ab')).body.error.field).toBe('code');
    const right = await trade(code);
    expect(right.status).toBe(200);
    guestToken = right.body.token;
    guest = jsonApi(lan.slice(0, -1), guestToken);
    // A malformed code is no guess and not counted: eight more wrong ones make nine.
    for (let i = 0; i < 8; i++) expect((await trade(wrong)).status).toBe(401);
    expect((await trade(wrong)).status).toBe(429);
    expect((await trade(code)).status).toBe(429); // locked even with the right code, for a minute
    // ... and the code was replaced, so the right one is right no more (access-code.test.ts).
    expect((await organizer('GET', '/api/sharing')).body.code).not.toBe(code);
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

  it('gives each device its own token and role: a projector shows, never writes', async () => {
    await organizer('POST', '/api/sharing', { enabled: false });
    const state = (await organizer('POST', '/api/sharing', { enabled: true })).body;
    lan = state.urls[0];
    const join = async (role?: string) =>
      (
        await fetch(`${lan}api/session`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'User-Agent':
              'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
          },
          body: JSON.stringify(role ? { code: state.code, role } : { code: state.code }),
        })
      ).json() as Promise<Json>;
    const notetaker = await join();
    const projector = await join('projector');
    expect(notetaker.role).toBe('notetaker');
    expect(projector.role).toBe('projector');
    expect(projector.token).not.toBe(notetaker.token);
    guestToken = notetaker.token;
    guest = jsonApi(lan.slice(0, -1), guestToken);

    const screen = jsonApi(lan.slice(0, -1), projector.token);
    expect((await screen('GET', `/api/meetings/${meetingId}/run`)).status).toBe(200);
    const refused = await screen('POST', `/api/meetings/${meetingId}/items/${itemId}/notes`, {
      kind: 'takeaway',
      text: '投屏电脑不能记录',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('projector');
    expect(
      (
        await guest('POST', `/api/meetings/${meetingId}/items/${itemId}/notes`, {
          kind: 'takeaway',
          text: '记录人平板可以记录',
        })
      ).status,
    ).toBe(201);

    const devices = (await organizer('GET', '/api/sharing')).body.devices as Json[];
    expect(devices.map((d) => [d.role, d.address, d.userAgent])).toEqual([
      ['notetaker', '127.0.0.1', 'Safari 17 · iPad'],
      ['projector', '127.0.0.1', 'Safari 17 · iPad'],
    ]);
    expect(devices.every((d) => d.connected === false)).toBe(true);
    expect((await guest('POST', `/api/sharing/devices/${devices[1]?.id}/revoke`)).status).toBe(403);
  });

  it('revokes one device: its socket closes within a second, its token stops working', async () => {
    const devices = (await organizer('GET', '/api/sharing')).body.devices as Json[];
    const projector = devices.find((d) => d.role === 'projector') as Json;
    const opened = await openGuestSocket(lan.slice(0, -1));
    if (typeof opened === 'number') throw new Error(`refused with ${opened}`);
    await opened.first;
    const listed = (await organizer('GET', '/api/sharing')).body.devices as Json[];
    expect(listed.find((d) => d.role === 'notetaker')?.connected).toBe(true);

    const { closedAt: httpClosedAt } = await openGuestKeepAlive();
    const wsClosedAt = new Promise<number>((r) =>
      opened.ws.once('close', () => r(performance.now())),
    );
    const revoke = await organizer(
      'POST',
      `/api/sharing/devices/${listed.find((d) => d.role === 'notetaker')?.id}/revoke`,
    );
    const revokedAt = performance.now();
    expect(revoke.status).toBe(200);
    expect(revoke.body.devices.map((d: Json) => d.id)).toEqual([projector.id]);
    // Measured from the revoke's answer; negative when the close arrived before the answer did.
    const wsMs = (await wsClosedAt) - revokedAt;
    const httpMs = (await httpClosedAt) - revokedAt;
    console.log(
      `revoke: guest WebSocket closed ${wsMs.toFixed(1)} ms, ` +
        `its idle HTTP connection ${httpMs.toFixed(1)} ms after the answer`,
    );
    expect(wsMs).toBeLessThan(1000);
    expect(httpMs).toBeLessThan(1000);
    expect((await guest('GET', '/api/meetings')).status).toBe(401);
    expect((await organizer('POST', '/api/sharing/devices/nope/revoke')).status).toBe(404);

    // The code it knew is replaced, and its address may not join until the organizer allows it.
    const { code, removed } = revoke.body;
    const rejoin = () => jsonApi(lan.slice(0, -1), '')('POST', '/api/session', { code });
    expect(removed.map((d: Json) => [d.role, d.address])).toEqual([['notetaker', '127.0.0.1']]);
    expect((await rejoin()).status).toBe(403);
    const allowed = await organizer('POST', `/api/sharing/devices/${removed[0].id}/allow`);
    expect(allowed.body.removed).toEqual([]);
    const again = (await rejoin()).body;
    guestToken = again.token;
    guest = jsonApi(lan.slice(0, -1), guestToken);
    expect((await guest('GET', '/api/meetings')).status).toBe(200);
  });

  /** A request to the network listener presenting any Host, as a DNS-rebinding page would. */
  const lanRequest = (host: string, path: string, token = '') =>
    new Promise<number>((resolve, reject) => {
      const { hostname, port } = new URL(lan);
      const headers: Record<string, string> = { Host: host };
      if (token) headers.Authorization = `Bearer ${token}`;
      http
        .get({ host: hostname, port, path, headers }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .once('error', reject);
    });

  it('answers requests that present the network address as Host, and refuses any other', async () => {
    const lanHost = new URL(lan).host; // 127.0.0.2:<port>
    const port = new URL(lan).port;
    expect(await lanRequest(lanHost, '/healthz')).toBe(200);
    expect(await lanRequest(lanHost, '/api/meetings', guestToken)).toBe(200);
    expect(await lanRequest(lanHost, '/api/meetings')).toBe(401);
    for (const foreign of [`attacker.example:${port}`, `localhost:${port}`, '127.0.0.2']) {
      expect(await lanRequest(foreign, '/healthz'), foreign).toBe(403);
      expect(await lanRequest(foreign, '/api/meetings', guestToken), foreign).toBe(403);
    }
    // The loopback listener knows the network address too (both are this app), nothing else.
    expect(
      (await rawRequest(server.port, { path: '/healthz', headers: { Host: lanHost } })).status,
    ).toBe(200);
  });

  /**
   * One request over a kept-alive connection, as a browser makes them; resolves once it is
   * answered, to a promise of when the server closes that connection (wrapped, or awaiting the
   * answer would wait for the close too).
   */
  const openGuestKeepAlive = () =>
    new Promise<{ closedAt: Promise<number> }>((resolve, reject) => {
      const agent = new http.Agent({ keepAlive: true });
      const req = http.get(
        new URL('/api/meetings', lan),
        { agent, headers: { Authorization: `Bearer ${guestToken}` } },
        (res) => {
          expect(res.statusCode).toBe(200);
          res.resume();
          res.once('end', () => resolve({ closedAt }));
        },
      );
      const closedAt = new Promise<number>((r) =>
        req.once('socket', (socket) => socket.once('close', () => r(performance.now()))),
      );
      req.once('error', reject);
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

  it("keeps the organizer's every screen up to date: the switch and the devices", async () => {
    const url = new URL(`/ws?token=${TEST_TOKEN}`, server.url);
    url.protocol = 'ws:';
    const console2 = new WebSocket(url);
    const events: Json[] = [];
    console2.on('message', (d) => events.push(JSON.parse(String(d))));
    await new Promise((r) => console2.once('open', r));
    /** Waits for a `sharing.changed` that passes `check`, among those since the last one found. */
    let seen = 0;
    const sharingEvent = async (check: (s: Json) => boolean) => {
      const found = () =>
        events.findIndex((e, i) => i >= seen && e.kind === 'sharing.changed' && check(e.sharing));
      await expect.poll(found, { timeout: 2000 }).toBeGreaterThanOrEqual(0);
      seen = found() + 1;
    };
    const before = (await organizer('GET', '/api/sharing')).body;
    const trade = (
      await jsonApi(lan.slice(0, -1), '')('POST', '/api/session', { code: before.code })
    ).body;
    await sharingEvent((s) => s.devices.some((d: Json) => d.id === trade.deviceId));
    await organizer('POST', `/api/sharing/devices/${trade.deviceId}/revoke`);
    await sharingEvent((s) => s.enabled && !s.devices.some((d: Json) => d.id === trade.deviceId));
    await organizer('POST', `/api/sharing/devices/${trade.deviceId}/allow`);
    await sharingEvent((s) => !s.removed.some((d: Json) => d.id === trade.deviceId));
    await organizer('POST', '/api/sharing', { enabled: false });
    await sharingEvent((s) => !s.enabled);
    await organizer('POST', '/api/sharing', { enabled: true });
    await sharingEvent((s) => s.enabled && s.code !== '');
    const on = (await organizer('GET', '/api/sharing')).body;
    lan = on.urls[0];
    guestToken = (await jsonApi(lan.slice(0, -1), '')('POST', '/api/session', { code: on.code }))
      .body.token;
    console2.close();
  });

  it('turned off, closes the listener and voids the code and every guest token', async () => {
    const opened = await openGuestSocket(lan.slice(0, -1));
    if (typeof opened === 'number') throw new Error(`refused with ${opened}`);
    const closed = new Promise((r) => opened.ws.once('close', r));
    const off = (await organizer('POST', '/api/sharing', { enabled: false })).body;
    expect(off).toEqual(SHARING_OFF);
    await closed;
    expect(await reachable(lan)).toBe(false);
    const viaLoopback = await jsonApi(server.url, guestToken)('GET', '/api/meetings');
    expect(viaLoopback.status).toBe(401);
    expect((await organizer('GET', '/api/meetings')).status).toBe(200);
  });
});

describe('quitting while sharing', () => {
  it('closes the network listener and cuts the devices off, as turning sharing off does', async () => {
    const other = await startTestServer();
    const state = (await jsonApi(other.url, TEST_TOKEN)('POST', '/api/sharing', { enabled: true }))
      .body;
    const lan = state.urls[0] as string;
    const joined = (
      await jsonApi(lan.slice(0, -1), '')('POST', '/api/session', { code: state.code })
    ).body;
    const url = new URL(`/ws?token=${joined.token}`, lan);
    url.protocol = 'ws:';
    const ws = new WebSocket(url);
    await new Promise((r) => ws.once('open', r));
    const closed = new Promise((r) => ws.once('close', r));
    await other.cleanup(); // what serve does on SIGINT/SIGTERM and the desktop app on quit
    await closed;
    expect(await reachable(lan)).toBe(false);
  });
});
