import { describe, expect, it } from 'vitest';
import { agendaOf, runOn } from './test-support/agenda-run.ts';
import { initialRunState, type RunState } from './run.ts';
import { computeSchedule } from './schedule.ts';
import { startedOnAnotherDay, timingBaseline } from './timing-baseline.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Calendar days as the venue's clock reads them: Beijing (UTC+8), or UTC, passed in. */
const beijingDay = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const at = (beijingTime: string) => Date.parse(`${beijingTime}+08:00`);

const items = agendaOf([5, 8, 8]);
const run = runOn(items);

/** The first item started at `startAt` and ran 7 of its 5 minutes; the second is speaking. */
function ranFrom(startAt: number): RunState {
  const state = run(initialRunState, { kind: 'next' }, startAt);
  return run(state, { kind: 'next' }, startAt + 7 * MIN);
}

/** How late the meeting reads a minute into the second item, measured as the rule says. */
function offsetMinutes(meeting: { date: string }, plannedStartAt: number, startAt: number) {
  const state = ranFrom(startAt);
  const itemRuns = Object.values(state.itemRuns);
  const baseline = timingBaseline(meeting, plannedStartAt, itemRuns, beijingDay);
  return computeSchedule(items, baseline, state, startAt + 8 * MIN).offsetMs / MIN;
}

describe('which day a run started on decides what its timing is measured from', () => {
  it('a meeting dated 2020-01-01 run on 2026-12-01 reads its own 2 minutes late, not years', () => {
    const planned = at('2020-01-01T09:00:00');
    const startAt = at('2026-12-01T14:00:00');
    expect(startedOnAnotherDay('2020-01-01', startAt, beijingDay)).toBe(true);
    const state = ranFrom(startAt);
    expect(
      timingBaseline({ date: '2020-01-01' }, planned, Object.values(state.itemRuns), beijingDay),
    ).toBe(startAt);
    expect(offsetMinutes({ date: '2020-01-01' }, planned, startAt)).toBe(2);
  });

  it('a rehearsal the day before, and a meeting dated in the future, are measured from their start', () => {
    expect(
      offsetMinutes({ date: '2026-12-02' }, at('2026-12-02T09:00:00'), at('2026-12-01T15:30:00')),
    ).toBe(2);
    expect(
      offsetMinutes({ date: '2099-06-01' }, at('2099-06-01T09:00:00'), at('2026-12-01T15:30:00')),
    ).toBe(2);
  });

  it('on the meeting’s own day, lateness stays lateness: an hour late reads an hour', () => {
    const planned = at('2026-12-01T09:00:00');
    expect(startedOnAnotherDay('2026-12-01', planned + HOUR, beijingDay)).toBe(false);
    expect(offsetMinutes({ date: '2026-12-01' }, planned, planned + HOUR)).toBe(62);
    // A run begun at 07:00 the same morning (a run-through) is measured from 09:00 too.
    expect(offsetMinutes({ date: '2026-12-01' }, planned, at('2026-12-01T07:00:00'))).toBe(-118);
  });

  it('the day is the venue’s: 07:30 in Beijing is still the 25th in UTC', () => {
    const startAt = at('2026-11-26T07:30:00'); // 2026-11-25T23:30Z
    expect(startedOnAnotherDay('2026-11-26', startAt, beijingDay)).toBe(false);
    expect(startedOnAnotherDay('2026-11-26', startAt, utcDay)).toBe(true);
  });

  it('a start just past midnight, 20 minutes after a 23:50 plan, is lateness, not another day’s run', () => {
    const planned = at('2026-11-30T23:50:00');
    const startAt = at('2026-12-01T00:10:00');
    expect(startedOnAnotherDay('2026-11-30', startAt, beijingDay)).toBe(true);
    expect(offsetMinutes({ date: '2026-11-30' }, planned, startAt)).toBe(22);
  });

  it('before anything starts, the plan is the baseline', () => {
    expect(startedOnAnotherDay('2020-01-01', null, beijingDay)).toBe(false);
    expect(timingBaseline({ date: '2020-01-01' }, at('2020-01-01T09:00:00'), [], beijingDay)).toBe(
      at('2020-01-01T09:00:00'),
    );
  });

  it('the organizer’s choice, when made, wins over the rule either way', () => {
    const itemRunsFrom = (startAt: number) => Object.values(ranFrom(startAt).itemRuns);
    const planned = at('2020-01-01T09:00:00');
    const today = at('2026-12-01T14:00:00');
    expect(
      timingBaseline({ date: '2020-01-01' }, planned, itemRunsFrom(today), beijingDay, false),
    ).toBe(planned);
    const sameDay = at('2026-12-01T09:00:00');
    const fiveHoursLate = sameDay + 5 * HOUR;
    expect(
      timingBaseline(
        { date: '2026-12-01' },
        sameDay,
        itemRunsFrom(fiveHoursLate),
        beijingDay,
        true,
      ),
    ).toBe(fiveHoursLate);
  });
});
