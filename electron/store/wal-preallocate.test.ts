import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  mountSmallTmpfs,
  smallTmpfsGate,
  type SmallTmpfs,
} from '../server/test-support/small-tmpfs.ts';
import { MAX_WAL_BYTES } from './checkpointer.ts';
import { openStore } from './index.ts';

/*
 * The WAL laid down whole when the database opens (wal-preallocate.ts). What the flushes gain
 * is a figure for the benchmark (bench/notes.ts); here, that it never costs a commit.
 */
const dirs: string[] = [];
const mounts: SmallTmpfs[] = [];
afterEach(() => {
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
  mounts.splice(0).forEach((m) => m.unmount());
});

function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-wal-preallocate-'));
  dirs.push(dir);
  return path.join(dir, 'roundtable.sqlite');
}

const walSize = (file: string) => fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size;

function writeRows(file: string, from: number, to: number): void {
  const store = openStore(file, { log: () => {} });
  store.db.exec('CREATE TABLE IF NOT EXISTS scratch (n INTEGER)');
  for (let n = from; n < to; n++) {
    store.transaction(() => store.db.prepare('INSERT INTO scratch (n) VALUES (?)').run(n));
  }
  store.close();
}

const rows = (file: string) => {
  const store = openStore(file, { log: () => {} });
  try {
    return store.db.prepare('SELECT n FROM scratch ORDER BY n').pluck().all();
  } finally {
    store.close();
  }
};

describe('the WAL laid down when the database opens', () => {
  it('is laid down on reopening, and commits written over its zeros are all read back', () => {
    const file = tempFile();
    writeRows(file, 0, 3);
    const store = openStore(file, { log: () => {} });
    expect(walSize(file)).toBe(MAX_WAL_BYTES);
    for (let n = 3; n < 300; n++) {
      store.transaction(() => store.db.prepare('INSERT INTO scratch (n) VALUES (?)').run(n));
    }
    // Written over the zeros: the file did not grow.
    expect(walSize(file)).toBe(MAX_WAL_BYTES);
    store.close();
    expect(rows(file)).toEqual(Array.from({ length: 300 }, (_, n) => n));
  });

  it('leaves a WAL with commits in it as it is: a crash left them there for recovery', () => {
    const file = tempFile();
    writeRows(file, 0, 3);
    const store = openStore(file, { log: () => {} });
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    for (let n = 3; n < 10; n++) {
      store.transaction(() => store.db.prepare('INSERT INTO scratch (n) VALUES (?)').run(n));
    }
    // As a crash leaves them: the database and a WAL holding commits not yet folded back.
    const crashed = tempFile();
    fs.copyFileSync(file, crashed);
    fs.copyFileSync(`${file}-wal`, `${crashed}-wal`);
    store.close();
    const walBefore = fs.readFileSync(`${crashed}-wal`);
    const reopened = openStore(crashed, { log: () => {} });
    try {
      expect(reopened.db.prepare('SELECT count(*) FROM scratch').pluck().get()).toBe(10);
      expect(fs.readFileSync(`${crashed}-wal`).subarray(0, walBefore.length)).toEqual(walBefore);
      expect(walSize(crashed)).toBe(walBefore.length);
    } finally {
      reopened.close();
    }
  });

  it('is skipped, not waited for, while another connection is writing: the database opens', () => {
    const file = tempFile();
    writeRows(file, 0, 3);
    const writer = new Database(file);
    writer.exec('BEGIN IMMEDIATE');
    try {
      const store = openStore(file, { log: () => {} });
      try {
        expect(walSize(file)).toBe(0);
        expect(store.db.prepare('SELECT count(*) FROM scratch').pluck().get()).toBe(3);
        expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
      } finally {
        store.close();
      }
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
  });
});

const gate = smallTmpfsGate('the WAL not laid down on a nearly full disk');

describe.skipIf(gate.skip)('the WAL on a small disk (a real 40 MiB tmpfs)', () => {
  it('is not laid down where it would take much of the space the notes need', () => {
    gate.require();
    // Room for it, but not four times over.
    const mount = mountSmallTmpfs('40m');
    if ('cannot' in mount) throw new Error(mount.cannot);
    mounts.push(mount);
    const file = path.join(mount.dir, 'roundtable.sqlite');
    writeRows(file, 0, 3);
    const store = openStore(file, { log: () => {} });
    try {
      expect(walSize(file)).toBe(0);
      store.transaction(() => store.db.prepare('INSERT INTO scratch (n) VALUES (3)').run());
    } finally {
      store.close();
    }
    expect(rows(file)).toEqual([0, 1, 2, 3]);
  });
});
