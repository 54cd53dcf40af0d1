import { describe, expect, it } from 'vitest';
import type { AgendaItem, AgendaItemKind } from './agenda.ts';
import { agendaOf, runOn } from './test-support/agenda-run.ts';
import { initialRunState } from './run.ts';
import { timingChart } from './timing-chart.ts';

const START = Date.parse('2026-11-25T09:00:00+08:00');
const MIN = 60_000;

/** An opening of 5 minutes, exchange speeches of 8 and the leader's 20, named s0, s1, … */
function meeting(count: number): AgendaItem[] {
  return agendaOf([5, ...Array.from({ length: count }, () => 8), 20]).map((item, i) => ({
    ...item,
    speaker: `s${i}`,
    kind: (i === 0 ? 'opening' : i === count + 1 ? 'leader' : 'exchange') as AgendaItemKind,
  }));
}

describe('the timing chart: planned against actual for every item', () => {
  it('measures the speech still running at `now`, past its limit in red', () => {
    const items = meeting(2);
    const step = runOn(items);
    let state = step(initialRunState, { kind: 'start' }, START);
    state = step(state, { kind: 'next' }, START + 6 * MIN); // the opening spoke 6 of 5
    state = step(state, { kind: 'adjust', deltaMs: MIN }, START + 7 * MIN);
    const chart = timingChart(items, START, state, START + 16 * MIN); // 10 of 8 + 1 added
    expect(chart.bars[0]).toMatchObject({
      state: 'done',
      actualMinutes: 6,
      withinMinutes: 5,
      overMinutes: 1,
    });
    expect(chart.bars[1]).toMatchObject({
      state: 'running',
      limitMinutes: 9,
      actualMinutes: 10,
      withinMinutes: 9,
      overMinutes: 1,
    });
    expect(chart.bars[2]).toMatchObject({ state: 'pending', actualMinutes: null, overMinutes: 0 });
    // The leader is not on yet: the start shown is where the meeting is heading, marked as such.
    expect(chart.leaderStart).toMatchObject({
      name: 's3',
      plannedStartAt: START + 21 * MIN,
      startAt: START + (16 + 8) * MIN, // s1 already past its end, then s2's 8
      projected: true,
      lateMinutes: 3,
    });
  });

  it('measures overtime against the rebalanced limit where one was applied', () => {
    const items = meeting(2);
    const step = runOn(items);
    let state = step(initialRunState, { kind: 'start' }, START);
    state = step(state, { kind: 'next' }, START + 5 * MIN);
    state = step(state, { kind: 'next' }, START + 12 * MIN); // 7 of 8, but the new limit was 6
    const chart = timingChart(items, START, state, START + 12 * MIN, { i1: 6, i2: 6 });
    expect(chart.bars[1]).toMatchObject({
      plannedMinutes: 8,
      adjustedMinutes: 6,
      limitMinutes: 6,
      actualMinutes: 7,
      overMinutes: 1,
    });
    expect(chart.bars[2]).toMatchObject({ adjustedMinutes: 6, state: 'running', actualMinutes: 0 });
    expect(timingChart(items, START, state, START + 12 * MIN).bars[1]?.overMinutes).toBe(0);
  });

  it('marks a skipped speaker, and a leader who started early', () => {
    const items = meeting(2);
    const step = runOn(items);
    let state = step(initialRunState, { kind: 'start' }, START);
    state = step(state, { kind: 'next' }, START + 5 * MIN);
    state = step(state, { kind: 'skip' }, START + 5 * MIN); // s1 cut at once, s2 cued
    state = step(state, { kind: 'skip' }, START + 5 * MIN); // s2 never spoke
    state = step(state, { kind: 'start' }, START + 6 * MIN);
    const chart = timingChart(items, START, state, START + 10 * MIN);
    expect(chart.bars.map((b) => b.state)).toEqual(['done', 'done', 'skipped', 'running']);
    expect(chart.bars[2]?.actualMinutes).toBeNull();
    expect(chart.leaderStart).toMatchObject({
      startAt: START + 6 * MIN,
      projected: false,
      lateMinutes: -15,
    });
  });

  it('scales the axis to the longest bar in round steps', () => {
    const items = meeting(1);
    const quiet = timingChart(items, START, initialRunState, START);
    expect(quiet.scaleMinutes).toBe(20);
    expect(quiet.ticks).toEqual([0, 5, 10, 15, 20]);
    expect(quiet.bars.every((b) => b.actualMinutes === null)).toBe(true);
    const long = timingChart(
      agendaOf([95]).map((i) => ({ ...i, kind: 'other' as const })),
      START,
      initialRunState,
      START,
    );
    expect(long).toMatchObject({
      scaleMinutes: 105,
      ticks: [0, 15, 30, 45, 60, 75, 90, 105],
      leaderStart: null,
    });
  });
});
