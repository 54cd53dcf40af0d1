import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations/index.ts';

export class NewerDatabaseError extends Error {
  readonly file: string;
  constructor(file: string, fileVersion: number, appVersion: number) {
    super(
      `The database ${file} was written by a newer Roundtable (schema ${fileVersion}; this version knows up to ${appVersion}). Update Roundtable to open it.`,
    );
    this.name = 'NewerDatabaseError';
    this.file = file;
  }
}

export function assertAscending(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
    }
  });
}

/** Applies every pending migration in one transaction; the version lives in user_version. */
export function migrate(db: Database, list: readonly Migration[], file: string): number {
  assertAscending(list);
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = list.length;
  if (current > latest) throw new NewerDatabaseError(file, current, latest);
  const pending = list.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) db.exec(m.sql);
    db.pragma(`user_version = ${latest}`);
  })();
  return latest;
}
