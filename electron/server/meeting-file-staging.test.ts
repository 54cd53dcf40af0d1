import diagnostics from 'node:diagnostics_channel';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pauseSearchMerging, searchMergingPaused } from '../store/bulk-writes.ts';
import { largeMeetingFile } from './test-support/large-meeting.ts';
import { importMeetingFile, tableRowCounts } from './test-support/meeting-file.ts';
import { jsonApi, startTestServer, TEST_TOKEN } from './test-support/test-server.ts';

/**
 * A big meeting file is read in a worker thread and written in many short transactions, the
 * meeting hidden until the last one. The test watches the import's own worker (Node announces
 * each worker on the 'worker_threads' channel, before the server listens to it): when the first
 * batch of notes comes back, the meeting's first transaction has committed and the rest has
 * not, so what the server shows then is checked at that exact point, not after some time.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let api: ReturnType<typeof jsonApi>;
beforeAll(async () => {
  server = await startTestServer();
  api = jsonApi(server.url, TEST_TOKEN);
});
afterAll(() => server.cleanup());

/** Calls `atFirstNotes` with the worker when it hands over its first batch of notes. */
async function duringImport(
  file: Uint8Array<ArrayBuffer>,
  atFirstNotes: (worker: Worker) => void,
): Promise<{ status: number; seen: boolean }> {
  let seen = false;
  const onWorker = (message: unknown) => {
    const { worker } = message as { worker: Worker };
    worker.on('message', (answer: { type: string; value?: unknown }) => {
      if (seen || answer.type !== 'reply' || !Array.isArray(answer.value)) return;
      seen = true;
      atFirstNotes(worker);
    });
  };
  diagnostics.subscribe('worker_threads', onWorker);
  try {
    const { status } = await importMeetingFile(server.url, file, true);
    return { status, seen };
  } finally {
    diagnostics.unsubscribe('worker_threads', onWorker);
  }
}

/** FTS5's check of the search index against the notes table: null when they agree. */
function searchIndexFault(): string | null {
  try {
    server.store.db
      .prepare("INSERT INTO notes_fts (notes_fts, rank) VALUES ('integrity-check', 1)")
      .run();
    return null;
  } catch (error) {
    return String(error);
  }
}

const listedIds = async () =>
  ((await api('GET', '/api/meetings')).body.meetings as { id: string }[]).map((m) => m.id);

describe('a big meeting file, written in short transactions', () => {
  it('is read in a worker, and hidden from lists and search until its last note is written', async () => {
    const before = await listedIds();
    let hiddenMeanwhile: string[] = [];
    let foundMeanwhile = -1;
    let mergingPausedMeanwhile = false;
    const imported = await duringImport(largeMeetingFile(20, 1200), () => {
      hiddenMeanwhile = server.store.meetings.listImporting();
      mergingPausedMeanwhile = searchMergingPaused(server.store.db);
      foundMeanwhile = server.store.notes.search({
        matches: [],
        scanTerm: '临时党支部',
        kind: null,
        meetingId: null,
        cap: 50,
      }).length;
    });
    expect(imported).toEqual({ status: 201, seen: true });
    expect(hiddenMeanwhile).toHaveLength(1);
    expect(before).not.toContain(hiddenMeanwhile[0]);
    expect(server.store.meetings.get(hiddenMeanwhile[0] as string)).toBeDefined();
    expect(foundMeanwhile).toBe(0);
    // Done: listed, found, whole.
    expect(await listedIds()).toContain(hiddenMeanwhile[0]);
    expect(server.store.meetings.listImporting()).toEqual([]);
    const notes = await api('GET', `/api/meetings/${hiddenMeanwhile[0]}/notes`);
    expect(notes.body.nextCursor).not.toBeNull();
    const found = await api('GET', `/api/search?q=${encodeURIComponent('临时党支部')}`);
    expect(found.body.results.length).toBeGreaterThan(0);
    // Its notes went into the search index in slices, merged between them: the index holds
    // exactly the notes (FTS5's own check against the table), and merges as usual again.
    expect(mergingPausedMeanwhile).toBe(true);
    expect(searchIndexFault()).toBeNull();
    expect(searchMergingPaused(server.store.db)).toBe(false);
  }, 120_000);

  it('deletes what it wrote when it fails halfway, and what a crash left at the next import', async () => {
    const before = tableRowCounts(server.store);
    const failed = await duringImport(largeMeetingFile(20, 1200), (worker) => {
      void worker.terminate();
    });
    expect(failed.seen).toBe(true);
    expect(failed.status).toBe(500);
    expect(tableRowCounts(server.store)).toEqual(before);
    expect(searchMergingPaused(server.store.db)).toBe(false);
    expect(searchIndexFault()).toBeNull();

    // A crash halfway leaves the meeting marked: hidden, then gone when the next import starts.
    const left = server.handlers['meetings.createSample']({ date: '2026-11-25' }).meeting.id;
    server.store.meetings.setImporting(left, true);
    expect(await listedIds()).not.toContain(left);
    expect((await api('GET', `/api/meetings/${left}`)).status).toBe(404);
    const next = await importMeetingFile(server.url, largeMeetingFile(3, 10), true);
    expect(next.status).toBe(201);
    expect(server.store.meetings.listImporting()).toEqual([]);
    expect(server.store.notes.pageForMeeting(left, null, 10).notes).toEqual([]);
  }, 120_000);

  it('resumes merging the search index at the next start when a crash cut an import short', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-merging-'));
    try {
      const before = await startTestServer(dataDir);
      // What a crash halfway leaves: merging paused (the meeting marked too, see above).
      before.store.db.transaction(() => pauseSearchMerging(before.store.db))();
      await before.cleanup();
      const after = await startTestServer(dataDir);
      try {
        expect(searchMergingPaused(after.store.db)).toBe(false);
      } finally {
        await after.cleanup();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses files of nested brackets or of more parts than a meeting has, before parsing', async () => {
    const nested = new Uint8Array(Buffer.from('['.repeat(1_000_000)));
    const deep = await importMeetingFile(server.url, nested, true);
    expect(deep.status).toBe(400);
    expect(deep.body.error).toMatchObject({ field: 'file' });
    expect(deep.body.error.message).toMatch(/nests deeper than 16 levels/);
    // 700,000 empty objects: 2 MB here; 64 MiB of them once filled a worker's whole heap.
    const flat = new Uint8Array(Buffer.from(`[${'{},'.repeat(700_000)}{}]`));
    const many = await importMeetingFile(server.url, flat, true);
    expect(many.status).toBe(400);
    expect(many.body.error.message).toMatch(/more parts than a meeting file can/);
  });
});
