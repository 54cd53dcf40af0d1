import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_DATE } from '../../e2e/serve-process.ts';
import { startTestServer, type Json } from './test-support/test-server.ts';
import {
  exportMeetingFile,
  importMeetingFile,
  mapFileIds,
  tableRowCounts,
} from './test-support/meeting-file.ts';

/**
 * A meeting file is untrusted input (issue 12, items 3 and 4): whatever it says, it can only add
 * a new meeting, and only one that the API's own requests could have made.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
/**
 * Meeting A: the sample, drawn, its first item done and its second one running with a note
 * typed during the speech (21 notes in all, as in the report).
 */
let meetingA: string;
let fileOfA: Json;

beforeAll(async () => {
  server = await startTestServer();
  const sample = server.handlers['meetings.createSample']({ date: SAMPLE_DATE });
  meetingA = sample.meeting.id;
  server.handlers['draw.make']({ id: meetingA, seed: '甲' });
  server.handlers['run.next']({ id: meetingA });
  const running = server.handlers['run.next']({ id: meetingA });
  server.handlers['notes.create']({
    id: meetingA,
    itemId: running.currentItemId as string,
    kind: 'takeaway',
    text: '临时党支部建在项目一线',
  });
  const { participants } = server.handlers['participants.addFromRoster']({ id: meetingA });
  server.handlers['participants.update']({
    id: meetingA,
    participantId: participants[0]?.id as string,
    reply: 'leave',
    leaveReason: '外出学习',
  });
  server.handlers['participants.update']({
    id: meetingA,
    participantId: participants[2]?.id as string,
    phone: '0755-28940001',
  });
  server.handlers['seating.update']({
    id: meetingA,
    layout: 'rostrum',
    headCount: 2,
    countsOnProjector: true,
  });
  server.handlers['seating.swap']({
    id: meetingA,
    participantIds: [participants[1]?.id as string, participants[3]?.id as string],
  });
  server.handlers['newsBrief.update']({
    id: meetingA,
    headline: '改过的标题',
    minutesFinding: '会议认为，交流很有收获。',
  });
  fileOfA = await exportMeetingFile(server.url, meetingA);
});
afterAll(() => server.cleanup());

/** Everything stored of meeting A, as its file says it (the file's time of writing aside). */
async function storedA(): Promise<string> {
  return JSON.stringify({ ...(await exportMeetingFile(server.url, meetingA)), exportedAt: 0 });
}

let copies = 0;
/** A's file as another meeting, every id new: only what a case changes can be wrong with it. */
function freshFile(): Json {
  const tag = `f${++copies}-`;
  const file = mapFileIds(fileOfA, (id) => tag + id);
  file.originMeetingId = tag + file.originMeetingId;
  return file;
}

describe('a meeting file cannot overwrite another meeting', () => {
  it("comes in as a separate meeting when it carries a new meeting id but A's item and note ids", async () => {
    const before = await storedA();
    expect(fileOfA.notes).toHaveLength(21);
    expect(fileOfA.run.itemRuns.some((r: Json) => r.status === 'running')).toBe(true);

    const attack = structuredClone(fileOfA) as Json;
    // As reported: a file without the origin of its meeting (files written before it existed).
    delete attack.originMeetingId;
    const otherId = 'another-meeting';
    attack.meeting.id = otherId;
    attack.meeting.title = '冒名会议';
    for (const item of attack.items) {
      item.meetingId = otherId;
      item.speaker = '冒名顶替';
    }
    for (const note of attack.notes) {
      note.meetingId = otherId;
      note.text = '已被覆盖';
    }
    for (const draw of attack.draws) {
      // Only the draws get ids of their own: an id taken there stopped the import with a 500.
      draw.id = `${draw.id}-again`;
      draw.meetingId = otherId;
    }
    for (const person of attack.participants) {
      person.meetingId = otherId;
      person.name = '冒名';
    }
    for (const itemRun of attack.run.itemRuns) itemRun.status = 'skipped';

    const imported = await importMeetingFile(server.url, JSON.stringify(attack));
    expect(imported.status).toBe(201);
    // A: its items, its 21 notes' texts and its run state, byte for byte.
    const after = await storedA();
    expect(after).toBe(before);
    expect(JSON.parse(after).notes.map((n: Json) => n.text)).toEqual(
      fileOfA.notes.map((n: Json) => n.text),
    );
    // The file's meeting is a new one, under ids of its own.
    const newId = imported.body.meeting.id as string;
    expect(newId).not.toBe(meetingA);
    expect(newId).not.toBe(otherId);
    const fileIds = new Set(fileOfA.items.map((i: Json) => i.id));
    expect(imported.body.items.some((i: Json) => fileIds.has(i.id))).toBe(false);
    expect(imported.body.items.every((i: Json) => i.speaker === '冒名顶替')).toBe(true);
    // The new meeting has its own 21 notes and run record, under its own ids.
    const copy = await exportMeetingFile(server.url, newId);
    expect(copy.notes).toHaveLength(21);
    expect(copy.notes.every((n: Json) => n.text === '已被覆盖')).toBe(true);
    expect(copy.run.itemRuns.every((r: Json) => r.status === 'skipped')).toBe(true);

    // The same file naming A as its origin is A brought back: asked first, then only a copy.
    attack.originMeetingId = meetingA;
    expect((await importMeetingFile(server.url, JSON.stringify(attack))).status).toBe(409);
    expect((await importMeetingFile(server.url, JSON.stringify(attack), true)).status).toBe(201);
    expect(await storedA()).toBe(before);
  });

  it('recognises the same meeting brought back, by its origin, and asks before a copy', async () => {
    const b = await startTestServer();
    try {
      const first = await importMeetingFile(b.url, JSON.stringify(fileOfA));
      expect(first.status).toBe(201);
      expect(first.body.meeting.id).not.toBe(meetingA);
      const again = await importMeetingFile(b.url, JSON.stringify(fileOfA));
      expect(again.status).toBe(409);
      const copy = await importMeetingFile(b.url, JSON.stringify(fileOfA), true);
      expect(copy.status).toBe(201);
      // Carried back from the other computer, it is still A.
      const fromB = await exportMeetingFile(b.url, first.body.meeting.id);
      const counts = tableRowCounts(server.store);
      expect((await importMeetingFile(server.url, JSON.stringify(fromB))).status).toBe(409);
      expect(tableRowCounts(server.store)).toEqual(counts);
    } finally {
      await b.cleanup();
    }
  });
});

describe('a participant’s 联系电话 in a meeting file', () => {
  it('comes back with a copy; a file written before phones imports everyone without one', async () => {
    expect(fileOfA.participants[2].phone).toBe('0755-28940001');
    const phonesOf = (id: string) =>
      server.handlers['participants.list']({ id }).participants.map((p) => p.phone);
    const copy = await importMeetingFile(server.url, JSON.stringify(fileOfA), true);
    expect(copy.status).toBe(201);
    expect(phonesOf(copy.body.meeting.id as string)).toEqual(phonesOf(meetingA));
    const older = freshFile();
    for (const person of older.participants) delete person.phone;
    const imported = await importMeetingFile(server.url, JSON.stringify(older));
    expect(imported.status).toBe(201);
    expect(new Set(phonesOf(imported.body.meeting.id as string))).toEqual(new Set(['']));
  });
});

describe('the seating plan and the 会议信息 edits in a meeting file', () => {
  it('come back with a copy: the layout, the swapped seats under the new ids, the edits', async () => {
    expect(fileOfA.seating).toMatchObject({
      layout: 'rostrum',
      headCount: 2,
      countsOnProjector: true,
    });
    expect(fileOfA.seating.swaps.length).toBeGreaterThan(0);
    const copy = await importMeetingFile(server.url, JSON.stringify(fileOfA), true);
    expect(copy.status).toBe(201);
    const copyId = copy.body.meeting.id as string;
    const seatsOf = async (id: string) => {
      const view = server.handlers['seating.get']({ id });
      expect(view.swapped).toBe(true);
      return JSON.stringify(view.chart, (key, value: unknown) =>
        key === 'participantId' ? undefined : value,
      );
    };
    // The same people in the same seats, the swap's included, though every id is new.
    expect(await seatsOf(copyId)).toBe(await seatsOf(meetingA));
    const copyIds = new Set(
      server.handlers['participants.list']({ id: copyId }).participants.map((p) => p.id),
    );
    const copySwaps = server.handlers['seating.get']({ id: copyId });
    expect(copySwaps.settings).toMatchObject({
      layout: 'rostrum',
      headCount: 2,
      countsOnProjector: true,
    });
    const swapped = (await exportMeetingFile(server.url, copyId)).seating.swaps.flat();
    expect(swapped.length).toBeGreaterThan(0);
    expect(swapped.every((id: string) => copyIds.has(id))).toBe(true);
    expect(server.store.newsBriefs.get(copyId)).toMatchObject({
      headline: '改过的标题',
      minutesFinding: '会议认为，交流很有收获。',
    });
  });

  it('take the sign-in counts off the projector when the file was written before that switch', async () => {
    const older = freshFile();
    delete older.seating.countsOnProjector;
    const imported = await importMeetingFile(server.url, JSON.stringify(older));
    expect(imported.status).toBe(201);
    const seating = server.handlers['seating.get']({ id: imported.body.meeting.id as string });
    expect(seating.settings).toMatchObject({ layout: 'rostrum', countsOnProjector: false });
  });

  it('are absent from an older file: the copy has the default plan and no edits', async () => {
    const older = freshFile();
    delete older.seating;
    delete older.newsBriefEdits;
    const imported = await importMeetingFile(server.url, JSON.stringify(older));
    expect(imported.status).toBe(201);
    const id = imported.body.meeting.id as string;
    const seating = server.handlers['seating.get']({ id });
    expect(seating.swapped).toBe(false);
    expect(seating.settings.layout).not.toBe('rostrum');
    expect(server.store.newsBriefs.get(id).headline).toBeNull();
  });
});

describe('the finish-on-time limits in a meeting file (issue 17)', () => {
  it("come back with a copy on the copy's own items, without the undo", async () => {
    const made = server.handlers['meetings.createSample']({ date: SAMPLE_DATE });
    const id = made.meeting.id;
    server.handlers['run.next']({ id });
    const later = made.items[3]?.id as string;
    server.handlers['run.finishOnTime']({ id, changes: [{ itemId: later, toMinutes: 5.5 }] });
    const file = await exportMeetingFile(server.url, id);
    expect(file.run.adjustedLimits).toEqual({ [later]: 5.5 });
    expect(file.run).not.toHaveProperty('limitsBeforePlan');
    const copy = await importMeetingFile(server.url, JSON.stringify(file), true);
    expect(copy.status).toBe(201);
    const copyId = copy.body.meeting.id as string;
    const copyItem = server.handlers['meetings.get']({ id: copyId }).items[3]?.id as string;
    const run = server.handlers['run.get']({ id: copyId });
    expect(run.adjustedLimits).toEqual({ [copyItem]: 5.5 });
    expect(run.finishOnTimeUndoable).toBe(false);
  });

  it('are absent from an older file: the copy has none', async () => {
    const older = freshFile();
    delete older.run.adjustedLimits;
    const imported = await importMeetingFile(server.url, JSON.stringify(older));
    expect(imported.status).toBe(201);
    const id = imported.body.meeting.id as string;
    expect(server.handlers['run.get']({ id }).adjustedLimits).toEqual({});
  });
});

/** A case: how the file is spoiled, and the place in the file the refusal must name. */
type Spoil = [field: string, spoil: (file: Json) => void];

const limitCases: Spoil[] = [
  ['notes[12].text', (f) => (f.notes[12].text = '长'.repeat(200_000))],
  ['notes[3].text', (f) => (f.notes[3].text = '   ')],
  ['notes[5].dueDate', (f) => (f.notes[5].dueDate = 'not a date')],
  ['notes[6].owner', (f) => (f.notes[6].owner = '人'.repeat(61))],
  ['run.message', (f) => (f.run.message = '快'.repeat(100_000))],
  ['items[3].plannedMinutes', (f) => (f.items[3].plannedMinutes = 601)],
  ['items[2].speaker', (f) => (f.items[2].speaker = '名'.repeat(61))],
  ['meeting.title', (f) => (f.meeting.title = '')],
  ['meeting.date', (f) => (f.meeting.date = '2026-02-30')],
  ['draws[0].seed', (f) => (f.draws[0].seed = '种'.repeat(201))],
  ['draws[0].drawnBy', (f) => (f.draws[0].drawnBy = '人'.repeat(61))],
  ['participants[2].name', (f) => (f.participants[2].name = '名'.repeat(61))],
  ['participants[0].leaveReason', (f) => (f.participants[0].leaveReason = '因'.repeat(201))],
  ['participants[1].role', (f) => (f.participants[1].role = 'guest')],
  ['participants[4].rank', (f) => (f.participants[4].rank = 0)],
  ['participants[3].phone', (f) => (f.participants[3].phone = '1'.repeat(41))],
  ['seating.headCount', (f) => (f.seating.headCount = 31)],
  ['newsBriefEdits.headline', (f) => (f.newsBriefEdits.headline = '题'.repeat(201))],
];

const invariantCases: Spoil[] = [
  ['meeting.id', (f) => spoilMeetingId(f, '')],
  // A plan's limit for an item the file does not carry (issue 17).
  ['run.adjustedLimits.nope', (f) => (f.run.adjustedLimits = { nope: 5 })],
  [
    'items[4].position',
    (f) => f.items.slice(4).forEach((i: Json) => (i.position += 1)), // a gap after the fourth
  ],
  ['items[5].id', (f) => (f.items[5].id = f.items[4].id)],
  ['items[2].meetingId', (f) => (f.items[2].meetingId = 'elsewhere')],
  ['notes[7].itemId', (f) => (f.notes[7].itemId = 'nowhere')],
  ['notes[8].id', (f) => (f.notes[8].id = f.notes[2].id)],
  ['notes[9].meetingId', (f) => (f.notes[9].meetingId = 'elsewhere')],
  ['run.currentItemId', (f) => (f.run.currentItemId = 'nowhere')],
  ['run.clock.itemId', (f) => (f.run.clock.itemId = f.items[0].id)], // not the item on stage
  ['run.itemRuns[0].itemId', (f) => (f.run.itemRuns[0].itemId = 'nowhere')],
  ['run.itemRuns[1].itemId', (f) => (f.run.itemRuns[1].itemId = f.run.itemRuns[0].itemId)],
  ['draws[0].pool[2].itemId', (f) => (f.draws[0].pool[2].itemId = 'nowhere')],
  ['draws[0].order[0]', (f) => (f.draws[0].order[0] = 'nowhere')],
  ['draws[0].order', (f) => f.draws[0].order.reverse()],
  ['draws[0].meetingId', (f) => (f.draws[0].meetingId = 'elsewhere')],
  ['participants[3].id', (f) => (f.participants[3].id = f.participants[1].id)],
  ['participants[5].meetingId', (f) => (f.participants[5].meetingId = 'elsewhere')],
  ['seating.swaps[0][1]', (f) => (f.seating.swaps[0][1] = 'nobody')],
];

/** Decimals where the database keeps whole numbers, and one id twice: each answered 500. */
const answeredFiveHundred: Spoil[] = [
  ['meeting.createdAt', (f) => (f.meeting.createdAt += 0.5)],
  ['run.clock.startedAt', (f) => (f.run.clock.startedAt += 0.5)],
  ['run.itemRuns[0].elapsedMs', (f) => (f.run.itemRuns[0].elapsedMs += 0.5)],
  ['draws[0].drawnAt', (f) => (f.draws[0].drawnAt += 0.5)],
  ['draws[1].id', (f) => f.draws.push({ ...f.draws[0] })],
];

/** Decimals a lenient column took without a word. */
const decimalCases: Spoil[] = [
  ['notes[0].speechOffsetMs', (f) => (f.notes[0].speechOffsetMs = 1.5)],
  ['notes[1].version', (f) => (f.notes[1].version = 1.5)],
  ['notes[2].createdAt', (f) => (f.notes[2].createdAt += 0.5)],
];

function spoilMeetingId(file: Json, id: string): void {
  file.meeting.id = id;
  for (const part of [...file.items, ...file.notes, ...file.draws, ...file.participants]) {
    part.meetingId = id;
  }
}

describe('a meeting file is refused whole, naming the place, with nothing written', () => {
  it.each([...limitCases, ...invariantCases, ...answeredFiveHundred, ...decimalCases])(
    '%s',
    async (field, spoil) => {
      const file = freshFile();
      spoil(file);
      const counts = tableRowCounts(server.store);
      for (const asCopy of [false, true]) {
        const refused = await importMeetingFile(server.url, JSON.stringify(file), asCopy);
        expect({ status: refused.status, field: refused.body.error?.field }).toEqual({
          status: 400,
          field,
        });
        expect(refused.body.error.code).toBe('invalid_input');
        expect(refused.body.error.message).toMatch(new RegExp(`^${escapeRegExp(field)}: .+`));
        expect(tableRowCounts(server.store)).toEqual(counts);
      }
    },
  );

  it('takes the same file unspoiled, so each refusal above is for its one fault', async () => {
    const file = freshFile();
    expect((await importMeetingFile(server.url, JSON.stringify(file))).status).toBe(201);
  });
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
