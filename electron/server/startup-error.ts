import { DamagedDatabaseError } from '../store/db.ts';
import { NewerDatabaseError } from '../store/migrate.ts';

/**
 * What to tell a person whose server could not start, without a stack trace; undefined for
 * failures that are bugs and should show their stack.
 */
export function describeStartupError(error: unknown): string | undefined {
  if (error instanceof DamagedDatabaseError) {
    return [
      `Roundtable cannot start: ${error.message}`,
      'Nothing was changed in it. Keep a copy of the file, then either restore a backup into its place',
      'or move it aside to start with an empty database.',
      `数据库文件已损坏，未作任何修改：${error.file}`,
    ].join('\n');
  }
  if (error instanceof NewerDatabaseError) return `Roundtable cannot start: ${error.message}`;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE')
    return `Roundtable cannot start: the port is in use (${String(error)}).`;
  if (code === 'EACCES' || code === 'EROFS') {
    return `Roundtable cannot start: no permission to use ${String((error as { path?: string }).path ?? error)}.`;
  }
  return undefined;
}
