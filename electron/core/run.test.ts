import { describe, expect, it } from 'vitest';
import { emptyAgendaItemFields, type AgendaItem } from './agenda.ts';
import { remainingMs } from './clock.ts';
import { applyRunCommand, initialRunState, type RunCommand, type RunState } from './run.ts';

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
    expect(s.itemRuns.b).toMatchObject({ status: 'skipped', actualStartAt: null });
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
    let s = run(initialRunState, { kind: 'message', text: '  请抓紧时间 ' }, T0);
    s = run(s, { kind: 'screen', mode: 'blackout' }, T0);
    expect(s).toMatchObject({ message: '请抓紧时间', screen: 'blackout', clock: null });
    expect(run(s, { kind: 'message', text: '' }, T0).message).toBe('');
  });

  it('refuses to run an empty agenda', () => {
    expect(applyRunCommand(initialRunState, { kind: 'next' }, [], T0)).toEqual({
      ok: false,
      problem: 'empty_agenda',
    });
  });
});
