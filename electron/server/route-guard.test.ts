import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { EXPORT_NAMES } from '../api/bundle.ts';
import { contract, type MethodName } from '../api/contract.ts';
import { GUEST_ROLES, type GuestRole } from '../api/sharing.ts';
import { PAGE_OF_ROLE } from '../../renderer/views/join/rolePages.ts';
import { DUMMY_IDS, validInputs, type SampleIds } from './test-support/contract-samples.ts';
import {
  describeMiss,
  expectNoMisses,
  ROLE_ACCESS,
  roleMayCall,
  routeProbes,
  send,
  type Answer,
} from './test-support/route-walk.ts';
import { jsonApi, startTestServer, TEST_TOKEN, type Json } from './test-support/test-server.ts';

/**
 * The guard, walked over whole families from their source: every route of the contract (every
 * export file too), every caller (none, a wrong token, each role the sharing schema knows, the
 * organizer), on the loopback listener and the network one. The expected status comes from the
 * contract's `guest` flag and ROLE_ACCESS, so a new route or role is covered without a new line.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let organizer: ReturnType<typeof jsonApi>;
let lan: string; // http://127.0.0.2:<port>
let real: SampleIds;
const guests = new Map<GuestRole, { token: string; deviceId: string }>();

beforeAll(async () => {
  server = await startTestServer();
  organizer = jsonApi(server.url, TEST_TOKEN);
  const created = await organizer('POST', '/api/meetings', {
    title: '路由守卫',
    date: '2026-11-25',
  });
  const meetingId = created.body.meeting.id as string;
  const item = await organizer('POST', `/api/meetings/${meetingId}/items`, {
    kind: 'exchange',
    speaker: '林一平',
    plannedMinutes: 5,
  });
  const itemId = item.body.item.id as string;
  const note = await organizer('POST', `/api/meetings/${meetingId}/items/${itemId}/notes`, {
    kind: 'takeaway',
    text: '只给有令牌的人看',
  });
  const entry = await organizer('POST', '/api/roster', {
    organization: '平湖街道',
    name: '林一平',
    position: '党工委书记',
  });
  const person = await organizer('POST', `/api/meetings/${meetingId}/participants`, {
    name: '林一平',
  });
  const sharing = (await organizer('POST', '/api/sharing', { enabled: true })).body;
  lan = (sharing.urls[0] as string).replace(/\/$/, '');
  for (const role of GUEST_ROLES) {
    const joined = await jsonApi(lan, '')('POST', '/api/session', { code: sharing.code, role });
    expect(joined.status, role).toBe(200);
    guests.set(role, { token: joined.body.token, deviceId: joined.body.deviceId });
  }
  real = {
    meetingId,
    itemId,
    noteId: note.body.id,
    entryId: entry.body.id,
    participantId: person.body.participant.id,
    deviceId: guests.get('projector')?.deviceId as string,
  };
});
afterAll(() => server.cleanup());

const listeners = () => [
  { name: 'loopback', origin: server.url },
  { name: 'network', origin: lan },
];
const passedGuard = (a: Answer) =>
  a.status !== 401 &&
  a.status !== 403 &&
  a.status !== 405 &&
  !(a.status === 404 && a.message?.startsWith('no API route'));

describe('the guard, walked over every route of the contract', () => {
  it('builds a probe for every method and every export file, from the contract', () => {
    const probes = routeProbes(real);
    expect(new Set(probes.map((p) => p.name))).toEqual(new Set(Object.keys(contract)));
    const exports = probes.filter((p) => p.name === 'exports.file').map((p) => p.path);
    expect(exports).toEqual(
      EXPORT_NAMES.map((name) => `/api/meetings/${real.meetingId}/export/${name}`),
    );
    expect(probes.every((p) => !p.path.includes(':'))).toBe(true);
  });

  // The dispatcher waits for the WAL's flush after every verb but GET (dispatch.ts): a GET that
  // wrote would be answered before its write was on the disk.
  it('writes nothing on any GET route of the contract', async () => {
    const changes = () =>
      (server.store.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const probes = routeProbes(real).filter((p) => p.http === 'GET');
    // One export stands for the rest: they are made in a worker that holds no connection.
    const oneExport = probes.find((p) => p.name === 'exports.file');
    const walkedProbes = [...probes.filter((p) => p.name !== 'exports.file'), oneExport];
    expect(walkedProbes.length).toBeGreaterThan(10);
    for (const probe of walkedProbes) {
      if (!probe) continue;
      const before = changes();
      const answer = await send(server.url, 'GET', probe.path, { token: TEST_TOKEN });
      expect(answer.status, probe.path).toBeLessThan(500);
      expect(changes(), `${probe.name} (${probe.path}) wrote`).toBe(before);
    }
  });

  it('knows the access of every role the sharing schema has', () => {
    expect(Object.keys(ROLE_ACCESS).sort()).toEqual([...GUEST_ROLES].sort());
  });

  // Real ids: a route let through would hand out the real minutes. A slow failure (a PDF made per
  // leak) must still end in the list of leaks, not in a timeout.
  const SLOW_WHEN_FAILING = 120_000;

  it(
    'answers 401 without a token, to every verb on every route, on both listeners',
    async () => {
      const misses: string[] = [];
      const paths = [...routeProbes(real).map((p) => p.path), '/api', '/api/nothing'];
      for (const { name, origin } of listeners()) {
        for (const path of new Set(paths)) {
          for (const verb of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
            const answer = await send(origin, verb, path);
            if (answer.status !== 401)
              misses.push(describeMiss(`${name}, no token:`, { http: verb, path }, answer));
          }
        }
      }
      expectNoMisses(misses);
    },
    SLOW_WHEN_FAILING,
  );

  it('answers 401 to a wrong token, as a header or in the query, on both listeners', async () => {
    const misses: string[] = [];
    const wrong = [`${TEST_TOKEN}x`, TEST_TOKEN.slice(0, -1), 'nope', ''];
    // Dummy ids: whatever the token, the guard answers before a handler looks anything up.
    for (const { name, origin } of listeners()) {
      for (const probe of routeProbes(DUMMY_IDS)) {
        for (const token of wrong) {
          for (const inQuery of [false, true]) {
            const answer = await send(origin, probe.http, probe.path, { token, inQuery });
            if (answer.status !== 401 || answer.code !== 'unauthorized') {
              const who = `${name}, token "${token}" (${inQuery ? 'query' : 'header'}):`;
              misses.push(describeMiss(who, probe, answer));
            }
          }
        }
      }
    }
    expectNoMisses(misses);
  });

  it.each(GUEST_ROLES)(
    'lets a %s device call exactly what its access allows, 403 elsewhere, on both listeners',
    async (role) => {
      const { token } = guests.get(role) as { token: string };
      const misses: string[] = [];
      let allowed = 0;
      // Dummy ids: the guard must answer before a handler looks anything up.
      for (const { name, origin } of listeners()) {
        for (const probe of routeProbes(DUMMY_IDS)) {
          const answer = await send(origin, probe.http, probe.path, { token });
          const may = roleMayCall(role, probe.guest);
          if (may) allowed++;
          const ok = may
            ? passedGuard(answer)
            : answer.status === 403 && answer.code === 'forbidden';
          if (!ok) {
            misses.push(
              describeMiss(`${name}, ${role} (${may ? 'may' : 'may not'}):`, probe, answer),
            );
          }
        }
      }
      expectNoMisses(misses);
      expect(allowed, 'some routes are open to every role').toBeGreaterThan(0);
    },
  );

  it("keeps every export of a real meeting from every device: exports are the organizer's", async () => {
    // A screen shows the meeting; an export is the heaviest work the server does (issue 12).
    const misses: string[] = [];
    for (const role of GUEST_ROLES) {
      const { token } = guests.get(role) as { token: string };
      for (const name of EXPORT_NAMES) {
        const path = `/api/meetings/${real.meetingId}/export/${name}`;
        const answer = await send(lan, 'GET', path, { token });
        if (answer.status !== 403 || answer.body.includes('只给有令牌的人看')) {
          misses.push(describeMiss(`${role}:`, { http: 'GET', path }, answer));
        }
      }
    }
    expectNoMisses(misses);
    const own = await send(server.url, 'GET', `/api/meetings/${real.meetingId}/export/minutes.md`, {
      token: TEST_TOKEN,
    });
    expect(own.status).toBe(200);
    expect(own.body).toContain('只给有令牌的人看');
  });

  it("passes the organizer's token on every route, on both listeners", async () => {
    const misses: string[] = [];
    for (const { name, origin } of listeners()) {
      for (const probe of routeProbes(DUMMY_IDS)) {
        const answer = await send(origin, probe.http, probe.path, { token: TEST_TOKEN });
        if (!passedGuard(answer)) misses.push(describeMiss(`${name}, organizer:`, probe, answer));
      }
    }
    expectNoMisses(misses);
  });
});

describe('the pages, outside the guard', () => {
  /**
   * The pages carry no data: a device that comes over the network has no token yet and must load
   * the app to enter the access code (the join page), and the console is opened at /?token=. So
   * every page and file is the same to anyone, without a token; only /api and /ws hold the data.
   */
  const pages = ['/', ...Object.values(PAGE_OF_ROLE), '/join', '/archive', '/some/deep/screen'];

  it('serves every screen and file to anyone, with or without a token, on both listeners', async () => {
    const callers: [string, string | undefined][] = [
      ['no token', undefined],
      ['a wrong token', 'nope'],
      ['the organizer', TEST_TOKEN],
      ...GUEST_ROLES.map((role): [string, string] => [role, guests.get(role)?.token as string]),
    ];
    const misses: string[] = [];
    for (const { name, origin } of listeners()) {
      for (const [who, token] of callers) {
        for (const path of [...pages, '/index.html']) {
          const answer = await send(origin, 'GET', path, { token });
          if (answer.status !== 200 || !answer.body.includes('<title>Roundtable</title>')) {
            misses.push(describeMiss(`${name}, ${who}:`, { http: 'GET', path }, answer));
          }
        }
        const missing = await send(origin, 'GET', '/assets/missing-0000.js', { token });
        if (missing.status !== 404) {
          misses.push(
            describeMiss(`${name}, ${who}:`, { http: 'GET', path: '/assets/…' }, missing),
          );
        }
      }
    }
    expectNoMisses(misses);
  });

  it('answers the two doors meant to be open without a token: /healthz and the code exchange', async () => {
    expect((await send(lan, 'GET', '/healthz')).status).toBe(200);
    const session = await send(lan, 'POST', '/api/session', {
      body: JSON.stringify({ code: '12ab' }),
      contentType: 'application/json',
    });
    expect(session).toMatchObject({ status: 400, field: 'code' });
  });
});

describe('the WebSocket, per caller', () => {
  const open = (origin: string, token: string | undefined) =>
    new Promise<{ ws: WebSocket; messages: Json[] } | number>((resolve) => {
      const url = new URL(token === undefined ? '/ws' : `/ws?token=${token}`, origin);
      url.protocol = 'ws:';
      const ws = new WebSocket(url, { headers: { Origin: origin } });
      const messages: Json[] = [];
      ws.on('message', (data) => {
        messages.push(JSON.parse(String(data)) as Json);
        if (messages.length === 1) resolve({ ws, messages });
      });
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    });

  it('refuses no token and a wrong one with 401, on both listeners', async () => {
    for (const { origin } of listeners()) {
      for (const token of [undefined, '', 'nope', `${TEST_TOKEN}x`]) {
        expect(await open(origin, token), `${origin} ${token}`).toBe(401);
      }
    }
  });

  it('opens for every role and the organizer, and carries no command from any of them', async () => {
    const changes = () =>
      (server.store.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const commands = Object.entries(validInputs(real)) as [MethodName, object][];
    const callers: [string, string][] = [
      ['organizer', TEST_TOKEN],
      ...GUEST_ROLES.map((role): [string, string] => [role, guests.get(role)?.token as string]),
    ];
    const sharingNow = async () => {
      const { enabled, code, devices } = (await organizer('GET', '/api/sharing')).body;
      return { enabled, code, devices: (devices as Json[]).map((d) => d.id) };
    };
    for (const { origin } of listeners()) {
      for (const [who, token] of callers) {
        const opened = await open(origin, token);
        if (typeof opened === 'number') throw new Error(`${who} refused with ${opened}`);
        expect(opened.messages[0], who).toMatchObject({ kind: 'hello' });
        const [writes, sharing] = [changes(), await sharingNow()];
        // Every method of the contract, sent as a message: only `ping` is heard on the socket.
        for (const [name, input] of commands) {
          opened.ws.send(JSON.stringify({ ...input, kind: name }));
        }
        opened.ws.send(JSON.stringify({ kind: 'ping', clientSentAt: 1 }));
        const pong = () => opened.messages.findIndex((m) => m.kind === 'pong');
        await expect.poll(pong, { timeout: 2000 }).toBeGreaterThan(0);
        // Devices coming and going are announced to the organizer; nothing else may arrive.
        const heard = opened.messages.slice(1).filter((m) => m.kind !== 'sharing.changed');
        expect(heard, who).toEqual([
          { kind: 'pong', clientSentAt: 1, serverNow: expect.any(Number) },
        ]);
        expect(changes(), `${who} wrote over the socket`).toBe(writes);
        expect(await sharingNow(), `${who} changed sharing over the socket`).toEqual(sharing);
        opened.ws.close();
      }
    }
  });
});
