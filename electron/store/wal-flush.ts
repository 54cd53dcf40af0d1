import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './db.ts';

export interface WalFlush {
  /** Resolves once every commit made so far is on the disk; rejects if the disk says it failed. */
  durable(): Promise<void>;
  close(): void;
}

/**
 * What makes an answer durable, without the event loop waiting for the disk.
 *
 * Commits run with synchronous=NORMAL: each is written to the WAL, in order, and the answer then
 * waits for an fdatasync of the WAL that began after that commit, made on libuv's thread pool.
 * The guarantee is the one synchronous=FULL gave (nothing answered is lost to a crash or a power
 * cut: the power-loss test cuts after every acknowledgement), but the server's one thread is free
 * while the disk works: the screens' socket writes of a command are not followed by a millisecond
 * of fsync on the same thread, other requests are served meanwhile, and commits that arrive during
 * a flush share the next one. SQLite itself still syncs the WAL before each checkpoint and the
 * database file after it, as NORMAL does.
 *
 * Counting by total_changes() catches every write on the connection, inside store.transaction or
 * not. The WAL's directory entry is synced once, when the WAL is first flushed: a WAL created by
 * the first write of a new database is otherwise a file a power cut could take away whole.
 */
export function createWalFlush(db: Db, file: string): WalFlush {
  const countChanges = db.prepare('SELECT total_changes()').pluck();
  const changes = () => countChanges.get() as number;
  let synced = changes();
  let walFd: number | null = null;
  let flushing = false;
  let closed = false;
  let waiting: { upTo: number; resolve: () => void; reject: (error: Error) => void }[] = [];

  function openWal(): number {
    if (walFd !== null) return walFd;
    walFd = fs.openSync(`${file}-wal`, 'r');
    const dir = fs.openSync(path.dirname(file), 'r');
    try {
      fs.fsyncSync(dir);
    } finally {
      fs.closeSync(dir);
    }
    return walFd;
  }

  function settle(error: Error | null): void {
    const still: typeof waiting = [];
    for (const w of waiting) {
      if (error) w.reject(error);
      else if (w.upTo <= synced) w.resolve();
      else still.push(w);
    }
    waiting = still;
  }

  function flush(): void {
    if (flushing || waiting.length === 0) return;
    // Closed while calls waited (the server stopping): they are not answered as saved.
    if (closed || !db.open) {
      return settle(new Error('the database was closed before the write was flushed'));
    }
    const upTo = changes();
    let fd: number;
    try {
      fd = openWal();
    } catch (error) {
      settle(error as Error);
      return;
    }
    flushing = true;
    fs.fdatasync(fd, (error) => {
      flushing = false;
      if (error) settle(error);
      else {
        synced = Math.max(synced, upTo);
        settle(null);
        // Commits made while this flush ran wait for the next one.
        flush();
      }
      if (closed) closeWal();
    });
  }

  /** Not while a flush runs on the thread pool: it would find its descriptor closed (EBADF). */
  function closeWal(): void {
    if (flushing || walFd === null) return;
    fs.closeSync(walFd);
    walFd = null;
  }

  return {
    durable() {
      const upTo = changes();
      if (upTo <= synced) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        waiting.push({ upTo, resolve, reject });
        flush();
      });
    },
    close() {
      closed = true;
      closeWal();
    },
  };
}
