import type { BackupFile } from '../store/backup.ts';
import { createBackup, latestBackup, pruneBackups } from '../store/backup.ts';
import type { Db } from '../store/db.ts';
import { StorageFullError } from '../store/out-of-space.ts';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** How often the daily backup looks whether one is due: a day at most plus an hour apart. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

export interface BackupScheduleOptions {
  db: Db;
  dataDir: string;
  now: () => number;
  keep: number;
  /** An empty database protects nothing: no daily backup until there is a meeting. */
  hasData: () => boolean;
  log: (message: string) => void;
}

export interface BackupSchedule {
  /** A meeting's run has just finished: back up now. */
  runFinished(meetingId: string): void;
  /** Waits for the backups under way (tests, and closing the database after them). */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Backs up when a meeting's run finishes and daily: at start when the newest backup is older
 * than a day, then while running. Backups run one at a time, outside any request, and a
 * failed one (a full disk above all) is logged, never thrown into a command or the process.
 */
export function startBackupSchedule(options: BackupScheduleOptions): BackupSchedule {
  const { db, dataDir, now, keep, log } = options;
  let queue: Promise<unknown> = Promise.resolve();
  // Backups already asked for still complete when the server stops; no new ones start.
  let stopped = false;

  function take(reason: string): void {
    if (stopped) return;
    queue = queue
      .then(async () => {
        const backup: BackupFile = await createBackup(db, dataDir, now());
        pruneBackups(dataDir, keep);
        log(`roundtable: backed up the database (${reason}) to ${backup.file}`);
      })
      .catch((error: unknown) => {
        log(
          error instanceof StorageFullError
            ? `roundtable: the backup (${reason}) was not made: the disk holding ${dataDir} is ` +
                'full. The server goes on; free some space so that the next backup can be made.'
            : `roundtable: the backup (${reason}) in ${dataDir} failed: ${String(error)}`,
        );
      });
  }

  function takeIfDue(): void {
    const newest = latestBackup(dataDir);
    if (newest && now() - newest.takenAt < DAY_MS) return;
    if (options.hasData()) take('daily');
  }

  takeIfDue();
  const timer = setInterval(() => {
    // On a timer a throw would reach the process's last resort; here it only skips this hour.
    try {
      takeIfDue();
    } catch (error) {
      log(`roundtable: looking whether a daily backup is due failed: ${String(error)}`);
    }
  }, CHECK_EVERY_MS);
  timer.unref();

  return {
    runFinished: (meetingId) => take(`the run of meeting ${meetingId} finished`),
    settled: () => queue.then(() => undefined),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await queue;
    },
  };
}
