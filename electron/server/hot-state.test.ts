import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../api/contract.ts';
import { httpRequestOf, type Json } from './test-support/ws-caller.ts';
import { startTestServer, TEST_TOKEN } from './test-support/test-server.ts';

/**
 * The meeting, agenda, run state and stage that commands read from memory (store.hot) must be
 * what SQLite holds after every write, whoever wrote it. Walked over every method of the contract
 * that writes (every verb but GET): before each call every meeting is held, after it each held
 * one is compared with a fresh read of the record. A new writing method fails the walk until it
 * is in it.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.cleanup());

const walked = new Set<MethodName>();
const meetings = new Set<string>();

function expectMemoryIsTheRecord(label: string) {
  const { store } = server;
  for (const id of store.hot.heldMeetingIds()) {
    const meeting = store.meetings.get(id);
    const fresh = meeting && {
      meeting,
      items: store.agenda.listForMeeting(id),
      run: store.runs.load(id),
    };
    expect(store.hot.meetingRun(id), `${label}: meeting ${id}`).toEqual(fresh);
  }
  expect(store.hot.stage(), `${label}: the stage`).toBe(store.stage.get());
}

/** Holds every meeting, calls the method over HTTP as the console would, compares. */
async function step(method: MethodName, input: Json, file?: { bytes: string; query: Json }) {
  for (const id of meetings) server.store.hot.meetingRun(id);
  server.store.hot.stage();
  let res: Response;
  if (file) {
    const { path } = httpRequestOf(method, input);
    const query = new URLSearchParams(Object.entries(file.query).map(([k, v]) => [k, String(v)]));
    res = await fetch(`${server.url}${path}?${query.toString()}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_TOKEN}` },
      body: new TextEncoder().encode(file.bytes),
    });
  } else {
    const { verb, path, body } = httpRequestOf(method, input);
    res = await fetch(new URL(path, server.url), {
      method: verb,
      headers: {
        Authorization: `Bearer ${TEST_TOKEN}`,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body,
    });
  }
  const answer = (await res.json()) as Json;
  walked.add(method);
  expectMemoryIsTheRecord(`after ${method} (${res.status})`);
  return { status: res.status, body: answer };
}

const CSV =
  '单位,姓名,职务,题目,时长\r\n平湖街道,林一平,党工委书记,四条河征拆,8\r\n坪地街道,陈二坪,党工委书记,建在一线,10\r\n';

describe('the run state held in memory', () => {
  it('is the record after every writing method of the contract', async () => {
    const sample = await step('meetings.createSample', { date: '2026-11-25' });
    const m = (sample.body.meeting as Json).id as string;
    meetings.add(m);
    const blank = await step('meetings.create', { title: '空白', date: '2026-11-26' });
    const b = (blank.body.meeting as Json).id as string;
    meetings.add(b);
    const items = (sample.body.items as Json[]).map((i) => i.id as string);
    const [first, second, third] = items as [string, string, string];
    const plan = { id: m, changes: [{ itemId: third, toMinutes: 5 }] };

    for (const [method, input] of [
      ['run.start', { id: m }],
      ['run.pause', { id: m }],
      ['run.resume', { id: m }],
      ['run.adjust', { id: m, deltaMs: 60_000 }],
      ['run.message', { id: m, text: '请抓紧' }],
      ['run.screen', { id: m, mode: 'blackout' }],
      ['run.finishOnTime', plan],
      ['run.undoFinishOnTime', { id: m }],
      ['run.finishOnTime', plan],
      ['run.next', { id: m }],
      ['run.undoFinishOnTime', { id: m }], // refused: the next speaker started
      ['run.previous', { id: m }],
      ['run.goto', { id: m, itemId: second }],
      ['run.skip', { id: m }],
      ['run.stop', { id: m }],
      ['run.pause', { id: m }], // refused: nothing runs; memory must not change
    ] as [MethodName, Json][]) {
      await step(method, input);
    }

    const note = await step('notes.create', { id: m, itemId: first, kind: 'takeaway', text: '一' });
    const noteId = note.body.id as string;
    await step('notes.update', { noteId, text: '二', itemId: second });
    await step('notes.delete', { noteId });
    await step('notes.restore', { noteId });

    const added = await step('agenda.add', { id: m, kind: 'exchange', plannedMinutes: 5 });
    const addedId = (added.body.item as Json).id as string;
    await step('agenda.update', { id: m, itemId: addedId, plannedMinutes: 7 });
    await step('agenda.reorder', { id: m, itemIds: [addedId, ...items] });
    await step('run.goto', { id: m, itemId: addedId });
    // The item on stage is removed: the run has nothing on stage, in memory too.
    await step('agenda.remove', { id: m, itemId: addedId });

    await step(
      'import.preview',
      {},
      { bytes: CSV, query: { target: 'roster', fileName: 'a.csv' } },
    );
    await step('import.roster', {}, { bytes: CSV, query: { fileName: '名单.csv' } });
    const entry = await step('roster.add', {
      organization: '龙城',
      name: '王三',
      position: '书记',
    });
    await step('roster.update', { entryId: entry.body.id as string, position: '主任' });
    await step('agenda.fillFromRoster', { id: b });
    await step('agenda.orderByRoster', { id: b });
    await step('import.agenda', { id: b }, { bytes: CSV, query: { fileName: '议程.csv' } });
    await step('draw.make', { id: b, drawnBy: '监督员' });

    // The meeting's people: another table, but the same meeting's transactions.
    const person = await step('participants.add', { id: m, name: '赵四' });
    const participantId = (person.body.participant as Json).id as string;
    await step('participants.update', { id: m, participantId, reply: 'attending' });
    const listed = await step('participants.addFromRoster', { id: m });
    const everyone = (listed.body.participants as Json[]).map((p) => p.id as string);
    await step('participants.reorder', { id: m, participantIds: everyone.reverse() });
    await step('signIn.signIn', { id: m, participantId });
    await step('signIn.undo', { id: m, participantId });
    await step('participants.remove', { id: m, participantId });
    const seated = everyone.filter((id) => id !== participantId);
    await step('seating.update', { id: m, layout: 'rostrum', paper: 'A3' });
    await step('seating.swap', { id: m, participantIds: seated.slice(0, 2) });
    await step('seating.reset', { id: m });
    await step('replies.read', { id: m }, { bytes: CSV, query: { fileName: '回执.csv' } });
    const replies = { id: m, files: [{ file: '回执.csv', replies: [] }] };
    await step('replies.preview', replies);
    await step('replies.import', replies);
    await step('notice.update', { id: m, addressee: '各街道党工委', contactName: '王会务' });
    await step('newsBrief.update', { id: m, headline: '改过的会议信息标题', withSources: false });

    await step('meetings.update', { id: m, title: '改过的标题' });
    const copy = await step('meetings.duplicate', { id: m, title: '副本' });
    meetings.add((copy.body.meeting as Json).id as string);
    await step('stage.set', { meetingId: b });

    const sharing = await step('sharing.set', { enabled: true });
    const lan = (sharing.body.urls as string[])[0]?.replace(/\/$/, '') as string;
    const joined = await fetch(`${lan}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: sharing.body.code, role: 'projector' }),
    });
    const deviceId = ((await joined.json()) as Json).deviceId as string;
    await step('sharing.revoke', { deviceId });
    await step('sharing.allow', { deviceId });

    const exported = await fetch(`${server.url}/api/meetings/${m}/export/meeting.roundtable`, {
      headers: { Authorization: `Bearer ${TEST_TOKEN}` },
    });
    const bundle = new Uint8Array(await exported.arrayBuffer());
    for (const id of meetings) server.store.hot.meetingRun(id);
    const imported = await fetch(`${server.url}/api/meetings/import-bundle?asCopy=true`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_TOKEN}` },
      body: bundle,
    });
    expect(imported.status, await imported.clone().text()).toBe(201);
    walked.add('meetings.importBundle');
    expectMemoryIsTheRecord('after meetings.importBundle');

    // The meeting on stage is deleted: SQLite empties the stage (ON DELETE SET NULL).
    await step('meetings.delete', { id: b });
    await step('meetings.delete', { id: m });
    expect(server.store.hot.heldMeetingIds()).not.toContain(m);

    const writers = (Object.keys(contract) as MethodName[]).filter(
      (name) => contract[name].http !== 'GET',
    );
    expect(writers.filter((name) => !walked.has(name))).toEqual([]);
    // Some fifty requests, the imports in worker threads: long on a loaded machine.
  }, 120_000);
});

describe('a command that is rolled back', () => {
  it('leaves memory as the record, for a transaction and a savepoint inside one', async () => {
    const sample = await step('meetings.createSample', { date: '2026-11-27' });
    const m = (sample.body.meeting as Json).id as string;
    meetings.add(m);
    await step('run.start', { id: m });
    const { store } = server;
    const before = store.hot.meetingRun(m);
    // As a run command whose commit fails: only the run state was written.
    const runWriteFails = () => {
      const run = store.runs.load(m).state;
      store.runs.save(m, { ...run, message: '不该留下' }, 1, run);
      throw new Error('the disk said no');
    };
    const everythingFails = () => {
      store.agenda.replaceAll(m, []);
      if (before) store.meetings.save({ ...before.meeting, title: '不该留下' });
      runWriteFails();
    };
    for (const fails of [runWriteFails, everythingFails]) {
      expect(() => store.transaction(fails)).toThrow('the disk said no');
      expectMemoryIsTheRecord(`after a rollback (${fails.name})`);
      expect(store.hot.meetingRun(m)).toEqual(before);
    }

    // A savepoint rolled back inside a transaction that commits: only the outer write stays.
    store.transaction(() => {
      const run = store.runs.load(m).state;
      store.runs.save(m, { ...run, message: '留下' }, 2, run);
      expect(() => store.transaction(runWriteFails)).toThrow('the disk said no');
    });
    expectMemoryIsTheRecord('after a savepoint rolled back');
    expect(store.hot.meetingRun(m)?.run.state.message).toBe('留下');
  });

  it('is not read back from SQLite per command once held', async () => {
    const created = await step('meetings.createSample', { date: '2026-11-28' });
    const m = (created.body.meeting as Json).id as string;
    const title = (created.body.meeting as Json).title as string;
    server.store.hot.meetingRun(m);
    // Behind the store's back (no app writes this way): a command still sees what it held.
    server.store.db.prepare('UPDATE meetings SET title = ? WHERE id = ?').run('背后改的', m);
    const res = await fetch(`${server.url}/api/meetings/${m}/run/start`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(server.store.hot.meetingRun(m)?.meeting.title).toBe(title);
    expect(server.store.hot.meetingRun(m)?.run.state.clock).not.toBeNull();
  });
});
