import { describe, expect, it } from 'vitest';
import {
  afterWrongCode,
  isLocked,
  NO_LOCKOUT,
  WRONG_CODES_PER_OPENING,
  type Lockout,
} from './code-lockout.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** `count` wrong codes at `at`. */
function wrong(lockout: Lockout, at: number, count = 1): Lockout {
  let next = lockout;
  for (let i = 0; i < count; i++) next = afterWrongCode(next, at);
  return next;
}

describe('the wrong-code budget', () => {
  it('takes nine wrong codes open and shuts for a minute at the tenth', () => {
    const nine = wrong(NO_LOCKOUT, 0, 9);
    expect(isLocked(nine, 0)).toBe(false);
    const ten = afterWrongCode(nine, 5_000);
    expect(ten).toEqual({ wrongCodes: 0, lockedUntil: 5_000 + MIN, streak: 1 });
    expect(isLocked(ten, 5_000 + MIN - 1)).toBe(true);
    expect(isLocked(ten, 5_000 + MIN)).toBe(false);
  });

  it('doubles each lockout that follows within the hour, up to sixteen minutes', () => {
    let lockout = NO_LOCKOUT;
    let at = 0;
    const lengths: number[] = [];
    for (let i = 0; i < 7; i++) {
      lockout = wrong(lockout, at, WRONG_CODES_PER_OPENING);
      lengths.push((lockout.lockedUntil - at) / MIN);
      at = lockout.lockedUntil; // the attacker tries again the moment the door opens
    }
    expect(lengths).toEqual([1, 2, 4, 8, 16, 16, 16]);
  });

  it('starts again at a minute an hour after the last lockout ended, not before', () => {
    const twice = wrong(wrong(NO_LOCKOUT, 0, 10), MIN, 10); // locked until 3 min
    const justBefore = 3 * MIN + HOUR - 1;
    expect(wrong(twice, justBefore, 10).lockedUntil - justBefore).toBe(4 * MIN);
    expect(wrong(twice, justBefore + 1, 10).lockedUntil - (justBefore + 1)).toBe(MIN);
  });
});

/**
 * The figures docs/api.md gives: an attacker that tries as fast as the door lets it (every wrong
 * code the moment the door opens), and one that first spends a try and waits an hour so the
 * lockouts are forgotten. Each hour-long window's wrong codes are counted.
 */
describe('guesses an attacker gets per hour', () => {
  function triesOf(waitForForgetting: boolean, hours: number): number[] {
    const tries: number[] = [];
    let lockout = NO_LOCKOUT;
    let at = 0;
    while (at < hours * HOUR) {
      if (isLocked(lockout, at)) {
        at = lockout.lockedUntil;
        // Nine tries now, the tenth after the hour: the longest quiet that resets the streak.
        if (waitForForgetting) {
          for (let i = 0; i < WRONG_CODES_PER_OPENING - 1; i++) tries.push(at);
          lockout = wrong(lockout, at, WRONG_CODES_PER_OPENING - 1);
          at += HOUR;
        }
        continue;
      }
      tries.push(at);
      lockout = afterWrongCode(lockout, at);
    }
    return tries;
  }
  const mostInAnHour = (tries: number[], from = 0) =>
    Math.max(
      ...tries
        .filter((t) => t >= from)
        .map((t) => tries.filter((u) => u >= t && u < t + HOUR).length),
    );

  it('is at most 70 in any hour, and 40 an hour once the lockouts are at their longest', () => {
    const greedy = triesOf(false, 8);
    expect(mostInAnHour(greedy)).toBe(70);
    expect(mostInAnHour(greedy, 31 * MIN)).toBe(40);
    expect(greedy.filter((t) => t < 8 * HOUR).length).toBeLessThanOrEqual(70 + 7 * 40);
    expect(mostInAnHour(triesOf(true, 8))).toBeLessThanOrEqual(70);
  });
});
