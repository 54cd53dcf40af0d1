import type { ItemRun } from './run.ts';

/**
 * A first start this far from the planned date and time is not a late meeting but a rehearsal
 * (or a meeting moved at short notice): "落后 794 分钟" would say nothing useful then.
 */
export const REHEARSAL_GAP_MS = 30 * 60_000;

/** When the run first started: the earliest recorded start of any item; null before any. */
export function firstActualStartAt(
  itemRuns: Iterable<Pick<ItemRun, 'actualStartAt'>>,
): number | null {
  let first: number | null = null;
  for (const run of itemRuns) {
    if (run.actualStartAt !== null && (first === null || run.actualStartAt < first)) {
      first = run.actualStartAt;
    }
  }
  return first;
}

/**
 * Whether the console should offer to measure the run from its actual start: it started, and
 * more than REHEARSAL_GAP_MS before or after the planned start.
 */
export function startedFarFromPlan(plannedStartAt: number, firstStartAt: number | null): boolean {
  return firstStartAt !== null && Math.abs(firstStartAt - plannedStartAt) > REHEARSAL_GAP_MS;
}

/**
 * The instant the schedule is measured from: the planned start, or — when the organizer chose
 * to measure from the actual start and the run did start far from plan — the first actual start.
 * Pass it to computeSchedule as its plannedStartAt.
 */
export function scheduleBaseline(
  plannedStartAt: number,
  firstStartAt: number | null,
  fromActualStart: boolean,
): number {
  return fromActualStart &&
    firstStartAt !== null &&
    startedFarFromPlan(plannedStartAt, firstStartAt)
    ? firstStartAt
    : plannedStartAt;
}
