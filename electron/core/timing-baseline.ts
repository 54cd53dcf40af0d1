import { firstActualStartAt, scheduleBaseline } from './rehearsal.ts';
import type { ItemRun } from './run.ts';

/** An instant's date (YYYY-MM-DD) in the venue's time zone: the caller's zone, passed in. */
export type DayOf = (epochMs: number) => string;

/**
 * Whether a run is measured from its actual start when nobody chose otherwise: it first started
 * on another calendar day than the meeting's date, in the venue's zone. A meeting dated 2020 run
 * (or rehearsed) today would otherwise read "晚 3419665 分钟"; on the meeting's own day, an hour
 * late stays an hour late. The exports have no organizer to ask and always follow this; the
 * console starts its 按实际开始计算 from it and lets the organizer change it.
 */
export function startedOnAnotherDay(
  meetingDate: string,
  firstStartAt: number | null,
  dayOf: DayOf,
): boolean {
  return firstStartAt !== null && dayOf(firstStartAt) !== meetingDate;
}

/**
 * The instant the schedule is measured from (computeSchedule's plannedStartAt): the planned
 * start, or the run's first actual start when it started far from plan and is measured from it,
 * as the organizer chose (`organizerChoice`) or, with no choice made, as startedOnAnotherDay says.
 */
export function timingBaseline(
  meeting: { date: string },
  plannedStartAt: number,
  itemRuns: Iterable<Pick<ItemRun, 'actualStartAt'>>,
  dayOf: DayOf,
  organizerChoice: boolean | null = null,
): number {
  const firstStartAt = firstActualStartAt(itemRuns);
  const fromActualStart = organizerChoice ?? startedOnAnotherDay(meeting.date, firstStartAt, dayOf);
  return scheduleBaseline(plannedStartAt, firstStartAt, fromActualStart);
}
