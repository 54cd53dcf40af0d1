import { DataFolderError } from '../store/data-folder.ts';
import { DamagedDatabaseError } from '../store/db.ts';
import { NewerDatabaseError } from '../store/migrate.ts';
import { RestoreRefusedError } from '../store/restore-backup.ts';
import { describeBackupChoice, type RestoreWay } from './backup-offer.ts';

/**
 * What to tell a person whose server could not start, without a stack trace; undefined for
 * failures that are bugs and should show their stack. A damaged database comes with the
 * latest backup and how to restore it (`way`: the serve command, or the desktop app's button).
 */
export function describeStartupError(
  error: unknown,
  way: RestoreWay = 'serve-command',
): string | undefined {
  if (error instanceof DamagedDatabaseError) {
    return [
      `Roundtable cannot start: ${error.message}`,
      'Nothing was changed in it.',
      ...describeBackupChoice(error, way),
    ].join('\n');
  }
  if (error instanceof NewerDatabaseError) return `Roundtable cannot start: ${error.message}`;
  if (error instanceof DataFolderError) {
    // One line for serve's console; the desktop app's dialog says it in Chinese too.
    const line = `Roundtable cannot start: ${error.message}`;
    return way === 'dialog-button' ? `${line}\nRoundtable 无法启动：${error.chinese}` : line;
  }
  if (error instanceof RestoreRefusedError) {
    return `Roundtable did not restore a backup: ${error.message}`;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE')
    return `Roundtable cannot start: the port is in use (${String(error)}).`;
  if (code === 'EACCES' || code === 'EROFS') {
    return `Roundtable cannot start: no permission to use ${String((error as { path?: string }).path ?? error)}.`;
  }
  return undefined;
}
