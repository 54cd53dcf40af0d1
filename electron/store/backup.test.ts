import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMeeting } from '../core/meeting.ts';
import { backupFileName, createBackup, listBackups, pruneBackups } from './backup.ts';
import { DATABASE_FILE_NAME } from './db.ts';
import { openStore, type Store } from './index.ts';
import { restoreLatestBackup, RestoreRefusedError } from './restore-backup.ts';

const AT = new Date(2026, 10, 25, 9, 30, 5).getTime();
const HOUR = 3_600_000;

const open: Store[] = [];
const dirs: string[] = [];
function dataDirWithStore() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-backup-'));
  dirs.push(dataDir);
  const store = openStore(path.join(dataDir, DATABASE_FILE_NAME));
  open.push(store);
  return { dataDir, store };
}
afterEach(() => {
  for (const store of open.splice(0)) if (store.db.open) store.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const saveMeeting = (store: Store, id: string, title: string) =>
  store.transaction(() =>
    store.meetings.save(createMeeting(id, { title, date: '2026-11-25' }, AT)),
  );

function titlesIn(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return (
      db.prepare('SELECT title FROM meetings ORDER BY title').all() as { title: string }[]
    ).map((r) => r.title);
  } finally {
    db.close();
  }
}

describe('createBackup', () => {
  it('writes backups/roundtable-<yyyyMMdd-HHmmss>.sqlite, one whole readable file with the data', async () => {
    const { dataDir, store } = dataDirWithStore();
    saveMeeting(store, 'm1', '龙岗区组织工作会议');
    const backup = await createBackup(store.db, dataDir, AT);

    expect(backup.file).toBe(path.join(dataDir, 'backups', 'roundtable-20261125-093005.sqlite'));
    expect(backup.takenAt).toBe(AT);
    // Not WAL: the one file is the whole backup, with no -wal beside it to lose.
    const copy = new Database(backup.file, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    expect(titlesIn(backup.file)).toEqual(['龙岗区组织工作会议']);
    expect(fs.readdirSync(path.join(dataDir, 'backups'))).toEqual([path.basename(backup.file)]);
  });

  it('is a snapshot: writes after it are not in it, and the next backup has them', async () => {
    const { dataDir, store } = dataDirWithStore();
    saveMeeting(store, 'm1', 'first');
    const before = await createBackup(store.db, dataDir, AT);
    saveMeeting(store, 'm2', 'second');
    const after = await createBackup(store.db, dataDir, AT + HOUR);

    expect(titlesIn(before.file)).toEqual(['first']);
    expect(titlesIn(after.file)).toEqual(['first', 'second']);
    expect(listBackups(dataDir).map((b) => b.file)).toEqual([after.file, before.file]);
  });
});

describe('pruneBackups', () => {
  it('keeps the newest N and deletes the older ones, ignoring files that are not backups', async () => {
    const { dataDir, store } = dataDirWithStore();
    saveMeeting(store, 'm1', 'kept');
    for (let i = 0; i < 13; i++) await createBackup(store.db, dataDir, AT + i * HOUR);
    fs.writeFileSync(path.join(dataDir, 'backups', 'notes.txt'), 'mine');

    const deleted = pruneBackups(dataDir, 10);

    expect(deleted.map((f) => path.basename(f))).toEqual([
      backupFileName(AT + 2 * HOUR),
      backupFileName(AT + HOUR),
      backupFileName(AT),
    ]);
    const left = listBackups(dataDir);
    expect(left).toHaveLength(10);
    expect(left[0]?.takenAt).toBe(AT + 12 * HOUR);
    expect(left.at(-1)?.takenAt).toBe(AT + 3 * HOUR);
    expect(fs.existsSync(path.join(dataDir, 'backups', 'notes.txt'))).toBe(true);
    for (const backup of left) expect(titlesIn(backup.file)).toEqual(['kept']);
  });
});

describe('restoreLatestBackup', () => {
  it('moves the damaged file aside, never deleting it, and puts the newest backup in its place', async () => {
    const { dataDir, store } = dataDirWithStore();
    saveMeeting(store, 'm1', 'older');
    await createBackup(store.db, dataDir, AT);
    saveMeeting(store, 'm2', 'newer');
    const latest = await createBackup(store.db, dataDir, AT + HOUR);
    store.close();
    const file = path.join(dataDir, DATABASE_FILE_NAME);
    const garbage = Buffer.alloc(4096 * 3, 0x5a);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, garbage, 0, garbage.length, 4096);
    fs.closeSync(fd);
    const damagedBytes = fs.readFileSync(file);

    const restored = await restoreLatestBackup(dataDir, AT + 2 * HOUR);

    expect(restored.backup.file).toBe(latest.file);
    const aside = `${file}.damaged-20261125-113005`;
    expect(restored.movedAside).toContain(aside);
    expect(fs.readFileSync(aside).equals(damagedBytes)).toBe(true);
    expect(titlesIn(file)).toEqual(['newer', 'older']);
    expect(fs.existsSync(latest.file)).toBe(true);
  });

  it('refuses to replace a sound database, and says so when there is no backup', async () => {
    const { dataDir, store } = dataDirWithStore();
    saveMeeting(store, 'm1', 'sound');
    await expect(restoreLatestBackup(dataDir, AT)).rejects.toThrow(/no backup in .*backups/);
    await createBackup(store.db, dataDir, AT);
    store.close();
    const refused = restoreLatestBackup(dataDir, AT + HOUR);
    await expect(refused).rejects.toBeInstanceOf(RestoreRefusedError);
    await expect(refused).rejects.toThrow(/is not damaged.*nothing was changed/);
    expect(fs.readdirSync(dataDir).filter((f) => f.includes('damaged'))).toEqual([]);
  });
});
