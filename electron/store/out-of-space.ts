import fs from 'node:fs';

/**
 * A write failed because the disk under the data folder is full. SQLite rolled the transaction
 * back, so nothing of it was kept; the same write succeeds once there is space again.
 */
export class StorageFullError extends Error {
  readonly folder: string | undefined;
  constructor(folder: string | undefined, cause: unknown) {
    super(`the disk holding ${folder ?? 'the database'} is full`, { cause });
    this.name = 'StorageFullError';
    this.folder = folder;
  }
}

/**
 * Below this much free space, an I/O error of SQLite's is put down to the full disk: growing
 * the WAL index (SQLITE_IOERR_SHMSIZE) or syncing can fail with ENOSPC, and SQLite reports
 * those as I/O errors without the errno. A sound disk with room to spare fails for other reasons.
 */
const NEARLY_FULL_BYTES = 1024 * 1024;

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** Free bytes for an ordinary process on the file system of `folder`; Infinity if unknown. */
export function freeBytes(folder: string): number {
  try {
    const stats = fs.statfsSync(folder);
    return stats.bavail * stats.bsize;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * Whether `error` is a failed write for lack of space: SQLite's SQLITE_FULL, Node's ENOSPC or
 * EDQUOT, or (given the folder written to) an SQLite I/O error while that disk is nearly full.
 */
export function isOutOfSpace(error: unknown, folder?: string): boolean {
  if (error instanceof StorageFullError) return true;
  const code = codeOf(error);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return true;
  return (
    folder !== undefined && code.startsWith('SQLITE_IOERR') && freeBytes(folder) < NEARLY_FULL_BYTES
  );
}

/** The error to throw on: a StorageFullError when the disk is to blame, else `error` itself. */
export function asStorageFull(error: unknown, folder?: string): unknown {
  if (error instanceof StorageFullError || !isOutOfSpace(error, folder)) return error;
  return new StorageFullError(folder, error);
}
