import { describe, expect, it } from 'vitest';
import { emptyAgendaItemFields, type AgendaItem } from './agenda.ts';
import { remainingMs } from './clock.ts';
import {
  applyRunCommand,
  initialRunState,
  type MessageTarget,
  type RunCommand,
  type RunState,
} from './run.ts';

const T0 = 1_795_000_000_000;
const MIN = 60_000;
const items: AgendaItem[] = ['a', 'b', 'c'].map((id, position) => ({
  ...emptyAgendaItemFields,
  id,
  meetingId: 'm',
  position,
  plannedMinutes: 8,
}));

function run(state: RunState, command: RunCommand, at: number): RunState {
  const outcome = applyRunCommand(state, command, items, at);
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.state;
}
const problem = (state: RunState, command: RunCommand) => {
  const outcome = applyRunCommand(state, command, items, T0);
  return outcome.ok ? null : outcome.problem;
};
const message = (
  text: string,
  target: MessageTarget,
  lecternConnected: boolean,
  projectorIfNoLectern = false,
): RunCommand => ({ kind: 'message', text, target, lecternConnected, projectorIfNoLectern });

describe('running the agenda', () => {
  it('starts the first speaker on "next", then ends each one and starts the following', () => {
    let s = run(initialRunState, { kind: 'next' }, T0);
    expect(s.currentItemId).toBe('a');
    expect(s.clock).toMatchObject({ itemId: 'a', startedAt: T0, plannedMs: 8 * MIN });
    expect(s.itemRuns.a).toMatchObject({ status: 'running', actualStartAt: T0 });

    s = run(s, { kind: 'next' }, T0 + 9 * MIN);
    expect(s.currentItemId).toBe('b');
    expect(s.itemRuns.a).toMatchObject({
      status: 'done',
      actualStartAt: T0,
      actualEndAt: T0 + 9 * MIN,
      elapsedMs: 9 * MIN,
    });
    expect(s.itemRuns.b).toMatchObject({ status: 'running', actualStartAt: T0 + 9 * MIN });

    s = run(run(s, { kind: 'next' }, T0 + 17 * MIN), { kind: 'next' }, T0 + 25 * MIN);
    expect(s.currentItemId).toBeNull();
    expect(s.clock).toBeNull();
    expect(Object.values(s.itemRuns).map((r) => r.status)).toEqual(['done', 'done', 'done']);
    expect(problem(s, { kind: 'next' })).toBe('nothing_current');
  });

  it('counts time spoken only while not paused, and takes added minutes into the record', () => {
    let s = run(initialRunState, { kind: 'start' }, T0);
    s = run(s, { kind: 'pause' }, T0 + MIN);
    s = run(s, { kind: 'resume' }, T0 + 3 * MIN);
    s = run(s, { kind: 'adjust', deltaMs: MIN }, T0 + 4 * MIN);
    expect(remainingMs(s.clock!, T0 + 4 * MIN)).toBe(7 * MIN);
    s = run(s, { kind: 'next' }, T0 + 5 * MIN);
    expect(s.itemRuns.a).toMatchObject({ elapsedMs: 3 * MIN, addedMs: MIN });
  });

  it('stops the speaker and cues the next one, who starts on "start"', () => {
    let s = run(initialRunState, { kind: 'next' }, T0);
    s = run(s, { kind: 'stop' }, T0 + 8 * MIN);
    expect(s).toMatchObject({ currentItemId: 'b', clock: null });
    expect(s.itemRuns.a?.status).toBe('done');
    expect(problem(s, { kind: 'pause' })).toBe('not_running');
    s = run(s, { kind: 'start' }, T0 + 10 * MIN);
    expect(s.clock).toMatchObject({ itemId: 'b', startedAt: T0 + 10 * MIN });
  });

  it('skips a speaker without a clock and cues the next', () => {
    let s = run(initialRunState, { kind: 'goto', itemId: 'b' }, T0);
    expect(s).toMatchObject({ currentItemId: 'b', clock: null });
    s = run(s, { kind: 'skip' }, T0);
    expect(s.itemRuns.b).toMatchObject({ status: 'skipped', actualStartAt: null, turns: 0 });
    expect(s).toMatchObject({ currentItemId: 'c', clock: null });
  });

  it('jumps to any item, ending the one speaking', () => {
    let s = run(initialRunState, { kind: 'next' }, T0);
    s = run(s, { kind: 'goto', itemId: 'c' }, T0 + 2 * MIN);
    expect(s.itemRuns.a).toMatchObject({ status: 'done', elapsedMs: 2 * MIN });
    expect(s).toMatchObject({ currentItemId: 'c', clock: null });
    expect(problem(s, { kind: 'goto', itemId: 'zzz' })).toBe('unknown_item');
  });

  it('goes back to the previous speaker, who continues where they stopped', () => {
    let s = run(initialRunState, { kind: 'next' }, T0);
    s = run(s, { kind: 'next' }, T0 + 5 * MIN);
    s = run(s, { kind: 'previous' }, T0 + 5 * MIN + 10_000);
    expect(s.currentItemId).toBe('a');
    expect(remainingMs(s.clock!, T0 + 5 * MIN + 10_000)).toBe(3 * MIN);
    expect(s.itemRuns.a).toMatchObject({ status: 'running', actualStartAt: T0, actualEndAt: null });
    // Going back undoes a too-early "next": the same turn goes on, not a second one.
    expect(s.itemRuns.a?.turns).toBe(1);
    expect(problem(s, { kind: 'previous' })).toBe('at_first_item');
  });

  it('goes back from the end of the meeting to the last speaker', () => {
    let s = initialRunState;
    for (const at of [0, 8, 16, 24]) s = run(s, { kind: 'next' }, T0 + at * MIN);
    expect(s.currentItemId).toBeNull();
    s = run(s, { kind: 'previous' }, T0 + 30 * MIN);
    expect(s.currentItemId).toBe('c');
    expect(remainingMs(s.clock!, T0 + 30 * MIN)).toBe(0);
  });

  it('keeps messages and the screen mode apart from the clock', () => {
    let s = run(initialRunState, message('  请抓紧时间 ', 'lectern', true, true), T0);
    s = run(s, { kind: 'screen', mode: 'blackout' }, T0);
    expect(s).toMatchObject({ message: '请抓紧时间', screen: 'blackout', clock: null });
    expect(run(s, message('', 'lectern', true), T0).message).toBe('');
  });

  it('refuses to run an empty agenda', () => {
    expect(applyRunCommand(initialRunState, { kind: 'next' }, [], T0)).toEqual({
      ok: false,
      problem: 'empty_agenda',
    });
  });
});

describe('the record keeps what happened', () => {
  it('skipping a speaker who is talking ends their turn and keeps the time they spoke', () => {
    let s = run(initialRunState, { kind: 'next' }, T0);
    s = run(s, { kind: 'pause' }, T0 + 2 * MIN);
    s = run(s, { kind: 'resume' }, T0 + 4 * MIN);
    s = run(s, { kind: 'skip' }, T0 + 5 * MIN);
    expect(s.itemRuns.a).toEqual({
      itemId: 'a',
      status: 'done',
      actualStartAt: T0,
      actualEndAt: T0 + 5 * MIN,
      elapsedMs: 3 * MIN,
      addedMs: 0,
      turns: 1,
    });
    expect(s).toMatchObject({ currentItemId: 'b', clock: null });
  });

  it('skipping a finished speaker who was cued again keeps their record', () => {
    let s = run(initialRunState, { kind: 'next' }, T0);
    s = run(s, { kind: 'next' }, T0 + 6 * MIN);
    s = run(s, { kind: 'goto', itemId: 'a' }, T0 + 7 * MIN);
    const before = s.itemRuns.a;
    s = run(s, { kind: 'skip' }, T0 + 8 * MIN);
    expect(s.itemRuns.a).toEqual(before);
    expect(s.itemRuns.a).toMatchObject({ status: 'done', elapsedMs: 6 * MIN });
    expect(s.currentItemId).toBe('b');
  });

  it('refuses to run a finished item again unless told `again`', () => {
    let s = run(initialRunState, { kind: 'next' }, T0);
    s = run(s, { kind: 'stop' }, T0 + 6 * MIN);
    s = run(s, { kind: 'goto', itemId: 'a' }, T0 + 7 * MIN);
    for (const kind of ['next', 'start'] as const) {
      expect(applyRunCommand(s, { kind }, items, T0 + 8 * MIN)).toEqual({
        ok: false,
        problem: 'already_spoken',
        itemId: 'a',
      });
    }
  });

  it('a second turn continues the clock and keeps the first start, adding up the time', () => {
    let s = run(initialRunState, { kind: 'next' }, T0);
    s = run(s, { kind: 'adjust', deltaMs: MIN }, T0 + MIN);
    s = run(s, { kind: 'next' }, T0 + 6 * MIN);
    s = run(s, { kind: 'goto', itemId: 'a' }, T0 + 20 * MIN);
    s = run(s, { kind: 'start', again: true }, T0 + 21 * MIN);
    expect(s.currentItemId).toBe('a');
    // 8 planned + 1 added − 6 spoken.
    expect(remainingMs(s.clock!, T0 + 21 * MIN)).toBe(3 * MIN);
    expect(s.itemRuns.a).toMatchObject({ status: 'running', actualStartAt: T0, turns: 2 });
    s = run(s, { kind: 'stop' }, T0 + 23 * MIN);
    expect(s.itemRuns.a).toEqual({
      itemId: 'a',
      status: 'done',
      actualStartAt: T0,
      actualEndAt: T0 + 23 * MIN,
      elapsedMs: 8 * MIN,
      addedMs: MIN,
      turns: 2,
    });
  });

  it('"next" onto a following item that already spoke asks too, and ends nothing when refused', () => {
    let s = run(initialRunState, { kind: 'goto', itemId: 'b' }, T0);
    s = run(s, { kind: 'next' }, T0);
    s = run(s, { kind: 'goto', itemId: 'a' }, T0 + 4 * MIN);
    s = run(s, { kind: 'next' }, T0 + 5 * MIN);
    expect(applyRunCommand(s, { kind: 'next' }, items, T0 + 7 * MIN)).toMatchObject({
      ok: false,
      problem: 'already_spoken',
      itemId: 'b',
    });
    s = run(s, { kind: 'next', again: true }, T0 + 7 * MIN);
    expect(s.itemRuns.a).toMatchObject({ status: 'done', elapsedMs: 2 * MIN, turns: 1 });
    expect(s.itemRuns.b).toMatchObject({ status: 'running', actualStartAt: T0, turns: 2 });
    expect(remainingMs(s.clock!, T0 + 7 * MIN)).toBe(4 * MIN);
  });

  it('starts a skipped item as its first turn, without asking', () => {
    expect(problem(initialRunState, { kind: 'skip' })).toBe('nothing_current');
    let s = run(initialRunState, { kind: 'goto', itemId: 'a' }, T0);
    s = run(s, { kind: 'skip' }, T0);
    s = run(s, { kind: 'goto', itemId: 'a' }, T0 + MIN);
    s = run(s, { kind: 'next' }, T0 + MIN);
    expect(s.itemRuns.a).toMatchObject({ status: 'running', actualStartAt: T0 + MIN, turns: 1 });
  });
});

describe('messages have a target', () => {
  it('sends a message to the screen the organizer chose', () => {
    for (const target of ['lectern', 'projector', 'both'] as const) {
      const s = run(initialRunState, message('还有两位', target, true), T0);
      expect(s).toMatchObject({ message: '还有两位', messageTarget: target });
      expect(s.messageRedirected).toBe(false);
    }
  });

  it('shows a lectern message on the projector when no lectern screen is connected, if asked', () => {
    const s = run(initialRunState, message('请结束发言', 'lectern', false, true), T0);
    expect(s).toMatchObject({ messageTarget: 'projector', messageRedirected: true });
    const kept = run(initialRunState, message('请结束发言', 'lectern', false, false), T0);
    expect(kept).toMatchObject({ messageTarget: 'lectern', messageRedirected: false });
    const present = run(initialRunState, message('请结束发言', 'lectern', true, true), T0);
    expect(present).toMatchObject({ messageTarget: 'lectern', messageRedirected: false });
  });

  it('clearing a message is never redirected', () => {
    let s = run(initialRunState, message('请抓紧时间', 'lectern', false, true), T0);
    s = run(s, message('', 'lectern', false, true), T0);
    expect(s).toMatchObject({ message: '', messageRedirected: false });
  });
});

describe('a finish-on-time plan sets the countdown (issue 17)', () => {
  const plan: RunCommand = { kind: 'finishOnTime', changes: [{ itemId: 'b', toMinutes: 5.5 }] };

  it('counts a speaker started after the plan down from the adjusted limit, others from planned', () => {
    let s = run(initialRunState, { kind: 'next' }, T0);
    s = run(s, plan, T0 + MIN);
    expect(remainingMs(s.clock!, T0 + MIN)).toBe(7 * MIN);
    s = run(s, { kind: 'next' }, T0 + 9 * MIN);
    expect(s.currentItemId).toBe('b');
    expect(remainingMs(s.clock!, T0 + 9 * MIN)).toBe(5.5 * MIN);
    s = run(s, { kind: 'next' }, T0 + 15 * MIN);
    expect(remainingMs(s.clock!, T0 + 15 * MIN)).toBe(8 * MIN);
  });

  it('a cued speaker started with "start", or one gone back to, counts from the adjusted limit', () => {
    let s = run(run(initialRunState, plan, T0), { kind: 'goto', itemId: 'b' }, T0);
    s = run(s, { kind: 'start' }, T0);
    expect(remainingMs(s.clock!, T0 + MIN)).toBe(4.5 * MIN);
    s = run(s, { kind: 'next' }, T0 + 2 * MIN);
    s = run(s, { kind: 'previous' }, T0 + 3 * MIN);
    expect(s.currentItemId).toBe('b');
    expect(remainingMs(s.clock!, T0 + 3 * MIN)).toBe(3.5 * MIN);
  });

  it('undoes the plan until the next speaker starts, and refuses after', () => {
    const applied = run(run(initialRunState, { kind: 'next' }, T0), plan, T0 + MIN);
    const undone = run(applied, { kind: 'undoFinishOnTime' }, T0 + 2 * MIN);
    expect(undone.adjustedLimits).toEqual({});
    expect(problem(undone, { kind: 'undoFinishOnTime' })).toBe('undo_closed');
    const started = run(applied, { kind: 'next' }, T0 + 9 * MIN);
    expect(problem(started, { kind: 'undoFinishOnTime' })).toBe('undo_closed');
    expect(started.adjustedLimits).toEqual({ b: 5.5 });
  });

  it('refuses a plan naming an item not on the agenda, changing nothing', () => {
    const stray: RunCommand = { kind: 'finishOnTime', changes: [{ itemId: 'x', toMinutes: 5 }] };
    expect(problem(initialRunState, stray)).toBe('unknown_item');
  });
});
