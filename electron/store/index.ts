import { agendaRepository } from './agenda.ts';
import { startCheckpointer } from './checkpointer.ts';
import { openDatabase, type Db } from './db.ts';
import { drawRepository } from './draws.ts';
import { meetingRepository } from './meetings.ts';
import { noteRepository } from './notes.ts';
import { rosterRepository } from './roster.ts';
import { runRepository } from './runs.ts';

/** The repositories over one open database, and its transaction wrapper. */
export function createStore(db: Db, file = ':memory:') {
  const checkpointer = file === ':memory:' ? null : startCheckpointer(db, file, Date.now);
  if (checkpointer) db.pragma('wal_autocheckpoint = 0');
  return {
    db,
    meetings: meetingRepository(db),
    agenda: agendaRepository(db),
    runs: runRepository(db),
    notes: noteRepository(db),
    roster: rosterRepository(db),
    draws: drawRepository(db),
    transaction<T>(fn: () => T): T {
      const result = db.transaction(fn)();
      checkpointer?.wrote();
      return result;
    },
    close(): void {
      checkpointer?.stop();
      db.close();
    },
  };
}
export type Store = ReturnType<typeof createStore>;

export function openStore(file: string): Store {
  return createStore(openDatabase(file), file);
}
