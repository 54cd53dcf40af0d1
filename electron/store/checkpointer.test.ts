import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCheckpointer, MAX_WAL_BYTES } from './checkpointer.ts';
import type { Db } from './db.ts';

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
