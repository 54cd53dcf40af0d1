import { agendaRepository } from './agenda.ts';
import { openDatabase, type Db } from './db.ts';
import { meetingRepository } from './meetings.ts';
import { noteRepository } from './notes.ts';
import { runRepository } from './runs.ts';

/** The repositories over one open database, and its transaction wrapper. */
export function createStore(db: Db) {
  return {
    db,
    meetings: meetingRepository(db),
    agenda: agendaRepository(db),
    runs: runRepository(db),
    notes: noteRepository(db),
    transaction<T>(fn: () => T): T {
      return db.transaction(fn)();
    },
    close(): void {
      db.close();
    },
  };
}
export type Store = ReturnType<typeof createStore>;

export function openStore(file: string): Store {
  return createStore(openDatabase(file));
}
