import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../api/contract.ts';
import { GUEST_ROLES, type GuestRole } from '../api/sharing.ts';
import { WS_MAX_MESSAGE_BYTES } from '../api/ws-rpc.ts';
import { DUMMY_IDS, validInputs, type SampleIds } from './test-support/contract-samples.ts';
import { expectNoMisses } from './test-support/route-walk.ts';
import {
  asHttpSeesIt,
  httpRequestOf,
  openCaller,
  refusalOf,
  type Json,
  type WsCaller,
} from './test-support/ws-caller.ts';
import { jsonApi, startTestServer, TEST_TOKEN } from './test-support/test-server.ts';

/**
 * Commands as messages on a screen's open WebSocket: one dispatcher behind both transports, so
 * every method of the contract, refused over the socket, answers exactly what HTTP answers
 * (status, code, reason, params, field, message), for the organizer and each guest role; and
 * nothing a client sends on the socket ends the server.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let organizer: ReturnType<typeof jsonApi>;
let lan: string;
let real: SampleIds;
const logged: string[] = [];
const tokens = new Map<'organizer' | GuestRole, string>();
const sockets: WsCaller[] = [];

beforeAll(async () => {
  server = await startTestServer(undefined, { log: (m) => logged.push(m) });
  organizer = jsonApi(server.url, TEST_TOKEN);
  const created = await organizer('POST', '/api/meetings', { title: '插座', date: '2026-11-25' });
  const meetingId = created.body.meeting.id as string;
  const item = await organizer('POST', `/api/meetings/${meetingId}/items`, {
    kind: 'exchange',
    speaker: '林一平',
    plannedMinutes: 5,
  });
  const itemId = item.body.item.id as string;
  const note = await organizer('POST', `/api/meetings/${meetingId}/items/${itemId}/notes`, {
    kind: 'takeaway',
    text: '第一条',
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
  tokens.set('organizer', TEST_TOKEN);
  for (const role of GUEST_ROLES) {
    const joined = await jsonApi(lan, '')('POST', '/api/session', { code: sharing.code, role });
    tokens.set(role, joined.body.token as string);
  }
  real = {
    meetingId,
    itemId,
    noteId: note.body.id as string,
    entryId: entry.body.id as string,
    participantId: person.body.participant.id as string,
    deviceId: 'no-such-device',
  };
});
afterAll(async () => {
  for (const s of sockets) s.ws.terminate();
  await server.cleanup();
});

const callers = () => [...tokens.keys()];
const originOf = (who: string) => (who === 'organizer' ? server.url : lan);

async function socketOf(who: string): Promise<WsCaller> {
  const opened = await openCaller(originOf(who), tokens.get(who as GuestRole) as string);
  sockets.push(opened);
  return opened;
}

async function overHttp(who: string, method: MethodName, input: Json) {
  const { verb, path, body } = httpRequestOf(method, input);
  const res = await fetch(new URL(path, originOf(who)), {
    method: verb,
    headers: {
      Authorization: `Bearer ${tokens.get(who as GuestRole) as string}`,
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body,
  });
  const answer = (await res.json()) as Json;
  return { status: res.status, answer };
}

const isFileMethod = (m: MethodName) =>
  'fileBody' in contract[m] || (m as string) === 'exports.file';

describe('calls on the live socket, walked over the whole contract', () => {
  it('refuses every method as HTTP does, for the organizer and each guest role', async () => {
    const misses: string[] = [];
    const methods = Object.entries(validInputs(real)) as [MethodName, Json][];
    for (const who of callers()) {
      const socket = await socketOf(who);
      for (const [method, valid] of methods) {
        // An unknown field makes every call a refusal: 400 for those who may call it, 403 else.
        const input = asHttpSeesIt(method, { ...valid, notAField: 1 });
        const ws = await socket.call(method, input);
        if (ws.ok) {
          misses.push(`${who} ${method}: done over the socket`);
          continue;
        }
        if (isFileMethod(method) && ws.status !== 403) {
          if (ws.error.reason !== 'request.httpOnly') misses.push(`${who} ${method}: not httpOnly`);
          continue;
        }
        const http = await overHttp(who, method, input);
        const same =
          http.status === ws.status &&
          JSON.stringify(refusalOf(http.answer.error as never)) ===
            JSON.stringify(refusalOf(ws.error));
        if (!same) {
          misses.push(`${who} ${method}: http ${http.status} ${JSON.stringify(http.answer)}`);
          misses.push(`   ws ${ws.status} ${JSON.stringify(ws.error)}`);
        }
      }
    }
    expectNoMisses(misses);
  });

  it('refuses a call naming what is not there (a meeting, item, note) as HTTP does', async () => {
    const misses: string[] = [];
    const socket = await socketOf('organizer');
    const methods = Object.entries(validInputs(DUMMY_IDS)) as [MethodName, Json][];
    let compared = 0;
    for (const [method, input] of methods) {
      if (isFileMethod(method) || !contract[method].path.includes(':')) continue;
      const seen = asHttpSeesIt(method, input);
      const http = await overHttp('organizer', method, seen);
      const ws = await socket.call(method, seen);
      compared += 1;
      const wsBody = ws.ok ? ws.output : { error: refusalOf(ws.error) };
      const httpBody =
        http.status < 400 ? http.answer : { error: refusalOf(http.answer.error as never) };
      const wsStatus = ws.ok ? http.status : ws.status;
      if (wsStatus !== http.status || JSON.stringify(wsBody) !== JSON.stringify(httpBody)) {
        misses.push(`${method}: http ${http.status} ${JSON.stringify(httpBody)}`);
        misses.push(`   ws ${wsStatus} ${JSON.stringify(wsBody)}`);
      }
    }
    expect(compared).toBeGreaterThan(30);
    expectNoMisses(misses);
  });
});

describe('what a client sends on the socket cannot end the server', () => {
  it('answers what it cannot read, an unknown method and a bad call, and goes on', async () => {
    const socket = await socketOf('organizer');
    const notJson = await socket.sendRaw('{"kind":"call",');
    expect(notJson).toMatchObject({ id: null, ok: false, status: 400 });
    expect(notJson?.ok === false && notJson.error.reason).toBe('body.notJson');
    const notObject = await socket.sendRaw('[1,2]');
    expect(notObject?.ok === false && notObject.error.reason).toBe('body.notObject');
    const noId = await socket.sendRaw(JSON.stringify({ kind: 'call', method: 'run.get' }));
    expect(noId).toMatchObject({ id: null, ok: false, status: 400 });
    expect(noId?.ok === false && noId.error.params).toEqual({ field: 'id' });
    const unknown = await socket.call('run.explode', { id: real.meetingId });
    expect(unknown).toMatchObject({ ok: false, status: 404 });
    expect(unknown.ok === false && unknown.error.reason).toBe('request.unknownMethod');
    const proto = await socket.call('__proto__', {});
    expect(proto).toMatchObject({ ok: false, status: 404 });
    const badInput = await socket.call('run.get', 'not an object' as never);
    expect(badInput).toMatchObject({ ok: false, status: 400 });
    // Still the same socket, still answering.
    const run = await socket.call('run.get', { id: real.meetingId });
    expect(run).toMatchObject({ ok: true, output: { meetingId: real.meetingId } });
  });

  it('answers every mangled call of every method, and the server goes on', async () => {
    const socket = await socketOf('organizer');
    const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    const deepInput = JSON.parse(`{"a":${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}}`) as Json;
    const writesBefore = server.store.db.prepare('SELECT total_changes() AS n').get();
    const answersBefore = socket.messages.filter((m) => m.kind === 'answer').length;
    let sent = 0;
    for (const [method, input] of Object.entries(validInputs(real))) {
      const call = JSON.stringify({ kind: 'call', id: 900_001, method, input });
      const mangled = [
        call.slice(0, call.length >> 1), // cut in the middle
        call.replace('"call"', '"cal"'),
        call.replace('"id":900001', '"id":-1'),
        call.replace('"id":900001', '"id":1e400'),
        call.replace('"id":900001', '"id":"1"'),
        JSON.stringify({ kind: 'call', id: 900_002, method, input: [input] }),
        JSON.stringify({ kind: 'call', id: 900_003, method, input: deepInput }),
        JSON.stringify({ kind: 'call', id: 900_004, method: `${method}\u0000`, input }),
        `{"kind":"call","id":900005,"method":"${method}","input":{"__proto__":{"id":"x"}}}`,
        nested(20_000),
      ];
      for (const text of mangled) socket.ws.send(text);
      sent += mangled.length;
    }
    // Their ids are not the caller's own. Messages are answered in order: once a last call is
    // answered, every one before it was.
    const last = await socket.call('run.get', { id: real.meetingId });
    expect(last).toMatchObject({ ok: true });
    const refusals = socket.messages.filter((m) => m.kind === 'answer').slice(answersBefore, -1);
    expect(refusals).toHaveLength(sent);
    expect(refusals.filter((m) => m.ok !== false)).toEqual([]);
    expect(refusals.filter((m) => (m.status as number) >= 500)).toEqual([]);
    expect(server.store.db.prepare('SELECT total_changes() AS n').get()).toEqual(writesBefore);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('closes a socket sending a frame over the limit, and serves the next one', async () => {
    const socket = await socketOf('organizer');
    socket.ws.send('x'.repeat(WS_MAX_MESSAGE_BYTES + 1));
    expect(await socket.closed).toBe(1009);
    const next = await socketOf('organizer');
    expect(await next.call('run.get', { id: real.meetingId })).toMatchObject({ ok: true });
  });

  it('answers a bug as 500 with an error id that the log has too, as over HTTP', async () => {
    const socket = await socketOf('organizer');
    const handlers = server.handlers as unknown as Record<string, unknown>;
    const kept = handlers['run.get'];
    handlers['run.get'] = () => {
      throw new Error('a bug in a handler');
    };
    try {
      const answer = await socket.call('run.get', { id: real.meetingId });
      expect(answer).toMatchObject({ ok: false, status: 500, error: { code: 'internal' } });
      const errorId = answer.ok ? '' : (answer.error.errorId as string);
      expect(logged.some((line) => line.includes(errorId) && line.includes('a bug'))).toBe(true);
      expect(answer).toMatchObject({
        error: { reason: 'server.internal', params: { errorId } },
      });
      const http = await overHttp('organizer', 'run.get', { id: real.meetingId });
      expect(http.status).toBe(500);
    } finally {
      handlers['run.get'] = kept;
    }
    expect(await socket.call('run.get', { id: real.meetingId })).toMatchObject({ ok: true });
  });
});

describe('the run and notes over the socket', () => {
  it('answers a command after its commit, with what every screen is told', async () => {
    const console = await socketOf('organizer');
    const projector = await socketOf('projector');
    const started = await console.call('run.start', { id: real.meetingId });
    if (!started.ok) throw new Error(JSON.stringify(started.error));
    const told = () => projector.messages.find((m) => m.kind === 'run.changed');
    await expect.poll(told).toBeDefined();
    expect((told() as Json).run).toEqual(started.output);
    // The console heard the change before the answer: screens are told as the commit runs.
    const kinds = console.messages.map((m) => m.kind);
    expect(kinds.indexOf('run.changed')).toBeLessThan(kinds.indexOf('answer'));
    // The record has it: HTTP reads back the clock the socket started.
    const read = await organizer('GET', `/api/meetings/${real.meetingId}/run`);
    expect(read.body.clock).toEqual((started.output as Json).clock);
    // A projector may not run the meeting, over the socket either.
    const refused = await projector.call('run.pause', { id: real.meetingId });
    expect(refused).toMatchObject({ ok: false, status: 403 });
    expect(refused.ok === false && refused.error.reason).toBe('access.showOnly');
    await console.call('run.stop', { id: real.meetingId });
  });

  it('saves a note-taker’s note once, and says when an edit overwrote a newer version', async () => {
    const tablet = await socketOf('notetaker');
    const created = await tablet.call('notes.create', {
      id: real.meetingId,
      itemId: real.itemId,
      kind: 'quote',
      text: '经平板发出',
    });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const note = created.output as Json;
    const page = await organizer('GET', `/api/meetings/${real.meetingId}/notes`);
    const saved = (page.body.notes as Json[]).filter((n) => n.text === '经平板发出');
    expect(saved).toEqual([note]);
    const edit = { noteId: note.id, text: '改过', baseVersion: note.version };
    const updated = await tablet.call('notes.update', edit);
    expect(updated).toMatchObject({
      ok: true,
      output: { note: { text: '改过', version: 2 }, overwroteNewer: false },
    });
    // The same edit again, from the version before: saved, and said to have overwritten.
    const again = await tablet.call('notes.update', edit);
    expect(again).toMatchObject({
      ok: true,
      output: { note: { version: 3 }, overwroteNewer: true },
    });
    const overHttpAgain = await overHttp('notetaker', 'notes.update', edit);
    expect(overHttpAgain.answer).toMatchObject({ note: { version: 4 }, overwroteNewer: true });
  });
});
