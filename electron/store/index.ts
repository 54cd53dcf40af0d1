import path from 'node:path';
import { agendaRepository } from './agenda.ts';
import { MAX_WAL_BYTES, startCheckpointer } from './checkpointer.ts';
import { openDatabase, type Db } from './db.ts';
import { drawRepository } from './draws.ts';
import { createHotState } from './hot-state.ts';
import { meetingRepository } from './meetings.ts';
import { noteRepository } from './notes.ts';
import { newsBriefRepository } from './news-briefs.ts';
import { noticeRepository } from './notices.ts';
import { asStorageFull } from './out-of-space.ts';
import { participantRepository } from './participants.ts';
import { rosterRepository } from './roster.ts';
import { runRepository } from './runs.ts';
import { seatingRepository } from './seating.ts';
import { stageRepository } from './stage.ts';
import { holdCommitsOpen } from './unsafe-ack-before-commit.ts';
import { createWalFlush, type WalFlush } from './wal-flush.ts';
import { preallocateWal } from './wal-preallocate.ts';

export interface StoreOptions {
  /** Where the checkpointer says that it cannot fold the WAL back (a full disk); stderr if unset. */
  log?: (message: string) => void;
  /** TEST ONLY, for the crash tests' negative control: see unsafe-ack-before-commit.ts. */
  unsafeAckBeforeCommit?: boolean;
  /**
   * TEST ONLY, for the power-loss test's negative control: answers do not wait for the WAL's
   * flush (wal-flush.ts), so a commit is answered before the WAL is synced and a power cut loses
   * it. A crash does not.
   */
  unsafeSynchronousNormal?: boolean;
}

/** The repositories over one open database, and its transaction wrapper. */
export function createStore(db: Db, file = ':memory:', options: StoreOptions = {}) {
  const unsafe = options.unsafeAckBeforeCommit ? holdCommitsOpen(db) : null;
  const log = options.log ?? ((message: string) => console.error(message));
  // The checkpointer cannot fold the WAL while the unsafe mode holds a transaction open.
  const checkpointer =
    file === ':memory:' || unsafe ? null : startCheckpointer(db, file, Date.now, log);
  if (checkpointer) {
    db.pragma('wal_autocheckpoint = 0');
    preallocateWal(db, file, MAX_WAL_BYTES);
  }
  const folder = file === ':memory:' ? undefined : path.dirname(file);
  const walFlush: WalFlush =
    file === ':memory:' || unsafe || options.unsafeSynchronousNormal
      ? { durable: () => Promise.resolve(), close: () => {} }
      : createWalFlush(db, file);
  const hot = createHotState({
    meetings: meetingRepository(db),
    agenda: agendaRepository(db),
    runs: runRepository(db),
    stage: stageRepository(db),
  });
  return {
    db,
    // Their writers also keep `hot` right, after each commit.
    ...hot.watchWrites(),
    notes: noteRepository(db),
    roster: rosterRepository(db),
    participants: participantRepository(db),
    draws: drawRepository(db),
    seating: seatingRepository(db),
    notices: noticeRepository(db),
    newsBriefs: newsBriefRepository(db),
    /** The meetings, agendas, run states and stage that commands need, held in memory. */
    hot,
    /**
     * One command's writes, all or nothing. A write that finds the disk full throws a
     * StorageFullError: SQLite has rolled the whole transaction back, nothing of it is kept.
     */
    transaction<T>(fn: () => T): T {
      let result: T;
      hot.began();
      try {
        result = db.transaction(fn)();
      } catch (error) {
        hot.rolledBack();
        throw asStorageFull(error, folder);
      }
      hot.committed();
      checkpointer?.wrote();
      return result;
    },
    /** Resolves once every commit so far is on the disk (see wal-flush.ts). */
    durable: walFlush.durable,
    close(): void {
      walFlush.close();
      unsafe?.stop();
      checkpointer?.stop();
      db.close();
    },
  };
}
export type Store = ReturnType<typeof createStore>;

export function openStore(file: string, options: StoreOptions = {}): Store {
  return createStore(openDatabase(file), file, options);
}
