import { describe, expect, it } from 'vitest';
import type { AgendaItem, AgendaItemKind } from './agenda.ts';
import { agendaOf, runOn } from './test-support/agenda-run.ts';
import { planFinishOnTime, type FinishOnTimeOptions } from './finish-on-time.ts';
import { initialRunState } from './run.ts';

const START = Date.parse('2026-11-25T09:00:00+08:00');
const MIN = 60_000;
const equal: FinishOnTimeOptions = { mode: 'equal', floorMinutes: 5 };
const proportional: FinishOnTimeOptions = { mode: 'proportional', floorMinutes: 5 };

/** An opening, exchange speeches of these minutes, and the leader's speech last. */
function meeting(exchangeMinutes: number[]): AgendaItem[] {
  const kinds: AgendaItemKind[] = [
    'opening',
    ...exchangeMinutes.map(() => 'exchange' as const),
    'leader',
  ];
  return agendaOf([5, ...exchangeMinutes, 20]).map((item, i) => ({
    ...item,
    kind: kinds[i] as AgendaItemKind,
  }));
}

/** The opening and the first `spoken` exchange speeches ran `overrunMin` late in total, the next one now speaking. */
function runningLate(items: AgendaItem[], spoken: number, overrunMin: number) {
  const step = runOn(items);
  let state = step(initialRunState, { kind: 'start' }, START);
  let at = START + (5 + overrunMin) * MIN; // the opening overran
  for (let i = 1; i <= spoken; i++) {
    state = step(state, { kind: 'next' }, at);
    at += (items[i] as AgendaItem).plannedMinutes * MIN;
  }
  state = step(state, { kind: 'next' }, at);
  return { state, now: at };
}

describe('按时结束: new limits that bring the leader back on time', () => {
  it('is not offered while the meeting is on time', () => {
    const items = meeting([8, 8, 8]);
    const { state, now } = runningLate(items, 0, 0);
    expect(planFinishOnTime(items, START, state, now, {}, equal)).toEqual({
      kind: 'on_time',
      lateMs: 0,
    });
  });

  it('shares the delay equally among the speeches still to come, in half minutes', () => {
    const items = meeting([8, 8, 8, 8, 8]);
    // 6 minutes late, i1 speaking (its 8 minutes still ahead): i2…i5 have 32 minutes, need 26.
    const { state, now } = runningLate(items, 0, 6);
    const plan = planFinishOnTime(items, START, state, now, {}, equal);
    expect(plan.kind).toBe('plan');
    if (plan.kind !== 'plan') return;
    expect(plan.targetItemId).toBe('i6');
    expect(plan.lateMs).toBe(6 * MIN);
    expect(plan.changes).toEqual(
      ['i2', 'i3', 'i4', 'i5'].map((itemId) => ({ itemId, fromMinutes: 8, toMinutes: 6.5 })),
    );
    expect(plan.stillLateMs).toBe(0);
    expect(plan.presiderMinutes).toBe(6.5);
  });

  it('rounds down to the half minute, so the leader starts on time or a little early, never late', () => {
    const items = meeting([8, 8, 8, 8]);
    const { state, now } = runningLate(items, 0, 5); // 24 minutes for three, need 19: 6⅓ each
    const plan = planFinishOnTime(items, START, state, now, {}, equal);
    if (plan.kind !== 'plan') throw new Error(plan.kind);
    expect(plan.changes.map((c) => c.toMinutes)).toEqual([6, 6, 6]);
    expect(plan.stillLateMs).toBe(0);
  });

  it('in proportion to each speech’s planned minutes when the organizer chooses so', () => {
    const items = meeting([8, 10, 6, 12]);
    // i2…i4 have 28 minutes and need 21: three quarters each would cut the 6 below the floor, so
    // it keeps 5 and the others share the 16 left in proportion (10:12), rounded down.
    const { state, now } = runningLate(items, 0, 7);
    const plan = planFinishOnTime(items, START, state, now, {}, proportional);
    if (plan.kind !== 'plan') throw new Error(plan.kind);
    expect(plan.changes.map((c) => [c.fromMinutes, c.toMinutes])).toEqual([
      [10, 7],
      [6, 5],
      [12, 8.5],
    ]);
    expect(plan.stillLateMs).toBe(0);
  });

  it('never cuts below the floor, and says how late the leader still starts when the floor cannot make it', () => {
    const items = meeting([8, 8, 8]);
    const { state, now } = runningLate(items, 0, 20); // i2, i3: 16 minutes, 20 late
    for (const options of [equal, proportional]) {
      const plan = planFinishOnTime(items, START, state, now, {}, options);
      if (plan.kind !== 'plan') throw new Error(plan.kind);
      expect(plan.changes.map((c) => c.toMinutes)).toEqual([5, 5]);
      expect(plan.stillLateMs).toBe(14 * MIN);
    }
  });

  it('never lengthens a speech already shorter than the floor', () => {
    const items = meeting([8, 4, 8]);
    const { state, now } = runningLate(items, 0, 10);
    const plan = planFinishOnTime(items, START, state, now, {}, equal);
    if (plan.kind !== 'plan') throw new Error(plan.kind);
    expect(plan.changes.map((c) => c.toMinutes)).toEqual([4, 5]);
  });

  it('with one speaker left, gives them what remains', () => {
    const items = meeting([8, 8]);
    const { state, now } = runningLate(items, 0, 2);
    const plan = planFinishOnTime(items, START, state, now, {}, equal);
    if (plan.kind !== 'plan') throw new Error(plan.kind);
    expect(plan.changes).toEqual([{ itemId: 'i2', fromMinutes: 8, toMinutes: 6 }]);
  });

  it('counts a speaker already over their time as finishing now, and a paused clock as not moving', () => {
    const items = meeting([8, 8, 8]);
    const { state, now } = runningLate(items, 0, 0);
    const overBy3 = now + 11 * MIN; // i1 planned 8 and spoke 11
    const plan = planFinishOnTime(items, START, state, overBy3, {}, equal);
    if (plan.kind !== 'plan') throw new Error(plan.kind);
    expect(plan.lateMs).toBe(3 * MIN);
    expect(plan.changes.map((c) => c.toMinutes)).toEqual([6.5, 6.5]);

    const paused = runOn(items)(state, { kind: 'pause' }, now + 2 * MIN);
    const tenMinutesLater = planFinishOnTime(items, START, paused, now + 12 * MIN, {}, equal);
    if (tenMinutesLater.kind !== 'plan') throw new Error(tenMinutesLater.kind);
    expect(tenMinutesLater.lateMs).toBe(10 * MIN);
  });

  it('has nothing to shorten once only the leader is left', () => {
    const items = meeting([8]);
    const { state, now } = runningLate(items, 0, 4);
    expect(planFinishOnTime(items, START, state, now, {}, equal)).toEqual({
      kind: 'nothing_to_shorten',
      lateMs: 4 * MIN,
      targetItemId: 'i2',
    });
  });

  it('aims at the planned end when there is no leader’s speech, and starts from limits already applied', () => {
    const items = agendaOf([8, 8, 8, 8]).map((item) => ({ ...item, kind: 'exchange' as const }));
    const step = runOn(items);
    const state = step(initialRunState, { kind: 'start' }, START + 4 * MIN);
    const plan = planFinishOnTime(items, START, state, START + 4 * MIN, { i2: 7, i3: 7 }, equal);
    // planned end 09:32; projected 09:04 + 8 + 8 + 7 + 7 = 09:34: 2 late, i1…i3 have 22, need 20.
    if (plan.kind !== 'plan') throw new Error(plan.kind);
    expect(plan.targetItemId).toBeNull();
    expect(plan.lateMs).toBe(2 * MIN);
    expect(plan.changes.map((c) => [c.itemId, c.fromMinutes, c.toMinutes])).toEqual([
      ['i1', 8, 6.5],
      ['i2', 7, 6.5],
      ['i3', 7, 6.5],
    ]);
  });

  it('leaves out skipped speeches and breaks: only exchange speeches not yet started are shortened', () => {
    const items = meeting([8, 8, 10, 8]).map((item) =>
      item.id === 'i3' ? { ...item, kind: 'break' as const } : item,
    );
    const { state, now } = runningLate(items, 0, 3);
    const skipped = {
      ...state,
      itemRuns: {
        ...state.itemRuns,
        i2: {
          itemId: 'i2',
          status: 'skipped' as const,
          actualStartAt: null,
          actualEndAt: null,
          elapsedMs: 0,
          addedMs: 0,
          turns: 0,
        },
      },
    };
    // Without i2 the leader is 5 minutes early: nothing to do.
    expect(planFinishOnTime(items, START, skipped, now, {}, equal).kind).toBe('on_time');
    // i1 then speaks 14 of its 8 minutes: the leader would come 1 minute late; i4 gives it back.
    const later = planFinishOnTime(items, START, skipped, now + 14 * MIN, {}, equal);
    if (later.kind !== 'plan') throw new Error(later.kind);
    expect(later.changes).toEqual([{ itemId: 'i4', fromMinutes: 8, toMinutes: 7 }]);
  });
});
