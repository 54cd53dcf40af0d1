import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCheckpointer, MAX_WAL_BYTES } from './checkpointer.ts';
import { openDatabase, type Db } from './db.ts';
import { walInUseBytes } from './wal-in-use.ts';

/**
 * The checkpointer runs on a timer, outside any request: a throw there would reach the
 * process's last resort on every beat. Here its beat is called by hand, time is passed in, and
 * the database is a stand-in whose checkpoint fails the way a full disk makes it fail.
 */
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function setUp() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-checkpointer-'));
  dirs.push(dir);
  let failWith: Error | null = null;
  let checkpoints = 0;
  const db = {
    open: true,
    pragma(sql: string) {
      expect(sql).toBe('wal_checkpoint(PASSIVE)');
      checkpoints++;
      if (failWith) throw failWith;
      return [];
    },
  } as unknown as Db;
  let now = 1_000_000;
  const logged: string[] = [];
  const file = path.join(dir, 'roundtable.sqlite');
  const checkpointer = createCheckpointer(
    db,
    file,
    () => now,
    (m) => logged.push(m),
  );
  return {
    checkpointer,
    file,
    logged,
    checkpoints: () => checkpoints,
    fail: (error: Error | null) => (failWith = error),
    later: (ms: number) => (now += ms),
  };
}

const diskFull = () =>
  Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });

describe('the checkpointer', () => {
  it('waits for writing to pause, then folds the WAL once', () => {
    const t = setUp();
    t.checkpointer.checkpointIfDue();
    expect(t.checkpoints()).toBe(0); // nothing written
    t.checkpointer.wrote();
    t.checkpointer.checkpointIfDue();
    expect(t.checkpoints()).toBe(0); // still writing
    t.later(250);
    t.checkpointer.checkpointIfDue();
    t.checkpointer.checkpointIfDue();
    expect(t.checkpoints()).toBe(1);
    expect(t.logged).toEqual([]);
  });

  it('folds a WAL grown past the size it is laid down at even while writing, and not before', () => {
    const t = setUp();
    const wal = `${t.file}-wal`;
    // Laid down whole when the database opens (wal-preallocate.ts): nothing to fold yet.
    fs.writeFileSync(wal, Buffer.alloc(MAX_WAL_BYTES));
    t.checkpointer.wrote();
    t.checkpointer.checkpointIfDue();
    expect(t.checkpoints()).toBe(0);
    fs.appendFileSync(wal, Buffer.alloc(4096));
    t.checkpointer.wrote();
    t.checkpointer.checkpointIfDue();
    expect(t.checkpoints()).toBe(1);
  });

  it('on a full disk never throws, says so once, retries on every beat, and says when it works again', () => {
    const t = setUp();
    t.fail(diskFull());
    t.checkpointer.wrote();
    t.later(250);
    for (let beat = 0; beat < 10; beat++) {
      expect(() => t.checkpointer.checkpointIfDue()).not.toThrow();
      t.later(250);
    }
    expect(t.checkpoints()).toBe(10);
    expect(t.logged).toHaveLength(1);
    expect(t.logged[0]).toMatch(/^roundtable: checkpoint postponed: the disk holding .+ is full\./);

    t.fail(null);
    t.checkpointer.checkpointIfDue();
    t.checkpointer.checkpointIfDue();
    expect(t.checkpoints()).toBe(11);
    expect(t.logged).toHaveLength(2);
    expect(t.logged[1]).toMatch(/checkpoints work again/);

    // A new failure later is news again.
    t.fail(diskFull());
    t.checkpointer.wrote();
    t.later(250);
    t.checkpointer.checkpointIfDue();
    expect(t.logged).toHaveLength(3);
  });

  it('logs any other failure once too, with its cause, and goes on', () => {
    const t = setUp();
    t.fail(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }));
    t.checkpointer.wrote();
    t.later(250);
    t.checkpointer.checkpointIfDue();
    t.checkpointer.checkpointIfDue();
    expect(t.logged).toHaveLength(1);
    expect(t.logged[0]).toMatch(/checkpoint postponed: Error: database is locked/);
  });
});

describe('the checkpointer over a real database', () => {
  it('measures the WAL by the commits since its restart, not by the size the file once grew to', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-checkpointer-real-'));
    dirs.push(dir);
    const file = path.join(dir, 'roundtable.sqlite');
    const db = openDatabase(file);
    try {
      db.pragma('wal_autocheckpoint = 0');
      db.exec('CREATE TABLE pad (body BLOB)');
      const insert = db.prepare('INSERT INTO pad (body) VALUES (?)');
      const limit = 256 * 1024;
      let checkpoints = 0;
      const counted = {
        get open() {
          return db.open;
        },
        pragma(sql: string) {
          checkpoints++;
          return db.pragma(sql);
        },
      } as unknown as Db;
      const checkpointer = createCheckpointer(
        counted,
        file,
        () => 1_000_000,
        () => {},
        limit,
      );

      // A burst past the limit is folded while writing goes on.
      insert.run(Buffer.alloc(2 * limit));
      checkpointer.wrote();
      expect(walInUseBytes(file)).toBeGreaterThan(limit);
      checkpointer.checkpointIfDue();
      expect(checkpoints).toBe(1);
      // The next commit restarts the WAL at its start; the file keeps the size it grew to.
      insert.run(Buffer.alloc(100));
      checkpointer.wrote();
      expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(2 * limit);
      expect(walInUseBytes(file)).toBeLessThan(limit);
      // So a small write is not taken for a WAL past its limit: nothing is folded mid-stream.
      checkpointer.checkpointIfDue();
      expect(checkpoints).toBe(1);
    } finally {
      db.close();
    }
  });
});
