import Database from 'better-sqlite3';
import { agendaRepository } from './agenda.ts';
import { drawRepository } from './draws.ts';
import { meetingRepository } from './meetings.ts';
import { newsBriefRepository } from './news-briefs.ts';
import { noteRepository } from './notes.ts';
import { noticeRepository } from './notices.ts';
import { participantRepository } from './participants.ts';
import { runRepository } from './runs.ts';
import { seatingRepository } from './seating.ts';

/**
 * A connection of its own to the server's database, read-only, for a worker thread: a big read
 * (an export's 50,000 notes) then runs beside the server's event loop, not on it. WAL lets it
 * read a consistent snapshot while the server goes on writing; it can write nothing, so every
 * write stays on the server's one connection.
 */
export function openReadOnlyStore(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return {
    meetings: meetingRepository(db),
    agenda: agendaRepository(db),
    notes: noteRepository(db),
    runs: runRepository(db),
    draws: drawRepository(db),
    seating: seatingRepository(db),
    participants: participantRepository(db),
    notices: noticeRepository(db),
    newsBriefs: newsBriefRepository(db),
    /** `read` in one read transaction: every part from the same moment. */
    snapshot<T>(read: () => T): T {
      return db.transaction(read).deferred();
    },
    close(): void {
      db.close();
    },
  };
}
export type ReadOnlyStore = ReturnType<typeof openReadOnlyStore>;
