import { firstActualStartAt, scheduleBaseline } from '../core/rehearsal.ts';
import type { RunState } from '../core/run.ts';

/**
 * The instant the timing exports (the report's .csv and .xlsx, the slides' 用时 pages and 用时图)
 * measure the schedule from. An export has no organizer at hand to tick 按实际开始计算, so the
 * console's rule is applied with the choice made for it only when the run first started on
 * another day than the meeting's date: a meeting dated 2020 run (or rehearsed) today is measured
 * from its actual start, not "晚 3419665 分钟"; on the meeting's own day, an hour late stays an
 * hour late. `dayOf` gives an instant's date (YYYY-MM-DD) in the venue's time zone.
 */
export function timingBaseline(
  meeting: { date: string },
  plannedStartAt: number,
  run: Pick<RunState, 'itemRuns'>,
  dayOf: (epochMs: number) => string,
): number {
  const firstStartAt = firstActualStartAt(Object.values(run.itemRuns));
  const onAnotherDay = firstStartAt !== null && dayOf(firstStartAt) !== meeting.date;
  return scheduleBaseline(plannedStartAt, firstStartAt, onAnotherDay);
}
