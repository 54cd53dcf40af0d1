import type { ClockFacts } from '../core/clock.ts';
import {
  initialRunState,
  type ItemRun,
  type ItemRunStatus,
  type AdjustedLimits,
  type MessageTarget,
  type RunState,
  type ScreenMode,
} from '../core/run.ts';
import type { Db } from './db.ts';

interface MeetingRunRow {
  meeting_id: string;
  current_item_id: string | null;
  clock_item_id: string | null;
  clock_planned_ms: number | null;
  clock_started_at: number | null;
  clock_added_ms: number | null;
  clock_paused_at: number | null;
  clock_paused_ms: number | null;
  screen: ScreenMode;
  message: string;
  message_target: MessageTarget;
  message_redirected: number;
  adjusted_limits: string;
  limits_before_plan: string | null;
  updated_at: number;
}

interface ItemRunRow {
  item_id: string;
  status: ItemRunStatus;
  actual_start_at: number | null;
  actual_end_at: number | null;
  elapsed_ms: number;
  added_ms: number;
  turns: number;
}

function toClock(row: MeetingRunRow): ClockFacts | null {
  if (row.clock_item_id === null || row.clock_started_at === null) return null;
  return {
    itemId: row.clock_item_id,
    plannedMs: row.clock_planned_ms ?? 0,
    startedAt: row.clock_started_at,
    addedMs: row.clock_added_ms ?? 0,
    pausedAt: row.clock_paused_at,
    pausedMs: row.clock_paused_ms ?? 0,
  };
}

/** Written only by `save` from the core's state: a plain object of minutes by item id. */
const readLimits = (json: string) => JSON.parse(json) as AdjustedLimits;

export interface StoredRun {
  state: RunState;
  /** When the state was last written: older than this server's start means it was recovered. */
  updatedAt: number | null;
}

/** The run state of each meeting, its clock kept as the facts the screens compute from. */
export function runRepository(db: Db) {
  const selectRun = db.prepare<[string], MeetingRunRow>(
    'SELECT * FROM meeting_runs WHERE meeting_id = ?',
  );
  const selectItemRuns = db.prepare<[string], ItemRunRow>(
    'SELECT * FROM item_runs WHERE meeting_id = ?',
  );
  const selectClocked = db.prepare<[], { meeting_id: string }>(
    'SELECT meeting_id FROM meeting_runs WHERE clock_item_id IS NOT NULL',
  );
  const upsertRun = db.prepare(
    `INSERT INTO meeting_runs (meeting_id, current_item_id, clock_item_id, clock_planned_ms,
       clock_started_at, clock_added_ms, clock_paused_at, clock_paused_ms, screen, message,
       message_target, message_redirected, adjusted_limits, limits_before_plan, updated_at)
     VALUES (@meeting_id, @current_item_id, @clock_item_id, @clock_planned_ms, @clock_started_at,
       @clock_added_ms, @clock_paused_at, @clock_paused_ms, @screen, @message, @message_target,
       @message_redirected, @adjusted_limits, @limits_before_plan, @updated_at)
     ON CONFLICT (meeting_id) DO UPDATE SET current_item_id = excluded.current_item_id,
       clock_item_id = excluded.clock_item_id, clock_planned_ms = excluded.clock_planned_ms,
       clock_started_at = excluded.clock_started_at, clock_added_ms = excluded.clock_added_ms,
       clock_paused_at = excluded.clock_paused_at, clock_paused_ms = excluded.clock_paused_ms,
       screen = excluded.screen, message = excluded.message,
       message_target = excluded.message_target, message_redirected = excluded.message_redirected,
       adjusted_limits = excluded.adjusted_limits,
       limits_before_plan = excluded.limits_before_plan, updated_at = excluded.updated_at`,
  );
  const deleteItemRun = db.prepare<[string]>('DELETE FROM item_runs WHERE item_id = ?');
  const upsertItemRun = db.prepare(
    `INSERT INTO item_runs (item_id, meeting_id, status, actual_start_at, actual_end_at,
       elapsed_ms, added_ms, turns)
     VALUES (@item_id, @meeting_id, @status, @actual_start_at, @actual_end_at, @elapsed_ms,
       @added_ms, @turns)
     ON CONFLICT (item_id) DO UPDATE SET status = excluded.status,
       actual_start_at = excluded.actual_start_at, actual_end_at = excluded.actual_end_at,
       elapsed_ms = excluded.elapsed_ms, added_ms = excluded.added_ms, turns = excluded.turns`,
  );

  return {
    /** Only the clock: what a note needs to know how far into the speech it was written. */
    clock(meetingId: string): ClockFacts | null {
      const row = selectRun.get(meetingId);
      return row ? toClock(row) : null;
    },
    load(meetingId: string): StoredRun {
      const row = selectRun.get(meetingId);
      const itemRuns: Record<string, ItemRun> = {};
      for (const r of selectItemRuns.all(meetingId)) {
        itemRuns[r.item_id] = {
          itemId: r.item_id,
          status: r.status,
          actualStartAt: r.actual_start_at,
          actualEndAt: r.actual_end_at,
          elapsedMs: r.elapsed_ms,
          addedMs: r.added_ms,
          turns: r.turns,
        };
      }
      if (!row) return { state: { ...initialRunState, itemRuns }, updatedAt: null };
      return {
        state: {
          currentItemId: row.current_item_id,
          clock: toClock(row),
          screen: row.screen,
          message: row.message,
          messageTarget: row.message_target,
          messageRedirected: row.message_redirected === 1,
          itemRuns,
          adjustedLimits: readLimits(row.adjusted_limits),
          limitsBeforePlan:
            row.limits_before_plan === null ? null : readLimits(row.limits_before_plan),
        },
        updatedAt: row.updated_at,
      };
    },
    /** Meetings whose clock was running or paused when the state was last written. */
    meetingsWithClock(): string[] {
      return selectClocked.all().map((r) => r.meeting_id);
    },
    /**
     * Called inside the command's transaction: the facts and the record commit together. Only
     * the item records that differ from `previous` (the state as loaded) are written, so a pause
     * commits one row.
     */
    save(meetingId: string, state: RunState, now: number, previous: RunState): void {
      const c = state.clock;
      upsertRun.run({
        meeting_id: meetingId,
        current_item_id: state.currentItemId,
        clock_item_id: c?.itemId ?? null,
        clock_planned_ms: c?.plannedMs ?? null,
        clock_started_at: c?.startedAt ?? null,
        clock_added_ms: c?.addedMs ?? null,
        clock_paused_at: c?.pausedAt ?? null,
        clock_paused_ms: c?.pausedMs ?? null,
        screen: state.screen,
        message: state.message,
        message_target: state.messageTarget,
        message_redirected: state.messageRedirected ? 1 : 0,
        adjusted_limits: JSON.stringify(state.adjustedLimits),
        limits_before_plan:
          state.limitsBeforePlan === null ? null : JSON.stringify(state.limitsBeforePlan),
        updated_at: now,
      });
      for (const id of Object.keys(previous.itemRuns)) {
        if (!state.itemRuns[id]) deleteItemRun.run(id);
      }
      for (const r of Object.values(state.itemRuns)) {
        if (sameItemRun(r, previous.itemRuns[r.itemId])) continue;
        upsertItemRun.run({
          item_id: r.itemId,
          meeting_id: meetingId,
          status: r.status,
          actual_start_at: r.actualStartAt,
          actual_end_at: r.actualEndAt,
          elapsed_ms: r.elapsedMs,
          added_ms: r.addedMs,
          turns: r.turns,
        });
      }
    },
  };
}
export type RunRepository = ReturnType<typeof runRepository>;

function sameItemRun(a: ItemRun, b: ItemRun | undefined): boolean {
  return (
    b !== undefined &&
    a.status === b.status &&
    a.actualStartAt === b.actualStartAt &&
    a.actualEndAt === b.actualEndAt &&
    a.elapsedMs === b.elapsedMs &&
    a.addedMs === b.addedMs &&
    a.turns === b.turns
  );
}
