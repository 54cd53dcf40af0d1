import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lazyFsTestGate, mountLazyFs, type LazyFsMount } from '../../scripts/lazyfs/mount.ts';
import { createBackup } from './backup.ts';
import { openStore } from './index.ts';

/*
 * A backup is what the organizer restores from after the worst: it must be whole on the disk
 * the moment it carries a backup's name (SQLite's online backup and the switch out of WAL mode
 * commit the copy with syncs of their own; a plain file copy would not). On lazyfs (a file
 * system that keeps written data until fsync and throws it away on a power cut; names pass
 * through at once), the power goes right after the backup is made.
 */
const fuse = await lazyFsTestGate('backup power-loss test');
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe.skipIf(fuse.skip)('a backup, then a power cut', () => {
  it('is whole: every meeting in it, the file sound', async () => {
    fuse.require();
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-backup-power-'));
    cleanups.push(() => fs.rmSync(work, { recursive: true, force: true }));
    const disk = path.join(work, 'disk');
    const mountPoint = path.join(work, 'mnt');
    fs.mkdirSync(disk);
    fs.mkdirSync(mountPoint);
    const mount: LazyFsMount = await mountLazyFs(disk, mountPoint);
    cleanups.push(() => mount.unmount());
    const store = openStore(path.join(mountPoint, 'roundtable.sqlite'), { log: () => {} });
    for (let n = 0; n < 50; n++) {
      store.transaction(() =>
        store.db
          .prepare(
            'INSERT INTO meetings (id, title, date, created_at, updated_at) VALUES (?, ?, ?, 1, 1)',
          )
          .run(`m${n}`, `第${n + 1}次基层工作经验交流座谈会`, '2026-11-25'),
      );
    }
    const backup = await createBackup(store.db, mountPoint, Date.UTC(2026, 10, 25, 6));
    const cut = await mount.losePower();
    store.close();
    // The folder as the disk holds it, without the mount.
    const onDisk = path.join(disk, path.relative(mountPoint, backup.file));
    const copy = new Database(onDisk, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.prepare('SELECT count(*) FROM meetings').pluck().get()).toBe(50);
    } finally {
      copy.close();
    }
    // The cut did throw something away: the database's own WAL, never synced here.
    expect(cut.files).toBeGreaterThan(0);
  }, 60_000);
});
