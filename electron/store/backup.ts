import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './db.ts';
import { asStorageFull } from './out-of-space.ts';

export const BACKUP_FOLDER_NAME = 'backups';
/** How many backups are kept; older ones are deleted after each new one. */
export const DEFAULT_BACKUPS_KEPT = 10;

const BACKUP_NAME = /^roundtable-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.sqlite$/;

export interface BackupFile {
  file: string;
  /** When it was taken (epoch ms, from its name, read as local time). */
  takenAt: number;
}

export const backupFolder = (dataDir: string) => path.join(dataDir, BACKUP_FOLDER_NAME);

const pad = (n: number) => String(n).padStart(2, '0');

/** `yyyyMMdd-HHmmss` in local time: what a person looking into the folder expects. */
export function timeStamp(at: number): string {
  const d = new Date(at);
  return (
    `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-` +
    `${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`
  );
}

/** `2026-11-25 14:30:05`, local time, for messages. */
export function readableTime(at: number): string {
  const d = new Date(at);
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  );
}

export const backupFileName = (at: number) => `roundtable-${timeStamp(at)}.sqlite`;

/** The backups in the data folder, newest first. */
export function listBackups(dataDir: string): BackupFile[] {
  const folder = backupFolder(dataDir);
  const names = fs.existsSync(folder) ? fs.readdirSync(folder) : [];
  return names
    .flatMap((name) => {
      const m = BACKUP_NAME.exec(name);
      if (!m) return [];
      const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, ...number[]];
      const takenAt = new Date(y, (mo ?? 1) - 1, d, h, mi, s).getTime();
      return [{ file: path.join(folder, name), takenAt }];
    })
    .sort((a, b) => b.takenAt - a.takenAt);
}

export const latestBackup = (dataDir: string): BackupFile | undefined => listBackups(dataDir)[0];

/**
 * Copies the open database into `backups/roundtable-<yyyyMMdd-HHmmss>.sqlite` with SQLite's
 * online backup (a consistent snapshot even while commands write; copying the file could catch
 * half a transaction or miss the WAL). It is written under a temporary name and renamed, so a
 * crash mid-way never leaves a partial file that looks like the latest backup, and is switched
 * out of WAL mode so that one file is the whole backup.
 *
 * A backup that fails (the disk filling up half-way is the likely cause) takes its partial
 * files with it: left behind, they would hold the very space the notes need. A full disk is
 * answered as a StorageFullError.
 */
export async function createBackup(db: Db, dataDir: string, at: number): Promise<BackupFile> {
  const folder = backupFolder(dataDir);
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, backupFileName(at));
  const partial = `${file}.partial`;
  removePartial(partial);
  try {
    await db.backup(partial);
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fs.renameSync(partial, file);
  } catch (error) {
    // Judged before the partial files go: they are what filled the disk.
    const thrown = asStorageFull(error, folder);
    try {
      removePartial(partial);
    } catch {
      // What stopped the backup is the error to report, not a clean-up that failed after it.
    }
    throw thrown;
  }
  // The name keeps whole seconds; so does the time answered, to match what listBackups reads.
  return { file, takenAt: Math.floor(at / 1000) * 1000 };
}

/** The partial copy and the files SQLite opened beside it. */
function removePartial(partial: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    fs.rmSync(`${partial}${suffix}`, { force: true });
  }
}

/** Deletes all but the newest `keep` backups; answers the files it deleted. */
export function pruneBackups(dataDir: string, keep: number): string[] {
  const old = listBackups(dataDir).slice(keep);
  for (const backup of old) fs.rmSync(backup.file, { force: true });
  return old.map((b) => b.file);
}
