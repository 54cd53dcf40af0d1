import fs from 'node:fs';
import type { Db } from './db.ts';

/** Past this, the WAL is folded into the database even while writes keep coming. */
const MAX_WAL_BYTES = 16 * 1024 * 1024;
const QUIET_MS = 250;

/**
 * SQLite's automatic checkpoint runs inside whichever commit crosses the threshold, so every
 * few hundred saves one note-taker waits several milliseconds. Instead the WAL is folded back
 * when writing pauses (or grows too large), outside any request. Durability is unchanged: a
 * commit is on disk in the WAL the moment it answers.
 */
export function startCheckpointer(db: Db, file: string, now: () => number) {
  let lastWriteAt = 0;
  let pending = false;
  const timer = setInterval(() => {
    if (!pending) return;
    const walBytes = fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;
    if (now() - lastWriteAt < QUIET_MS && walBytes < MAX_WAL_BYTES) return;
    db.pragma('wal_checkpoint(PASSIVE)');
    pending = false;
  }, QUIET_MS);
  timer.unref();
  return {
    wrote(): void {
      lastWriteAt = now();
      pending = true;
    },
    stop(): void {
      clearInterval(timer);
    },
  };
}
