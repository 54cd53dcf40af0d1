import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrate } from './migrate.ts';
import { migrations } from './migrations/index.ts';

export type Db = Database.Database;

/** The database file exists but cannot be trusted; the message names the file. */
export class DamagedDatabaseError extends Error {
  readonly file: string;
  readonly detail: string;
  constructor(file: string, detail: string) {
    super(`The database file ${file} is damaged and was not opened (${detail}).`);
    this.name = 'DamagedDatabaseError';
    this.file = file;
    this.detail = detail;
  }
}

export const DATABASE_FILE_NAME = 'roundtable.sqlite';

/**
 * Opens (or creates) the database, checks it, and brings its schema up to date.
 * WAL lets the screens read while a command writes. synchronous=NORMAL writes each commit to the
 * WAL without waiting for the disk; an answer waits for the WAL's flush instead (wal-flush.ts),
 * which is what "nothing acknowledged is ever lost" rests on.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: Db | undefined;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new DamagedDatabaseError(file, String(check));
  } catch (error) {
    db?.close();
    if (error instanceof DamagedDatabaseError) throw error;
    if (isSqliteCorruption(error)) {
      throw new DamagedDatabaseError(file, (error as Error).message);
    }
    throw error;
  }
  try {
    migrate(db, migrations, file);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function isSqliteCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code === 'SQLITE_CORRUPT_VTAB';
}
