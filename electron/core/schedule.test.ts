import { describe, expect, it } from 'vitest';
import { initialRunState, type RunState } from './run.ts';
import { agendaOf, runOn } from './test-support/agenda-run.ts';
import { computeSchedule } from './schedule.ts';

const MIN = 60_000;
const START = 1_795_000_000_000; // the planned start of the meeting
const items = agendaOf([5, 8, 8, 20]);
const run = runOn(items);

describe('the schedule', () => {
  it('lays the planned times end to end from the planned start', () => {
    const s = computeSchedule(items, START, initialRunState, START - 30 * MIN);
    expect(s.rows.map((r) => (r.plannedStartAt - START) / MIN)).toEqual([0, 5, 13, 21]);
    expect((s.plannedEndAt - START) / MIN).toBe(41);
    expect(s.offsetMs).toBe(0);
    expect(s.rows.every((r) => r.status === 'pending')).toBe(true);
  });

  it('counts a late start as running late', () => {
    const s = computeSchedule(items, START, initialRunState, START + 6 * MIN);
    expect(s.offsetMs).toBe(6 * MIN);
    expect(s.rows[0]?.projectedStartAt).toBe(START + 6 * MIN);
  });

  it('shows actual times, and projects the rest after the current speaker', () => {
    let state = run(initialRunState, { kind: 'next' }, START + 2 * MIN);
    state = run(state, { kind: 'next' }, START + 9 * MIN); // opening ran 7 min instead of 5
    const now = START + 12 * MIN; // the second speaker is 3 min in, 5 min left
    const s = computeSchedule(items, START, state, now);
    expect(s.rows[0]).toMatchObject({
      status: 'done',
      actualStartAt: START + 2 * MIN,
      actualEndAt: START + 9 * MIN,
    });
    expect(s.rows[1]).toMatchObject({
      status: 'running',
      actualStartAt: START + 9 * MIN,
      projectedStartAt: null,
    });
    expect(s.rows[2]?.projectedStartAt).toBe(now + 5 * MIN);
    expect(s.offsetMs).toBe(4 * MIN);
    expect(s.projectedEndAt).toBe(s.plannedEndAt + 4 * MIN);
  });

  it('grows the delay while a speaker runs over', () => {
    const state = run(initialRunState, { kind: 'next' }, START);
    expect(computeSchedule(items, START, state, START + 5 * MIN).offsetMs).toBe(0);
    expect(computeSchedule(items, START, state, START + 11 * MIN).offsetMs).toBe(6 * MIN);
  });

  it('takes skipped items out of the projection', () => {
    let state = run(initialRunState, { kind: 'next' }, START);
    state = run(state, { kind: 'stop' }, START + 5 * MIN);
    state = run(state, { kind: 'skip' }, START + 5 * MIN);
    const s = computeSchedule(items, START, state, START + 5 * MIN);
    expect(s.rows[1]).toMatchObject({ status: 'skipped', projectedStartAt: null });
    expect(s.offsetMs).toBe(-8 * MIN);
  });

  it('ends at the last actual end once everything has been spoken', () => {
    let state = initialRunState;
    for (const at of [0, 5, 13, 21, 45]) state = run(state, { kind: 'next' }, START + at * MIN);
    const s = computeSchedule(items, START, state, START + 90 * MIN);
    expect(s.projectedEndAt).toBe(START + 45 * MIN);
    expect(s.offsetMs).toBe(4 * MIN);
  });

  it('follows adjust, stop, previous, goto and skip in the projected end and in the records', () => {
    const at = (minutes: number) => START + minutes * MIN;
    const endAndOffset = (state: RunState, now: number) => {
      const s = computeSchedule(items, START, state, now);
      return [(s.projectedEndAt - START) / MIN, s.offsetMs / MIN];
    };
    // Planned: 5 + 8 + 8 + 20 = 41 minutes.
    let state = run(initialRunState, { kind: 'next' }, at(0));
    expect(endAndOffset(state, at(1))).toEqual([41, 0]);

    state = run(state, { kind: 'adjust', deltaMs: 2 * MIN }, at(1));
    expect(endAndOffset(state, at(1))).toEqual([43, 2]);
    state = run(state, { kind: 'adjust', deltaMs: -MIN }, at(2));
    expect(endAndOffset(state, at(2))).toEqual([42, 1]);

    // Stopped after 3 of the 6 minutes they had: the rest starts from now.
    state = run(state, { kind: 'stop' }, at(3));
    expect(state.itemRuns.i0).toMatchObject({
      status: 'done',
      actualStartAt: at(0),
      actualEndAt: at(3),
      elapsedMs: 3 * MIN,
      addedMs: MIN,
    });
    expect(endAndOffset(state, at(3))).toEqual([39, -2]);

    // Back to the opening a minute later: 3 minutes of their 6 remain, the added minute kept.
    state = run(state, { kind: 'previous' }, at(4));
    expect(state.itemRuns.i0).toMatchObject({ status: 'running', actualStartAt: at(0) });
    expect(endAndOffset(state, at(4))).toEqual([43, 2]);
    state = run(state, { kind: 'adjust', deltaMs: MIN }, at(4));
    expect(endAndOffset(state, at(4))).toEqual([44, 3]);

    state = run(state, { kind: 'next' }, at(6));
    expect(state.itemRuns.i0).toMatchObject({
      status: 'done',
      actualStartAt: at(0),
      actualEndAt: at(6),
      elapsedMs: 5 * MIN,
      addedMs: 2 * MIN,
    });
    expect(endAndOffset(state, at(6))).toEqual([42, 1]);

    // Straight to the leader after a minute of the second speaker; the third still to come.
    state = run(state, { kind: 'goto', itemId: 'i3' }, at(7));
    expect(state.itemRuns.i1).toMatchObject({
      status: 'done',
      actualStartAt: at(6),
      actualEndAt: at(7),
      elapsedMs: MIN,
    });
    expect(endAndOffset(state, at(7))).toEqual([35, -6]);

    // The leader, cued, is skipped: only the third speaker is left.
    state = run(state, { kind: 'skip' }, at(7));
    expect(state.itemRuns.i3).toMatchObject({ status: 'skipped' });
    expect(computeSchedule(items, START, state, at(7)).rows[3]).toMatchObject({
      status: 'skipped',
      projectedStartAt: null,
    });
    expect(endAndOffset(state, at(7))).toEqual([15, -26]);
  });
});
