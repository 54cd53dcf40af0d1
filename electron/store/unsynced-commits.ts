import type { Db } from './db.ts';

/**
 * Runs `write` (its transactions) with synchronous=NORMAL: each commit is in the WAL, in order,
 * but not yet flushed to the disk, so it costs no fsync. Only for writes that may be lost to a
 * power cut without anyone having been told they were saved: the slices of a meeting file's
 * import, whose meeting stays marked as being imported (and is deleted if found so later) until
 * a last, ordinary commit, which flushes the WAL with everything before it.
 *
 * Safe beside the commands: the setting is the connection's, but `write` runs to its end before
 * any other command can, and the setting it found (FULL) is back before it returns. On a busy
 * disk an fsync took 50 to 150 ms, 800 times over for 50,000 notes, all on the event loop.
 */
export function withUnsyncedCommits<T>(db: Db, write: () => T): T {
  const before = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = NORMAL');
  try {
    return write();
  } finally {
    db.pragma(`synchronous = ${before}`);
  }
}
