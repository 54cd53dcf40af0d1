import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { jsonApi, startTestServer, TEST_TOKEN, type Json } from './test-support/test-server.ts';

/**
 * The access code against guessing from many addresses: the wrong tries of every address count
 * together, a lockout and every revoke replace the code, and a device the organizer removed stays
 * out until the organizer lets it back. Devices are loopback addresses 127.0.0.x (Linux routes all
 * of 127/8 to this machine), bound as each request's source; time is the server's `now`.
 */
const MIN = 60_000;
const TABLET_UA =
  'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';

let clock = Date.UTC(2026, 10, 25, 1, 30); // any instant: only differences matter
let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
afterEach(async () => {
  await server?.cleanup();
  server = undefined;
});

async function startSharing() {
  server = await startTestServer(undefined, { now: () => clock });
  const organizer = jsonApi(server.url, TEST_TOKEN);
  const on = (await organizer('POST', '/api/sharing', { enabled: true })).body;
  return { organizer, lan: new URL(on.urls[0] as string), code: on.code as string };
}

type Answer = { status: number; retryAfter: string | undefined; body: Json };

/** `POST /api/session` to the network listener, sent from `from` as a device there would. */
function join(lan: URL, from: string, code: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify({ code });
    const req = http.request(
      {
        host: lan.hostname,
        port: lan.port,
        path: '/api/session',
        method: 'POST',
        localAddress: from,
        agent: false,
        headers: { 'Content-Type': 'application/json', 'User-Agent': TABLET_UA },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'],
            body: JSON.parse(text) as Json,
          }),
        );
      },
    );
    req.once('error', reject);
    req.end(payload);
  });
}

/** A six-digit code that is not `code`. */
const otherThan = (code: string, n: number) =>
  String((Number(code) + 1 + n) % 1_000_000).padStart(6, '0');

/** How many times each status came, `{ 401: 150 }`: a short failure message. */
const tally = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((t, s) => ({ ...t, [s]: (t[s] ?? 0) + 1 }), {});

/** The organizer's screen: every `sharing.changed` it hears. */
async function organizerScreen(url: string) {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws?token=${TEST_TOKEN}`);
  const heard: Json[] = [];
  ws.on('message', (data) => {
    const event = JSON.parse(String(data)) as Json;
    if (event.kind === 'sharing.changed') heard.push(event.sharing as Json);
  });
  await new Promise((resolve) => ws.once('open', resolve));
  return { heard, close: () => ws.close() };
}

describe('wrong access codes, from many addresses', () => {
  it('count together: 160 from 40 addresses lock everyone out at the tenth, and void the code', async () => {
    const { organizer, lan, code } = await startSharing();
    const screen = await organizerScreen(server?.url as string);
    const statuses: number[] = [];
    for (let round = 0; round < 4; round++) {
      for (let host = 10; host < 50; host++) {
        const guess = otherThan(code, round * 40 + host);
        statuses.push((await join(lan, `127.0.0.${host}`, guess)).status);
      }
    }
    // The tenth wrong code is answered 429 already: it started the lockout.
    expect(statuses.slice(0, 9)).toEqual(Array(9).fill(401));
    expect(tally(statuses.slice(9)), 'from the tenth on').toEqual({ 429: 151 });

    // A new address with the right code is refused too, and told how long to wait.
    const locked = await join(lan, '127.0.0.50', code);
    expect(locked).toMatchObject({ status: 429, retryAfter: '60' });
    expect(locked.body.error.field).toBe('code');
    expect(locked.body.error).toMatchObject({ reason: 'sharing.locked', params: { seconds: 60 } });

    // The code was replaced when the lock began, and the organizer's screen heard the new one.
    const state = (await organizer('GET', '/api/sharing')).body;
    expect(state.code).toMatch(/^\d{6}$/);
    expect(state.code).not.toBe(code);
    expect(state.lockedUntil).toBe(clock + MIN);
    await expect
      .poll(() => screen.heard.some((s) => s.code === state.code && s.lockedUntil === clock + MIN))
      .toBe(true);
    screen.close();

    // A minute later joining is open again: the old code is void, the new one works.
    clock += MIN;
    expect((await join(lan, '127.0.0.51', code)).status).toBe(401);
    expect((await join(lan, '127.0.0.51', state.code)).status).toBe(200);
    expect((await organizer('GET', '/api/sharing')).body.lockedUntil).toBeNull();
  });

  it('lock longer each time within the hour: the second lockout lasts two minutes', async () => {
    const { organizer, lan, code } = await startSharing();
    const spend = async (from: string, current: string) => {
      for (let i = 0; i < 10; i++) await join(lan, from, otherThan(current, i));
    };
    await spend('127.0.0.60', code);
    clock += MIN;
    await spend('127.0.0.61', (await organizer('GET', '/api/sharing')).body.code);
    const second = (await organizer('GET', '/api/sharing')).body;
    expect(second.lockedUntil).toBe(clock + 2 * MIN);
    clock += MIN;
    expect((await join(lan, '127.0.0.62', second.code)).status).toBe(429);
    clock += MIN;
    expect((await join(lan, '127.0.0.62', second.code)).status).toBe(200);
  });
});

describe('a device the organizer removed', () => {
  it('gets a new code, and cannot rejoin with it until the organizer allows it', async () => {
    const { organizer, lan, code } = await startSharing();
    const tablet = await join(lan, '127.0.0.20', code);
    const hall = await join(lan, '127.0.0.21', code);
    expect([tablet.status, hall.status]).toEqual([200, 200]);

    const revoked = await organizer('POST', `/api/sharing/devices/${tablet.body.deviceId}/revoke`);
    expect(revoked.status).toBe(200);
    const newCode = revoked.body.code as string;
    expect(newCode).toMatch(/^\d{6}$/);
    expect(newCode).not.toBe(code);
    expect(revoked.body.removed).toEqual([
      expect.objectContaining({
        id: tablet.body.deviceId,
        role: 'notetaker',
        address: '127.0.0.20',
        removedAt: clock,
        rejoinTriedAt: null,
      }),
    ]);

    // The old code opens nothing for anyone; the tablet is refused even with the new one.
    const wrong = await join(lan, '127.0.0.22', code);
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.reason).toBe('sharing.wrongCode');
    const refused = await join(lan, '127.0.0.20', newCode);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('removed');
    expect(refused.body.error.reason).toBe('sharing.removed');
    const listed = (await organizer('GET', '/api/sharing')).body;
    expect(listed.removed[0].rejoinTriedAt).toBe(clock);
    // The other devices are untouched; a device at another address joins with the new code.
    const hallApi = jsonApi(`${lan.origin}`, hall.body.token as string);
    expect((await hallApi('GET', '/api/meetings')).status).toBe(200);
    expect((await join(lan, '127.0.0.22', newCode)).status).toBe(200);

    // Turning sharing off and on does not let it back either: only the organizer's allow does.
    await organizer('POST', '/api/sharing', { enabled: false });
    const again = (await organizer('POST', '/api/sharing', { enabled: true })).body;
    const lanAgain = new URL(again.urls[0] as string);
    expect((await join(lanAgain, '127.0.0.20', again.code)).status).toBe(403);

    const allowed = await organizer('POST', `/api/sharing/devices/${tablet.body.deviceId}/allow`);
    expect(allowed.status).toBe(200);
    expect(allowed.body.removed).toEqual([]);
    expect((await join(lanAgain, '127.0.0.20', again.code)).status).toBe(200);
    expect((await organizer('POST', '/api/sharing/devices/nope/allow')).status).toBe(404);
  });
});
