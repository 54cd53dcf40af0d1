import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './db.ts';
import { isOutOfSpace } from './out-of-space.ts';
import { walInUseBytes } from './wal-in-use.ts';

/**
 * Once the commits since the WAL's last restart reach this far into it, the WAL is folded into
 * the database even while writes keep coming. It is also the size the WAL is laid down at when
 * the database opens (wal-preallocate.ts), so the commits up to it are written over blocks the
 * file already has.
 */
export const MAX_WAL_BYTES = 16 * 1024 * 1024;
const QUIET_MS = 250;

export interface Checkpointer {
  /** A transaction has just committed. */
  wrote(): void;
  /** Folds the WAL back if writing has paused (or it grew too large); never throws. */
  checkpointIfDue(): void;
  stop(): void;
}

/**
 * SQLite's automatic checkpoint runs inside whichever commit crosses the threshold, so every
 * few hundred saves one note-taker waits several milliseconds. Instead the WAL is folded back
 * when writing pauses (or grows too large), outside any request. Durability is unchanged: a
 * commit is on disk in the WAL the moment it answers.
 *
 * A checkpoint can fail (the database file cannot grow on a full disk) and that loses nothing:
 * the commits stay in the WAL. So a failure is logged once, the checkpoint is tried again on
 * the next beat, and its return is logged once too. It must never throw: it runs on a timer,
 * where a throw would reach the process's last resort every quarter second.
 */
export function createCheckpointer(
  db: Db,
  file: string,
  now: () => number,
  log: (message: string) => void,
  maxWalBytes = MAX_WAL_BYTES,
): Checkpointer {
  let lastWriteAt = 0;
  let pending = false;
  let failing = false;

  function checkpoint(): void {
    // Not the file's size: a WAL that grew past the limit once stays that size, and measured
    // by it every beat folded the WAL while writes kept coming, which stalled the save that
    // came in meanwhile by 4–11 ms four times a second.
    const walBytes =
      walInUseBytes(file) ?? fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;
    if (now() - lastWriteAt < QUIET_MS && walBytes <= maxWalBytes) return;
    db.pragma('wal_checkpoint(PASSIVE)');
    pending = false;
    if (failing) log('roundtable: checkpoints work again: the WAL is folded into the database.');
    failing = false;
  }

  return {
    wrote() {
      lastWriteAt = now();
      pending = true;
    },
    checkpointIfDue() {
      if (!pending || !db.open) return;
      try {
        checkpoint();
      } catch (error) {
        if (failing) return;
        failing = true;
        const folder = path.dirname(file);
        log(
          isOutOfSpace(error, folder)
            ? `roundtable: checkpoint postponed: the disk holding ${folder} is full. Every ` +
                'saved change is safe in the WAL; new writes are refused until there is space. ' +
                'The server goes on, and retries the checkpoint until it works.'
            : `roundtable: checkpoint postponed: ${String(error)}. Every saved change is safe ` +
                'in the WAL; the server goes on, and retries the checkpoint until it works.',
        );
      }
    },
    stop() {},
  };
}

export function startCheckpointer(
  db: Db,
  file: string,
  now: () => number,
  log: (message: string) => void,
): Checkpointer {
  const checkpointer = createCheckpointer(db, file, now, log);
  const timer = setInterval(() => checkpointer.checkpointIfDue(), QUIET_MS);
  timer.unref();
  return { ...checkpointer, stop: () => clearInterval(timer) };
}
