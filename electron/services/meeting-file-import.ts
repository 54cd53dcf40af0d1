import { performance } from 'node:perf_hooks';
import type { MeetingWithAgenda, MethodParsedInput } from '../api/contract.ts';
import { detail } from '../api/error-reasons.ts';
import type { Meeting } from '../core/meeting.ts';
import type { Note } from '../core/notes.ts';
import { initialRunState } from '../core/run.ts';
import {
  checkpointQuietly,
  mergeSearchStep,
  pauseSearchMerging,
  resumeSearchMerging,
} from '../store/bulk-writes.ts';
import type { ServiceContext } from './context.ts';
import { invalidInput, ServiceError } from './errors.ts';
import type { HeavyJobs } from './heavy-jobs.ts';
import type { MeetingFileHead } from './meeting-file-read.ts';
import { announceNewMeeting, titleForCopy } from './meetings.ts';
import { startHeavyWorker, type HeavyRequestOptions } from './worker-thread.ts';

/** Reading a 51 MiB file of 50,000 notes takes about half of this. */
export const MEETING_FILE_HEAP_MB = 1024;
const IMPORT_TIMEOUT_MS = 10 * 60_000;
/** Notes the worker hands over at a time. */
const NOTE_BATCH = 500;
/**
 * How long one transaction of the import may hold the server's connection (and event loop):
 * a run command arriving meanwhile waits at most about this, plus the commit.
 */
const SLICE_MS = 8;
/** Reading the file is about this share of the whole import; writing the notes, the rest. */
const READ_SHARE = 0.3;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Pages of the search index one merge step writes: well under a millisecond of work. */
const MERGE_PAGES = 16;

/** Runs `write` in transactions of about SLICE_MS each until it says it is done. */
function writeForAboutASlice(ctx: ServiceContext, write: () => boolean): boolean {
  return ctx.store.transaction(() => {
    const startedAt = performance.now();
    let more: boolean;
    do more = write();
    while (more && performance.now() - startedAt < SLICE_MS);
    return more;
  });
}

/** Merges the search index's segments in slices until no level holds enough to merge. */
async function mergeSearchInSlices(ctx: ServiceContext): Promise<void> {
  while (writeForAboutASlice(ctx, () => mergeSearchStep(ctx.store.db, MERGE_PAGES))) {
    await nextTurn();
  }
}

/**
 * Writes notes in transactions of about SLICE_MS each, letting the event loop run between. They
 * are not flushed to the disk one by one (no commit is: store/wal-flush.ts): the meeting is
 * hidden until the last transaction of the import, whose answer waits for the flush of them all. After each slice, what SQLite
 * would otherwise do inside some later insert is done in steps of its own (see bulk-writes.ts):
 * the search index merged, and the WAL folded back while it is small.
 */
async function writeNotesInSlices(ctx: ServiceContext, notes: readonly Note[]): Promise<void> {
  let next = 0;
  while (next < notes.length) {
    writeForAboutASlice(ctx, () => {
      ctx.store.notes.save(notes[next++] as Note);
      return next < notes.length;
    });
    await nextTurn();
    await mergeSearchInSlices(ctx);
    checkpointQuietly(ctx.store.db);
    await nextTurn();
  }
}

/** Deletes a meeting a few hundred notes at a time: one statement for 50,000 takes a second. */
async function deleteInSlices(ctx: ServiceContext, meetingId: string): Promise<void> {
  // A delete lost to a power cut leaves the meeting marked, to be deleted again.
  const deleteSome = () =>
    ctx.store.transaction(() => ctx.store.notes.deleteSomeOfMeeting(meetingId, 200));
  while (deleteSome() > 0) await nextTurn();
  ctx.store.transaction(() => ctx.store.meetings.delete(meetingId));
}

/**
 * Imports that a crash (or a full disk) cut short are still marked: they are deleted before the
 * next one starts. Imports run one at a time, so none of them is under way now.
 */
async function deleteUnfinishedImports(ctx: ServiceContext): Promise<void> {
  for (const meetingId of ctx.store.meetings.listImporting()) await deleteInSlices(ctx, meetingId);
}

const conflict = () =>
  new ServiceError(
    'conflict',
    'this meeting is already here: import it as a copy ("asCopy": true) to keep both',
    undefined,
    detail('meetingFile.alreadyHere'),
  );

/**
 * Writes a meeting file's meeting, checked and under new ids by the worker. 50,000 notes take
 * seconds to write, so they go in short transactions while the meeting stays marked as being
 * imported (found by no list or search, see migration 007); the last transaction clears the
 * mark. A failure on the way deletes what was written: the import is still all or nothing.
 */
async function writeMeeting(
  ctx: ServiceContext,
  head: MeetingFileHead,
  asCopy: boolean,
  nextNotes: (from: number) => Promise<Note[]>,
  progress: (fraction: number) => void,
): Promise<Meeting> {
  const { meeting, items, draws, participants, notice, seating, newsBriefEdits, run } = head.data;
  const alreadyHere = () => ctx.store.meetings.findByOrigin(head.origin) !== undefined;
  if (alreadyHere() && !asCopy) throw conflict();
  await deleteUnfinishedImports(ctx);
  ctx.store.transaction(() => {
    pauseSearchMerging(ctx.store.db);
    ctx.store.meetings.save(meeting);
    ctx.store.meetings.setImporting(meeting.id, true);
    ctx.store.agenda.replaceAll(meeting.id, items);
    for (const draw of draws) ctx.store.draws.add(draw);
    for (const person of participants) ctx.store.participants.save(person);
    if (notice) ctx.store.notices.save(meeting.id, notice, ctx.now());
    if (seating)
      ctx.store.seating.save({ ...seating, meetingId: meeting.id, updatedAt: ctx.now() });
    if (newsBriefEdits) ctx.store.newsBriefs.save(meeting.id, newsBriefEdits, ctx.now());
  });
  try {
    for (let written = 0; written < head.noteCount;) {
      const notes = await nextNotes(written);
      await writeNotesInSlices(ctx, notes);
      written += notes.length;
      progress(READ_SHARE + ((1 - READ_SHARE) * written) / head.noteCount);
    }
    return ctx.store.transaction(() => {
      resumeSearchMerging(ctx.store.db);
      const copy = alreadyHere();
      if (copy && !asCopy) throw conflict();
      // A copy beside the meeting it came from is a meeting of its own from now on, and
      // titled as a copy so that lists and search hits tell the two apart.
      ctx.store.meetings.setOrigin(meeting.id, copy ? null : head.origin);
      const saved = copy ? { ...meeting, title: titleForCopy(ctx, meeting.title) } : meeting;
      if (copy) ctx.store.meetings.save(saved);
      ctx.store.runs.save(meeting.id, run, ctx.now(), initialRunState);
      ctx.store.meetings.setImporting(meeting.id, false);
      return saved;
    });
  } catch (error) {
    // Still marked: if this fails too (a full disk), the next import deletes it, and the next
    // start resumes merging. Resumed first: FTS5 merges a delete's rows as it goes, as always.
    try {
      ctx.store.transaction(() => resumeSearchMerging(ctx.store.db));
    } catch {
      // Resumed at the next start (see resumeSearchMergingIfPaused).
    }
    await deleteInSlices(ctx, meeting.id).catch(() => {});
    throw error;
  }
}

/**
 * Brings a meeting file in, whole: the file is read and checked in a worker thread (against the
 * API's own schemas, see meeting-file-read.ts), every row gets a new id so a file can only ever
 * add a meeting, and the same meeting brought in again (known by its origin) is refused with 409
 * unless the caller asks for a copy. One import at a time.
 */
export async function importMeeting(
  ctx: ServiceContext,
  heavyJobs: HeavyJobs,
  input: MethodParsedInput<'meetings.importBundle'>,
): Promise<MeetingWithAgenda> {
  const job = {
    key: 'meeting-file-import',
    kind: 'import' as const,
    name: 'meeting.roundtable',
    meetingId: null,
    heapLimitMb: MEETING_FILE_HEAP_MB,
  };
  const { head, meeting } = await heavyJobs.run(job, async ({ heapLimitMb }, progress) => {
    const worker = startHeavyWorker(heapLimitMb);
    // The whole import has IMPORT_TIMEOUT_MS: each request to the worker, what is left of it.
    const deadline = performance.now() + IMPORT_TIMEOUT_MS;
    const asking = (): HeavyRequestOptions => ({
      timeoutMs: Math.max(0, deadline - performance.now()),
      onProgress: (fraction) => progress(READ_SHARE * fraction),
      outOfMemory: () =>
        invalidInput(
          'file',
          `reading it needs more memory than the ${heapLimitMb} MiB set aside for a meeting file; a Roundtable meeting file never does`,
          detail('meetingFile.tooMuchMemory', { mib: heapLimitMb }),
        ),
      tookTooLong: () =>
        new ServiceError(
          'unavailable',
          'importing took longer than 10 minutes and was stopped',
          undefined,
          detail('meetingFile.timeout'),
        ),
    });
    try {
      const file = input.file;
      // Handed over, not copied, when the bytes are the whole of their buffer.
      const whole = file.byteOffset === 0 && file.byteLength === file.buffer.byteLength;
      const transfer = whole && file.buffer instanceof ArrayBuffer ? [file.buffer] : [];
      const read = (await worker.ask(
        { type: 'readMeetingFile', bytes: file },
        asking(),
        transfer,
      )) as MeetingFileHead;
      const nextNotes = async (from: number) =>
        (await worker.ask(
          { type: 'meetingFileNotes', from, count: NOTE_BATCH },
          asking(),
        )) as Note[];
      const saved = await writeMeeting(ctx, read, input.asCopy === true, nextNotes, progress);
      return { head: read, meeting: saved };
    } finally {
      worker.close();
    }
  });
  const { items } = head.data;
  return { meeting, items, revision: announceNewMeeting(ctx, meeting, items) };
}

export const meetingFileHandlers = (ctx: ServiceContext, heavyJobs: HeavyJobs) => ({
  'meetings.importBundle': (input: MethodParsedInput<'meetings.importBundle'>) =>
    importMeeting(ctx, heavyJobs, input),
});
