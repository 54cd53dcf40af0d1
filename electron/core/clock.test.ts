import { describe, expect, it } from 'vitest';
import {
  adjustClock,
  clockPhase,
  continueClock,
  DEFAULT_THRESHOLDS,
  elapsedMs,
  formatCountdown,
  nextDisplayChangeIn,
  pauseClock,
  remainingMs,
  resumeClock,
  shiftClock,
  startClock,
} from './clock.ts';
import { classifyClockJump } from './wall-step.ts';

const T0 = 1_795_000_000_000;
const MIN = 60_000;
const eight = startClock('item', 8 * MIN, T0);

describe('the countdown', () => {
  it('counts down from the planned duration', () => {
    expect(remainingMs(eight, T0)).toBe(8 * MIN);
    expect(remainingMs(eight, T0 + 3 * MIN + 12_000)).toBe(4 * MIN + 48_000);
    expect(elapsedMs(eight, T0 + 3 * MIN + 12_000)).toBe(3 * MIN + 12_000);
  });

  it('goes negative in overtime and keeps counting', () => {
    expect(remainingMs(eight, T0 + 8 * MIN)).toBe(0);
    expect(remainingMs(eight, T0 + 9 * MIN + 5000)).toBe(-65_000);
  });

  it('stands still while paused, and resumes where it stopped', () => {
    const paused = pauseClock(eight, T0 + 2 * MIN);
    expect(remainingMs(paused, T0 + 2 * MIN)).toBe(6 * MIN);
    expect(remainingMs(paused, T0 + 30 * MIN)).toBe(6 * MIN);
    expect(pauseClock(paused, T0 + 5 * MIN)).toBe(paused);
    const resumed = resumeClock(paused, T0 + 30 * MIN);
    expect(remainingMs(resumed, T0 + 30 * MIN)).toBe(6 * MIN);
    expect(remainingMs(resumed, T0 + 31 * MIN)).toBe(5 * MIN);
    expect(resumeClock(resumed, T0 + 40 * MIN)).toBe(resumed);
  });

  it('keeps the phase of a pause that spans a threshold until resumed', () => {
    const paused = pauseClock(eight, T0 + 7 * MIN + 30_000);
    expect(clockPhase(remainingMs(paused, T0 + 20 * MIN), DEFAULT_THRESHOLDS)).toBe('warning');
    const resumed = resumeClock(paused, T0 + 20 * MIN);
    expect(clockPhase(remainingMs(resumed, T0 + 20 * MIN + 29_000), DEFAULT_THRESHOLDS)).toBe(
      'warning',
    );
    expect(clockPhase(remainingMs(resumed, T0 + 20 * MIN + 30_000), DEFAULT_THRESHOLDS)).toBe(
      'overtime',
    );
  });

  it('takes added and removed minutes, into and out of overtime', () => {
    const late = T0 + 8 * MIN + 30_000;
    expect(remainingMs(eight, late)).toBe(-30_000);
    const plus = adjustClock(eight, MIN);
    expect(remainingMs(plus, late)).toBe(30_000);
    const back = adjustClock(plus, -2 * MIN);
    expect(remainingMs(back, late)).toBe(-90_000);
    expect(remainingMs(back, T0)).toBe(7 * MIN);
  });

  it('continues an earlier speaker from where they were', () => {
    const again = continueClock('item', 8 * MIN, 5 * MIN, MIN, T0 + 60 * MIN);
    expect(remainingMs(again, T0 + 60 * MIN)).toBe(4 * MIN);
  });

  it('reads the same after a wall-clock step has been absorbed', () => {
    const now = T0 + 3 * MIN;
    const before = remainingMs(eight, now);
    for (const step of [3_600_000, -600_000]) {
      expect(remainingMs(shiftClock(eight, step), now + step)).toBe(before);
      const paused = pauseClock(eight, now);
      expect(remainingMs(shiftClock(paused, step), now + step + 10_000)).toBe(before);
    }
  });
});

describe('phases', () => {
  it('are normal, yellow from 1 min left, red and overtime from zero by default', () => {
    expect(clockPhase(61_000, DEFAULT_THRESHOLDS)).toBe('normal');
    expect(clockPhase(60_000, DEFAULT_THRESHOLDS)).toBe('warning');
    expect(clockPhase(1, DEFAULT_THRESHOLDS)).toBe('warning');
    expect(clockPhase(0, DEFAULT_THRESHOLDS)).toBe('overtime');
    expect(clockPhase(-5000, DEFAULT_THRESHOLDS)).toBe('overtime');
  });

  it('follow thresholds set for a meeting or an item', () => {
    const t = { warningMs: 2 * MIN, dangerMs: 30_000 };
    expect(clockPhase(100_000, t)).toBe('warning');
    expect(clockPhase(30_000, t)).toBe('danger');
    expect(clockPhase(0, t)).toBe('overtime');
  });
});

describe('the displayed countdown', () => {
  it('shows whole seconds, reaching 00:00 at zero and counting up with a plus after', () => {
    expect(formatCountdown(8 * MIN)).toBe('08:00');
    expect(formatCountdown(8 * MIN - 1)).toBe('08:00');
    expect(formatCountdown(7 * MIN + 59_000)).toBe('07:59');
    expect(formatCountdown(1)).toBe('00:01');
    expect(formatCountdown(0)).toBe('00:00');
    expect(formatCountdown(-999)).toBe('00:00');
    expect(formatCountdown(-1000)).toBe('+00:01');
    expect(formatCountdown(-65_000)).toBe('+01:05');
    expect(formatCountdown(62 * MIN + 3000)).toBe('1:02:03');
  });

  it('tells when the text next changes', () => {
    expect(nextDisplayChangeIn(8 * MIN)).toBe(1000);
    expect(nextDisplayChangeIn(7_500)).toBe(500);
    expect(nextDisplayChangeIn(-200)).toBe(800);
  });
});

describe('wall-clock jumps', () => {
  const at = (wall: number, mono: number, boot: number | null = mono + 5000) => ({
    wall,
    mono,
    boot,
  });

  it('ignore ordinary drift', () => {
    expect(classifyClockJump(at(T0, 0), at(T0 + 1500, 1000))).toEqual({ kind: 'none' });
  });

  it('call an NTP correction or a user change a step, forward or back', () => {
    expect(classifyClockJump(at(T0, 0), at(T0 + 1000 + 3_600_000, 1000))).toEqual({
      kind: 'step',
      stepMs: 3_600_000,
    });
    expect(classifyClockJump(at(T0, 0), at(T0 + 1000 - 600_000, 1000))).toEqual({
      kind: 'step',
      stepMs: -600_000,
    });
  });

  it('call a jump the boot clock also saw a sleep, which counts as real time', () => {
    const slept = 30 * MIN;
    const before = { wall: T0, mono: 0, boot: 10_000 };
    const after = { wall: T0 + 1000 + slept, mono: 1000, boot: 11_000 + slept };
    expect(classifyClockJump(before, after)).toEqual({ kind: 'sleep', sleptMs: slept });
  });

  it('call it a step when there is no boot clock to tell', () => {
    expect(classifyClockJump(at(T0, 0.4, null), at(T0 + 1000 + 5000, 1000.1, null))).toEqual({
      kind: 'step',
      stepMs: 5000,
    });
  });
});
