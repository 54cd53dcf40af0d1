import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { backupFolder, latestBackup, readableTime, timeStamp, type BackupFile } from './backup.ts';
import { claimDataFolder } from './data-folder.ts';
import { DATABASE_FILE_NAME } from './db.ts';

/** Restoring was refused; the message says why and that nothing was changed. */
export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

export interface RestoredBackup {
  backup: BackupFile;
  databaseFile: string;
  /** Where the damaged database (and its -wal and -shm, when there) now are. */
  movedAside: string[];
}

/** True when the file opens and SQLite's integrity check passes; read only, changes nothing. */
export function isSoundDatabase(file: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return db.pragma('integrity_check', { simple: true }) === 'ok';
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/**
 * Puts the newest backup in place of a damaged database. The damaged file is never deleted:
 * it is renamed `roundtable.sqlite.damaged-<yyyyMMdd-HHmmss>` beside it (its -wal and -shm too,
 * which would otherwise be replayed into the restored file). The backup is copied with
 * SQLite's backup API from the backup file. A sound database is not replaced.
 */
export async function restoreLatestBackup(dataDir: string, now: number): Promise<RestoredBackup> {
  const databaseFile = path.join(dataDir, DATABASE_FILE_NAME);
  const backup = latestBackup(dataDir);
  if (!backup) {
    throw new RestoreRefusedError(
      `There is no backup in ${backupFolder(dataDir)}; nothing was restored or changed.`,
    );
  }
  // Never under a running server, which would go on writing to the file moved aside.
  const claim = claimDataFolder(dataDir);
  try {
    return await replaceByBackup(databaseFile, backup, now);
  } finally {
    claim.release();
  }
}

async function replaceByBackup(
  databaseFile: string,
  backup: BackupFile,
  now: number,
): Promise<RestoredBackup> {
  if (fs.existsSync(databaseFile) && isSoundDatabase(databaseFile)) {
    throw new RestoreRefusedError(
      `The database file ${databaseFile} is not damaged, so it was not replaced by the backup ` +
        `of ${readableTime(backup.takenAt)}; nothing was changed.`,
    );
  }
  if (!isSoundDatabase(backup.file)) {
    throw new RestoreRefusedError(
      `The latest backup ${backup.file} is damaged too; nothing was restored or changed.`,
    );
  }
  const suffix = `.damaged-${timeStamp(now)}`;
  const movedAside: string[] = [];
  for (const file of [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`]) {
    if (!fs.existsSync(file)) continue;
    fs.renameSync(file, `${file}${suffix}`);
    movedAside.push(`${file}${suffix}`);
  }
  const source = new Database(backup.file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(databaseFile);
  } finally {
    source.close();
  }
  return { backup, databaseFile, movedAside };
}
