import { describe, expect, it } from 'vitest';
import {
  firstActualStartAt,
  REHEARSAL_GAP_MS,
  scheduleBaseline,
  startedFarFromPlan,
} from './rehearsal.ts';
import { initialRunState } from './run.ts';
import { agendaOf, runOn } from './test-support/agenda-run.ts';
import { computeSchedule } from './schedule.ts';

const MIN = 60_000;
const PLANNED = 1_795_000_000_000; // the planned start of the meeting
const items = agendaOf([5, 8, 8]);
const run = runOn(items);

describe('a run that starts far from the planned start', () => {
  it('takes the earliest recorded start as the first start', () => {
    expect(firstActualStartAt([])).toBeNull();
    expect(
      firstActualStartAt([
        { actualStartAt: null },
        { actualStartAt: PLANNED + 9 * MIN },
        { actualStartAt: PLANNED + 2 * MIN },
      ]),
    ).toBe(PLANNED + 2 * MIN);
  });

  it('is offered only when the first start is more than half an hour from the plan', () => {
    expect(startedFarFromPlan(PLANNED, null)).toBe(false);
    expect(startedFarFromPlan(PLANNED, PLANNED + REHEARSAL_GAP_MS)).toBe(false);
    expect(startedFarFromPlan(PLANNED, PLANNED - REHEARSAL_GAP_MS)).toBe(false);
    expect(startedFarFromPlan(PLANNED, PLANNED + REHEARSAL_GAP_MS + 1)).toBe(true);
    // The rehearsal the day before, 13 hours and 14 minutes early.
    expect(startedFarFromPlan(PLANNED, PLANNED - 794 * MIN)).toBe(true);
  });

  it('measures from the actual start only when chosen and far from plan', () => {
    const dayBefore = PLANNED - 794 * MIN;
    expect(scheduleBaseline(PLANNED, dayBefore, false)).toBe(PLANNED);
    expect(scheduleBaseline(PLANNED, dayBefore, true)).toBe(dayBefore);
    // Ten minutes late on the day is lateness, whatever was chosen at a rehearsal.
    expect(scheduleBaseline(PLANNED, PLANNED + 10 * MIN, true)).toBe(PLANNED);
    expect(scheduleBaseline(PLANNED, null, true)).toBe(PLANNED);
  });

  it('a rehearsal the day before reads as its own lateness, not 794 minutes', () => {
    const dayBefore = PLANNED - 24 * 60 * MIN + 4 * MIN;
    let state = run(initialRunState, { kind: 'next' }, dayBefore);
    state = run(state, { kind: 'next' }, dayBefore + 7 * MIN); // the opening ran 2 min over
    const now = dayBefore + 8 * MIN;
    const first = firstActualStartAt(Object.values(state.itemRuns));
    expect(first).toBe(dayBefore);

    const asPlanned = computeSchedule(items, scheduleBaseline(PLANNED, first, false), state, now);
    expect(asPlanned.offsetMs).toBeLessThan(-23 * 60 * MIN);

    const fromActual = computeSchedule(items, scheduleBaseline(PLANNED, first, true), state, now);
    // 7 min for the first item, 8 for the one speaking (7 left), 8 for the last: 2 min late.
    expect(fromActual.offsetMs).toBe(2 * MIN);
    expect(fromActual.projectedEndAt).toBe(dayBefore + 23 * MIN);
    expect(fromActual.plannedEndAt).toBe(dayBefore + 21 * MIN);
  });
});
