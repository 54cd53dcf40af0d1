import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE_NAME } from './db.ts';
import { isOutOfSpace } from './out-of-space.ts';

/**
 * The data folder cannot be used. The message is one sentence naming it, for the person; `chinese`
 * says the same for the desktop app's dialog.
 */
export class DataFolderError extends Error {
  readonly dataDir: string;
  readonly chinese: string;
  constructor(dataDir: string, sentence: string, chinese: string) {
    super(sentence);
    this.name = 'DataFolderError';
    this.dataDir = dataDir;
    this.chinese = chinese;
  }
}

/** Held by the running server; SQLite's lock on it is what keeps a second server out. */
export const LOCK_FILE_NAME = 'roundtable.lock';

export interface DataFolderClaim {
  /** Lets the next server in; the lock also goes when the process dies, however it dies. */
  release(): void;
}

/**
 * Checks that the data folder can hold the database, and claims it for this process, before
 * anything is opened: a folder that is a file, cannot be created or is read-only is refused with
 * a sentence naming it (rather than a stack trace, or a "ready" followed by a 500 on every
 * write), and so is a folder another Roundtable is using (two servers on one database answer
 * "database is locked" to half the writes).
 */
export function claimDataFolder(dataDir: string): DataFolderClaim {
  ensureFolder(dataDir);
  ensureWritable(dataDir);
  return lockFolder(dataDir);
}

function errorCode(error: unknown): string {
  return String((error as { code?: unknown } | null)?.code ?? error);
}

function ensureFolder(dataDir: string): void {
  let isFolder: boolean | undefined;
  try {
    isFolder = fs.statSync(dataDir, { throwIfNoEntry: false })?.isDirectory();
  } catch {
    isFolder = undefined; // ENOTDIR: a part of the path is a file; mkdir says so below
  }
  if (isFolder === false) {
    throw new DataFolderError(
      dataDir,
      `the data folder ${dataDir} is a file, not a folder.`,
      `数据文件夹 ${dataDir} 是一个文件，不是文件夹。`,
    );
  }
  if (isFolder) return;
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    const [why, whyChinese] = whyNotCreated(dataDir, error);
    throw new DataFolderError(
      dataDir,
      `the data folder ${dataDir} does not exist and cannot be created (${why}).`,
      `数据文件夹 ${dataDir} 不存在，也无法创建（${whyChinese}）。`,
    );
  }
}

/**
 * Why mkdir failed, in words. A recursive mkdir reports ENOENT for a read-only disk, so the
 * nearest folder that exists is asked instead.
 */
function whyNotCreated(dataDir: string, error: unknown): [english: string, chinese: string] {
  let ancestor = path.dirname(dataDir);
  while (!fs.existsSync(ancestor) && path.dirname(ancestor) !== ancestor) {
    ancestor = path.dirname(ancestor);
  }
  const partIsFile: [string, string] = ['a part of its path is a file', '路径中有一段是文件'];
  if (!fs.statSync(ancestor, { throwIfNoEntry: false })?.isDirectory()) return partIsFile;
  let code = errorCode(error);
  try {
    fs.accessSync(ancestor, fs.constants.W_OK);
  } catch (accessError) {
    code = errorCode(accessError);
  }
  if (code === 'ENOTDIR' || code === 'EEXIST') return partIsFile;
  if (code === 'EROFS') return ['the disk is read-only', '磁盘是只读的'];
  if (code === 'EACCES' || code === 'EPERM') return ['no permission to create it', '没有创建权限'];
  if (code === 'ENOSPC') return ['the disk is full', '磁盘已满'];
  return [code, code];
}

/**
 * access(2), not a trial write: opening and closing the lock file or the database here would
 * drop the POSIX locks this process holds on them (another server of the same process, in tests).
 * A read-only disk answers EROFS to root as well.
 */
function ensureWritable(dataDir: string): void {
  for (const target of [dataDir, path.join(dataDir, DATABASE_FILE_NAME)]) {
    if (target !== dataDir && !fs.existsSync(target)) continue;
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch (error) {
      throw notWritable(dataDir, target, error);
    }
  }
}

/** Said the same way whether the lock or the database found the disk full at start. */
export function diskFull(dataDir: string): DataFolderError {
  return new DataFolderError(
    dataDir,
    `the disk holding ${dataDir} is full: free some space on it, then start Roundtable again.`,
    `${dataDir} 所在的磁盘已满：请先清理出一些空间，再启动 Roundtable。`,
  );
}

function notWritable(dataDir: string, target: string, error: unknown): DataFolderError {
  if (errorCode(error) === 'EROFS') {
    return new DataFolderError(
      dataDir,
      `the data folder ${dataDir} is read-only, so nothing could be saved.`,
      `数据文件夹 ${dataDir} 是只读的，什么也保存不了。`,
    );
  }
  return new DataFolderError(
    dataDir,
    `no permission to write to ${target} (${errorCode(error)}), so nothing could be saved.`,
    `没有写入 ${target} 的权限（${errorCode(error)}），什么也保存不了。`,
  );
}

/**
 * An exclusive SQLite transaction on an empty lock file, held open for the server's life. The
 * operating system drops the lock when the process ends, however it ends (a SIGKILL, a power
 * cut), so it is never stale and the next start needs no clean-up; a pid file would need a
 * liveness check that a reused pid can fool. Nothing is ever written to the file, so there is
 * nothing in it to damage.
 */
function lockFolder(dataDir: string): DataFolderClaim {
  const file = path.join(dataDir, LOCK_FILE_NAME);
  let lock: Database.Database | undefined;
  try {
    // A short wait: two servers starting at the same moment both get their answer, one of them no.
    lock = new Database(file, { timeout: 500 });
    lock.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    lock?.close();
    const code = errorCode(error);
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new DataFolderError(
        dataDir,
        `another Roundtable is using ${dataDir}.`,
        `另一个 Roundtable 正在使用 ${dataDir}，请先关闭它。`,
      );
    }
    if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY') {
      throw notWritable(dataDir, file, error);
    }
    // Taking the lock writes SQLite's journal beside it: on a disk without a byte free, it cannot.
    if (isOutOfSpace(error, dataDir)) throw diskFull(dataDir);
    throw error;
  }
  const held = lock;
  return {
    release() {
      if (held.open) held.close();
    },
  };
}
