import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './db.ts';
import { syncToDisk } from './sync-to-disk.ts';

export interface WalFlush {
  /** Resolves once every commit made so far is on the disk; rejects if the disk says it failed. */
  durable(): Promise<void>;
  close(): void;
}

/**
 * What makes an answer durable: an fdatasync of the WAL after the commit, before the answer.
 *
 * Commits run with synchronous=NORMAL: each is written to the WAL, in order, and the dispatcher
 * then asks for this flush before it answers a call that wrote. The guarantee is the one
 * synchronous=FULL gives (nothing answered is lost to a crash or a power cut: the power-loss
 * test cuts after every acknowledgement), checked by the count of changes on the connection
 * (total_changes(), which sees every write, inside store.transaction or not), so a call that
 * wrote nothing, or whose writes an earlier flush already covered, is answered at once. SQLite
 * itself still syncs the WAL before each checkpoint and the database file after it.
 *
 * The flush is made on the server's thread, not on libuv's thread pool. Handing it to the pool
 * and back costs two wake-ups of another thread; on the two-core development machine that was
 * 0.2–1 ms of a note save's 1–2.5 ms (p50, five alternating runs of 1,000 saves over the note
 * screen's socket), more than the flush itself (0.3–0.6 ms on a WAL written over, see
 * wal-preallocate.ts). What the thread gives up meanwhile is little: a run command's change is
 * written to the screens' sockets before its transaction opens, a note's before the flush, and
 * the calls that arrive meanwhile would wait for a flush either way.
 *
 * The WAL's directory entry is synced once, when the WAL is first flushed: a WAL created by the
 * first write of a new database is otherwise a file a power cut could take away whole.
 */
export function createWalFlush(db: Db, file: string): WalFlush {
  const countChanges = db.prepare('SELECT total_changes()').pluck();
  const changes = () => countChanges.get() as number;
  let synced = changes();
  let walFd: number | null = null;

  function openWal(): number {
    if (walFd !== null) return walFd;
    walFd = fs.openSync(`${file}-wal`, 'r');
    syncToDisk(path.dirname(file));
    return walFd;
  }

  return {
    durable() {
      // The server stopping: a write not yet flushed is not answered as saved.
      if (!db.open)
        return Promise.reject(new Error('the database was closed before the write was flushed'));
      const upTo = changes();
      if (upTo <= synced) return Promise.resolve();
      try {
        fs.fdatasyncSync(openWal());
      } catch (error) {
        return Promise.reject(error as Error);
      }
      synced = upTo;
      return Promise.resolve();
    },
    close() {
      if (walFd !== null) fs.closeSync(walFd);
      walFd = null;
    },
  };
}
