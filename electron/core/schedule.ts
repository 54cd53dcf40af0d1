import type { AgendaItem } from './agenda.ts';
import { remainingMs } from './clock.ts';
import { plannedMsOf, type ItemRunStatus, type RunState } from './run.ts';

export interface ScheduleRow {
  itemId: string;
  plannedStartAt: number;
  plannedEndAt: number;
  status: ItemRunStatus | 'pending';
  actualStartAt: number | null;
  actualEndAt: number | null;
  /** When a pending item is now expected to start; null once it has started or was skipped. */
  projectedStartAt: number | null;
}

export interface Schedule {
  rows: ScheduleRow[];
  plannedEndAt: number;
  projectedEndAt: number;
  /** Positive: the meeting runs late by this much; negative: early. */
  offsetMs: number;
}

/**
 * Planned against actual for every item, and where the meeting is heading: the items still to
 * come are laid end to end after the one speaking (or from now, or from the planned start).
 */
export function computeSchedule(
  items: readonly AgendaItem[],
  plannedStartAt: number,
  run: Pick<RunState, 'clock' | 'itemRuns'>,
  now: number,
): Schedule {
  let plannedCursor = plannedStartAt;
  const started = Object.values(run.itemRuns).some((r) => r.actualStartAt !== null);
  let projectedCursor = run.clock
    ? now + Math.max(0, remainingMs(run.clock, now))
    : started
      ? now
      : Math.max(now, plannedStartAt);

  const rows = items.map((item): ScheduleRow => {
    const plannedStart = plannedCursor;
    plannedCursor += plannedMsOf(item);
    const record = run.itemRuns[item.id];
    const status = record?.status ?? 'pending';
    let projectedStartAt: number | null = null;
    if (status === 'pending') {
      projectedStartAt = projectedCursor;
      projectedCursor += plannedMsOf(item);
    }
    return {
      itemId: item.id,
      plannedStartAt: plannedStart,
      plannedEndAt: plannedCursor,
      status,
      actualStartAt: record?.actualStartAt ?? null,
      actualEndAt: record?.actualEndAt ?? null,
      projectedStartAt,
    };
  });

  // With nothing left to speak, the meeting ended when its last speaker did.
  const finished = !run.clock && rows.every((r) => r.status !== 'pending');
  const lastActualEnd = Math.max(...rows.map((r) => r.actualEndAt ?? 0));
  const projectedEndAt = finished && started ? lastActualEnd : projectedCursor;
  return {
    rows,
    plannedEndAt: plannedCursor,
    projectedEndAt,
    offsetMs: projectedEndAt - plannedCursor,
  };
}
