import type { AgendaItem } from '../core/agenda.ts';
import type { Meeting } from '../core/meeting.ts';
import type { RunState } from '../core/run.ts';
import type { AgendaRepository } from './agenda.ts';
import type { MeetingRepository } from './meetings.ts';
import type { RunRepository, StoredRun } from './runs.ts';
import type { StageRepository } from './stage.ts';

/** What a run command needs of one meeting, as last committed. */
export interface HeldMeetingRun {
  readonly meeting: Meeting;
  readonly items: readonly AgendaItem[];
  readonly run: StoredRun;
}

interface Repositories {
  meetings: MeetingRepository;
  agenda: AgendaRepository;
  runs: RunRepository;
  stage: StageRepository;
}

/** A write seen inside a transaction, applied to memory only once it has committed. */
type PendingWrite = { kind: 'forget' } | { kind: 'run'; state: RunState; updatedAt: number };

/**
 * The meeting, agenda, run state and stage that every run command needs, read from SQLite once
 * and then held: a command no longer pays four SELECTs. SQLite stays the record. The held copy
 * changes only through the repositories' own writers (wrapped in `watchWrites`), and only after
 * the transaction that made the write has committed; a rolled back one makes the meetings it
 * touched be read again, so memory never shows what the disk does not have.
 */
export function createHotState(repos: Repositories) {
  const held = new Map<string, HeldMeetingRun>();
  let heldStage: { meetingId: string | null } | undefined;
  const pending = new Map<string, PendingWrite>();
  let stagePending = false;
  let depth = 0;

  function apply(meetingId: string, write: PendingWrite) {
    const current = held.get(meetingId);
    if (write.kind === 'forget' || !current) return void held.delete(meetingId);
    held.set(meetingId, { ...current, run: { state: write.state, updatedAt: write.updatedAt } });
  }

  function record(meetingId: string, write: PendingWrite) {
    if (depth === 0) return apply(meetingId, write); // autocommit: already on disk
    // A forget wins over a later run write: the agenda or meeting changed too.
    if (pending.get(meetingId)?.kind === 'forget') return;
    pending.set(meetingId, write);
  }

  function stageWritten() {
    if (depth === 0) heldStage = undefined;
    else stagePending = true;
  }

  return {
    /** The meeting's held state, read from SQLite the first time; undefined for no meeting. */
    meetingRun(meetingId: string): HeldMeetingRun | undefined {
      // Written in the transaction under way: read what it wrote, and hold it only once committed.
      const known = pending.has(meetingId) ? undefined : held.get(meetingId);
      if (known) return known;
      const meeting = repos.meetings.get(meetingId);
      if (!meeting) return undefined;
      const loaded = {
        meeting,
        items: repos.agenda.listForMeeting(meetingId),
        run: repos.runs.load(meetingId),
      };
      if (!pending.has(meetingId)) held.set(meetingId, loaded);
      return loaded;
    },
    /** The meeting the organizer put on stage, or null. */
    stage(): string | null {
      if (heldStage && !stagePending) return heldStage.meetingId;
      const meetingId = repos.stage.get();
      if (!stagePending) heldStage = { meetingId };
      return meetingId;
    },
    /** Every meeting held now, for the test that compares memory with the record. */
    heldMeetingIds(): string[] {
      return [...held.keys()];
    },
    /** Wraps the writers of the repositories so that no write can leave memory behind. */
    watchWrites(): Repositories {
      const { meetings, agenda, runs, stage } = repos;
      return {
        meetings: {
          ...meetings,
          save: (meeting) => (meetings.save(meeting), record(meeting.id, { kind: 'forget' })),
          setOrigin: (id, originId) => {
            meetings.setOrigin(id, originId);
            record(id, { kind: 'forget' });
          },
          setImporting: (id, importing) => {
            meetings.setImporting(id, importing);
            record(id, { kind: 'forget' });
          },
          delete: (id) => {
            const deleted = meetings.delete(id);
            record(id, { kind: 'forget' });
            // The stage's foreign key is ON DELETE SET NULL: SQLite may have changed it too.
            stageWritten();
            return deleted;
          },
        },
        agenda: {
          ...agenda,
          replaceAll: (meetingId, items) => {
            agenda.replaceAll(meetingId, items);
            record(meetingId, { kind: 'forget' });
          },
        },
        runs: {
          ...runs,
          save: (meetingId, state, now, previous) => {
            runs.save(meetingId, state, now, previous);
            record(meetingId, { kind: 'run', state, updatedAt: now });
          },
        },
        stage: {
          ...stage,
          set: (meetingId) => (stage.set(meetingId), stageWritten()),
        },
      };
    },
    began(): void {
      depth += 1;
    },
    /** The outermost transaction committed: its writes are now the record. */
    committed(): void {
      depth -= 1;
      if (depth > 0) return;
      for (const [meetingId, write] of pending) apply(meetingId, write);
      pending.clear();
      if (stagePending) heldStage = undefined;
      stagePending = false;
    },
    /**
     * A transaction (or a nested savepoint) was rolled back: what it touched is read again.
     * Rolling back a savepoint keeps the outer transaction's writes open, so everything
     * pending is forgotten rather than applied when that one commits.
     */
    rolledBack(): void {
      depth -= 1;
      for (const meetingId of pending.keys()) pending.set(meetingId, { kind: 'forget' });
      stagePending = true;
      if (depth > 0) return;
      for (const meetingId of pending.keys()) held.delete(meetingId);
      pending.clear();
      heldStage = undefined;
      stagePending = false;
    },
  };
}
export type HotState = ReturnType<typeof createHotState>;
