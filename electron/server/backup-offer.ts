import path from 'node:path';
import { backupFolder, latestBackup, readableTime, type BackupFile } from '../store/backup.ts';
import { DamagedDatabaseError } from '../store/db.ts';
import type { RestoredBackup } from '../store/restore-backup.ts';

/** Where a person is offered the restore: a command line for `serve`, a button in the app. */
export type RestoreWay = 'serve-command' | 'dialog-button';

export const RESTORE_BUTTON = '恢复最近的备份';
export const QUIT_BUTTON = '退出';

export interface BackupOffer {
  dataDir: string;
  damagedFile: string;
  backup: BackupFile;
}

/** The newest backup to offer when the database could not be opened because it is damaged. */
export function backupOfferFor(error: unknown): BackupOffer | undefined {
  if (!(error instanceof DamagedDatabaseError)) return undefined;
  const dataDir = path.dirname(error.file);
  const backup = latestBackup(dataDir);
  return backup ? { dataDir, damagedFile: error.file, backup } : undefined;
}

export const serveRestoreCommand = (dataDir: string) =>
  `npm run serve -- --data-dir "${dataDir}" --restore-latest-backup`;

/** The lines that follow "the database file … is damaged": what can be restored, and how. */
export function describeBackupChoice(error: DamagedDatabaseError, way: RestoreWay): string[] {
  const offer = backupOfferFor(error);
  if (!offer) {
    const folder = backupFolder(path.dirname(error.file));
    return [
      `There is no backup in ${folder}. Keep a copy of the file, then move it aside to start`,
      'with an empty database.',
      `数据库文件已损坏，未作任何修改：${error.file}。备份文件夹 ${folder} 中没有备份。`,
    ];
  }
  const taken = readableTime(offer.backup.takenAt);
  const how =
    way === 'serve-command'
      ? `To restore it, run: ${serveRestoreCommand(offer.dataDir)}`
      : `To restore it, choose ${RESTORE_BUTTON}.`;
  const howZh =
    way === 'serve-command'
      ? `恢复请运行：${serveRestoreCommand(offer.dataDir)}`
      : `恢复请点“${RESTORE_BUTTON}”。`;
  return [
    `The latest backup is ${offer.backup.file}, taken ${taken}.`,
    how,
    `The damaged file is then kept beside it as ${path.basename(error.file)}.damaged-<time>,`,
    `never deleted; changes made after ${taken} are not in the backup.`,
    `数据库文件已损坏，未作任何修改：${error.file}`,
    `最近的备份：${offer.backup.file}（${taken}）。${howZh}`,
    `损坏的文件会改名保留在原处，不会删除；${taken} 之后的修改不在备份中。`,
  ];
}

/** What restoring did, for the console or the log. */
export function describeRestored(restored: RestoredBackup): string {
  const taken = readableTime(restored.backup.takenAt);
  return [
    `Restored the backup of ${taken} (${restored.backup.file}) into ${restored.databaseFile}.`,
    `The damaged database was kept as ${restored.movedAside.join(', ') || '(there was no file)'}.`,
    `已恢复 ${taken} 的备份；损坏的数据库已改名保留：${restored.movedAside.join('、') || '（无）'}`,
  ].join('\n');
}
