import { describe, expect, it } from 'vitest';
import { newerRevision } from './newerRevision.ts';

const counts = (signedIn: number, change: number, boot = 'first-start') => ({
  meetingId: 'm1',
  counts: { expected: 11, signedIn, onLeave: 1, notYet: 10 - signedIn },
  revision: { boot, change },
});

describe('newerRevision: what a screen keeps of a reload and a live event', () => {
  it('keeps the event a reload read before crossed, when the reload lands last', () => {
    const tick = counts(1, 8);
    const reloadReadBefore = counts(0, 7);
    expect(newerRevision(tick, reloadReadBefore)).toBe(tick);
  });

  it('takes a reload that includes the change, and an event newer than a reload', () => {
    const held = counts(1, 8);
    expect(newerRevision(held, counts(2, 9))).toEqual(counts(2, 9));
    expect(newerRevision(counts(0, 7), counts(1, 8))).toEqual(counts(1, 8));
  });

  it('takes the arrival when both are at the same change (they are the same figures)', () => {
    const arrived = counts(1, 8);
    expect(newerRevision(counts(1, 8), arrived)).toBe(arrived);
  });

  it('takes the first value there is', () => {
    const arrived = counts(0, 0);
    expect(newerRevision(null, arrived)).toBe(arrived);
  });

  it('takes a run change made after the server’s clock was set back, though it reads earlier', () => {
    const held = { meetingId: 'm1', serverNow: 10_000_000, revision: { boot: 'b', change: 5 } };
    const paused = { meetingId: 'm1', serverNow: 6_400_000, revision: { boot: 'b', change: 7 } };
    expect(newerRevision(held, paused)).toBe(paused);
  });

  it('takes a restarted server’s word although its count started again', () => {
    const beforeRestart = counts(3, 40, 'first-start');
    const afterRestart = counts(3, 0, 'second-start');
    expect(newerRevision(beforeRestart, afterRestart)).toBe(afterRestart);
  });
});
