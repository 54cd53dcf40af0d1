import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMeeting } from '../core/meeting.ts';
import { backupFileName, createBackup, listBackups } from '../store/backup.ts';
import { DATABASE_FILE_NAME } from '../store/db.ts';
import { openStore, type Store } from '../store/index.ts';
import { startServer } from './app.ts';
import { DAY_MS, startBackupSchedule } from './backup-schedule.ts';
import { startTestServer } from './test-support/test-server.ts';
import { SAMPLE_DATE } from '../../e2e/serve-process.ts';

const AT = new Date(2026, 10, 25, 9, 0, 0).getTime();
const dirs: string[] = [];
const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) if (store.db.open) store.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function storeWithMeeting() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-schedule-'));
  dirs.push(dataDir);
  const store = openStore(path.join(dataDir, DATABASE_FILE_NAME));
  stores.push(store);
  store.transaction(() =>
    store.meetings.save(createMeeting('m1', { title: '座谈会', date: '2026-11-25' }, AT)),
  );
  return { dataDir, store };
}

function schedule(dataDir: string, store: Store, now: number, hasData = true) {
  return startBackupSchedule({
    db: store.db,
    dataDir,
    now: () => now,
    keep: 3,
    hasData: () => hasData,
    log: () => {},
  });
}

describe('the daily backup at start', () => {
  it('is taken when there is none yet, or the newest is older than a day', async () => {
    const { dataDir, store } = storeWithMeeting();
    const first = schedule(dataDir, store, AT);
    await first.stop();
    expect(listBackups(dataDir).map((b) => b.takenAt)).toEqual([AT]);

    const nextDay = schedule(dataDir, store, AT + DAY_MS);
    await nextDay.stop();
    expect(listBackups(dataDir).map((b) => b.takenAt)).toEqual([AT + DAY_MS, AT]);
  });

  it('is not taken when the newest is less than a day old, nor for an empty database', async () => {
    const { dataDir, store } = storeWithMeeting();
    await createBackup(store.db, dataDir, AT);
    await schedule(dataDir, store, AT + DAY_MS - 1000).stop();
    expect(listBackups(dataDir)).toHaveLength(1);

    const empty = storeWithMeeting();
    await schedule(empty.dataDir, empty.store, AT, false).stop();
    expect(listBackups(empty.dataDir)).toEqual([]);
  });

  it('keeps the newest N as backups accumulate', async () => {
    const { dataDir, store } = storeWithMeeting();
    for (let day = 0; day < 5; day++) await schedule(dataDir, store, AT + day * DAY_MS).stop();
    expect(listBackups(dataDir).map((b) => b.takenAt)).toEqual([
      AT + 4 * DAY_MS,
      AT + 3 * DAY_MS,
      AT + 2 * DAY_MS,
    ]);
  });
});

describe('the backup when a meeting’s run finishes', () => {
  it('is taken after the command that ends the last item, with that run in it', async () => {
    const server = await startTestServer();
    try {
      const { meeting, items } = server.handlers['meetings.createSample']({ date: SAMPLE_DATE });
      const last = items.at(-1)?.id as string;
      server.handlers['run.next']({ id: meeting.id });
      server.handlers['run.goto']({ id: meeting.id, itemId: last });
      server.handlers['run.next']({ id: meeting.id });
      await server.backupsSettled();
      expect(listBackups(server.dataDir)).toEqual([]); // the run is not over yet

      const finished = server.handlers['run.stop']({ id: meeting.id });
      expect(finished.currentItemId).toBeNull();
      await server.backupsSettled();

      const [backup, ...others] = listBackups(server.dataDir);
      expect(others).toEqual([]);
      const copy = new Database(backup?.file as string, { readonly: true });
      const runs = copy
        .prepare('SELECT item_id, status FROM item_runs WHERE meeting_id = ? ORDER BY item_id')
        .all(meeting.id) as { item_id: string; status: string }[];
      copy.close();
      expect(runs.find((r) => r.item_id === last)?.status).toBe('done');
      expect(runs).toHaveLength(2);
    } finally {
      await server.cleanup();
    }
  });
});

describe('the backups the app keeps', () => {
  it('are the newest 10 by default: the 11th newest and older are deleted', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-default-keep-'));
    const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-static-'));
    dirs.push(dataDir, staticDir);
    let now = AT;
    // As the app starts it: no backupsKept, so the default applies.
    const server = await startServer({
      dataDir,
      port: 0,
      staticDir,
      now: () => now,
      log: () => {},
    });
    try {
      const finishedAt: number[] = [];
      for (let meeting = 0; meeting < 12; meeting++) {
        now = AT + meeting * 3_600_000;
        const { meeting: created, items } = server.handlers['meetings.createSample']({
          date: SAMPLE_DATE,
        });
        server.handlers['run.next']({ id: created.id });
        server.handlers['run.goto']({ id: created.id, itemId: items.at(-1)?.id as string });
        server.handlers['run.next']({ id: created.id });
        server.handlers['run.stop']({ id: created.id });
        finishedAt.push(now);
        await server.backupsSettled();
      }
      const kept = listBackups(dataDir).map((b) => path.basename(b.file));
      expect(kept).toEqual(finishedAt.slice(-10).reverse().map(backupFileName));
    } finally {
      await server.close();
    }
  });
});
