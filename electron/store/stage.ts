import type { Db } from './db.ts';

/** The one meeting on stage (see migration 010), or null when none has been put there. */
export function stageRepository(db: Db) {
  const select = db.prepare<[], { meeting_id: string | null }>(
    'SELECT meeting_id FROM stage WHERE id = 1',
  );
  const update = db.prepare<[string | null]>('UPDATE stage SET meeting_id = ? WHERE id = 1');
  return {
    get(): string | null {
      return select.get()?.meeting_id ?? null;
    },
    set(meetingId: string | null): void {
      update.run(meetingId);
    },
  };
}
export type StageRepository = ReturnType<typeof stageRepository>;
