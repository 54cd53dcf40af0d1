import type { Db } from './db.ts';

/**
 * What a long run of writes (a meeting file's 50,000 notes) does so that none of its short
 * transactions holds the event loop for long: the search index's merges and the WAL's
 * checkpoints, which SQLite would otherwise do inside whichever commit crosses a threshold,
 * are done in small steps of their own between the transactions.
 *
 * FTS5 writes each transaction's notes as a new segment and merges segments as they pile up
 * ('automerge'), or all of a level at once when a level holds 'crisismerges' of them. Inside one
 * note's insert such a merge took 30 to 50 ms. While paused, neither happens; `mergeSearchStep`
 * does the same work a few pages at a time. The settings are kept in the database, so a crash
 * during the import leaves them paused: `resumeSearchMergingIfPaused` at start puts them back.
 */

/** FTS5's own defaults (sqlite.org/fts5.html, the automerge and crisismerge options). */
const AUTOMERGE = 4;
const CRISISMERGES = 16;
/** The most FTS5 takes (FTS5_MAX_SEGMENT - 1): no merge is forced while paused. */
const CRISISMERGES_PAUSED = 1999;

/** FTS5 refuses a setting bound as a REAL, which is how a JavaScript number is bound. */
const integer = (n: number) => BigInt(n);

function setSearchMerging(db: Db, automerge: number, crisismerges: number): void {
  const set = db.prepare('INSERT INTO notes_fts (notes_fts, rank) VALUES (?, ?)');
  set.run('automerge', integer(automerge));
  set.run('crisismerge', integer(crisismerges));
}

/** No merge of the search index inside a write from now on, until `resumeSearchMerging`. */
export function pauseSearchMerging(db: Db): void {
  setSearchMerging(db, 0, CRISISMERGES_PAUSED);
}

export function resumeSearchMerging(db: Db): void {
  setSearchMerging(db, AUTOMERGE, CRISISMERGES);
}

/** Whether merging was left paused (by an import a crash cut short). */
export function searchMergingPaused(db: Db): boolean {
  const row = db.prepare("SELECT v FROM notes_fts_config WHERE k = 'automerge'").get() as
    { v: number } | undefined;
  return row?.v === 0;
}

/** Puts the search index's merging back if a crash left it paused; writes nothing otherwise. */
export function resumeSearchMergingIfPaused(db: Db): void {
  if (searchMergingPaused(db)) db.transaction(() => resumeSearchMerging(db))();
}

/**
 * Merges segments of the search index, about `pages` pages of them (FTS5's 'merge' command; a
 * level is merged once it holds 4 segments). False when there was nothing to merge.
 */
export function mergeSearchStep(db: Db, pages: number): boolean {
  const changes = db.prepare('SELECT total_changes() AS n').pluck();
  const before = changes.get() as number;
  db.prepare("INSERT INTO notes_fts (notes_fts, rank) VALUES ('merge', ?)").run(integer(pages));
  // The documented test: a merge that did work changed 2 or more rows.
  return (changes.get() as number) - before >= 2;
}

/**
 * Folds the WAL back into the database now, between two transactions, while it is small: a
 * checkpoint of the megabyte one slice wrote takes a few ms where one of 16 MiB took 30 to 90.
 * A checkpoint that fails (a full disk) loses nothing, the commits stay in the WAL: this never
 * throws, and the server's checkpointer says so and retries (see checkpointer.ts).
 */
export function checkpointQuietly(db: Db): void {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Said and retried by the checkpointer.
  }
}
