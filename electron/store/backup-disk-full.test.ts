import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMeeting } from '../core/meeting.ts';
import {
  mountSmallTmpfs,
  smallTmpfsGate,
  type SmallTmpfs,
} from '../server/test-support/small-tmpfs.ts';
import { backupFolder, createBackup } from './backup.ts';
import { DATABASE_FILE_NAME } from './db.ts';
import { openStore, type Store } from './index.ts';
import { isOutOfSpace, StorageFullError } from './out-of-space.ts';

/**
 * Backups into a data folder on a real 1 MiB tmpfs that is nearly full, the database itself
 * elsewhere: what a failed backup leaves behind, and how its error is named.
 */
const gate = smallTmpfsGate('backup disk-full test');
const AT = new Date(2026, 10, 25, 9, 30, 5).getTime();

const mounts: SmallTmpfs[] = [];
const stores: Store[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const mount of mounts.splice(0)) mount.unmount();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function smallDisk(size: string): SmallTmpfs {
  gate.require();
  const mount = mountSmallTmpfs(size);
  if ('cannot' in mount) throw new Error(mount.cannot);
  mounts.push(mount);
  return mount;
}

function nearlyFullDisk(leaveBytes: number): string {
  const mount = smallDisk('1m');
  fs.mkdirSync(backupFolder(mount.dir));
  mount.fill(leaveBytes);
  return mount.dir;
}

/** A store with some 200 KiB of meetings, on the ordinary disk. */
function storeWithData(): { store: Store; bytes: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-backup-source-'));
  dirs.push(dir);
  const store = openStore(path.join(dir, DATABASE_FILE_NAME));
  stores.push(store);
  store.transaction(() => {
    for (let i = 0; i < 150; i++) {
      const title = `龙岗区组织工作会议 ${i} ${'以实干论英雄'.repeat(30)}`;
      store.meetings.save(createMeeting(`m${i}`, { title, date: '2026-11-25' }, AT));
    }
  });
  const pages = Number(store.db.pragma('page_count', { simple: true }));
  return { store, bytes: pages * Number(store.db.pragma('page_size', { simple: true })) };
}

describe.skipIf(gate.skip)('a backup on a nearly full disk (a real 1 MiB tmpfs)', () => {
  it('fails as StorageFullError and leaves no partial file, when the copy fits but not its WAL index', async () => {
    const { store, bytes } = storeWithData();
    // Room for the copy, not for the 32 KiB index SQLite makes when it opens the copy to take it
    // out of WAL mode: the failure then is SQLITE_IOERR_SHMSIZE, an I/O error, not SQLITE_FULL.
    const dataDir = nearlyFullDisk(bytes + 8 * 1024);
    const failure = await createBackup(store.db, dataDir, AT).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(fs.readdirSync(backupFolder(dataDir))).toEqual([]);
    expect(failure).toBeInstanceOf(StorageFullError);
  });

  it('fails as StorageFullError and leaves no partial file, when not even the copy fits', async () => {
    const { store } = storeWithData();
    const dataDir = nearlyFullDisk(16 * 1024);
    await expect(createBackup(store.db, dataDir, AT)).rejects.toBeInstanceOf(StorageFullError);
    expect(fs.readdirSync(backupFolder(dataDir))).toEqual([]);
  });

  it('puts an SQLite I/O error down to the disk only when that disk is nearly full', () => {
    const ioError = Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_SHMSIZE' });
    expect(isOutOfSpace(ioError, nearlyFullDisk(8 * 1024))).toBe(true);
    expect(isOutOfSpace(ioError, smallDisk('4m').dir)).toBe(false);
    expect(isOutOfSpace(ioError)).toBe(false);
  });
});

describe('isOutOfSpace', () => {
  it('knows the codes that always mean a full disk, and nothing else', () => {
    const withCode = (code: string) => Object.assign(new Error(code), { code });
    expect(isOutOfSpace(withCode('SQLITE_FULL'))).toBe(true);
    expect(isOutOfSpace(withCode('ENOSPC'))).toBe(true);
    expect(isOutOfSpace(withCode('EDQUOT'))).toBe(true);
    expect(isOutOfSpace(new StorageFullError('/data', withCode('SQLITE_FULL')))).toBe(true);
    expect(isOutOfSpace(withCode('SQLITE_BUSY'))).toBe(false);
    expect(isOutOfSpace(withCode('SQLITE_CONSTRAINT_PRIMARYKEY'))).toBe(false);
    expect(isOutOfSpace(new Error('no code'))).toBe(false);
    expect(isOutOfSpace(null)).toBe(false);
  });
});
