import { describe, expect, it } from 'vitest';
import { HEARTBEAT_PING_MS } from './liveness.ts';
import {
  bestOf,
  currentOffset,
  nextPingDelayMs,
  recordPong,
  withSample,
  type Sample,
} from './serverClock.ts';

const agreeing: Sample[] = [
  { offset: 3, rtt: 4 },
  { offset: 1, rtt: 2 },
  { offset: 6, rtt: 9 },
];

describe("a screen's estimate of the server clock", () => {
  it('uses the sample with the shortest round trip among those that agree, the last eight', () => {
    let held: Sample[] = [];
    for (const sample of agreeing) held = withSample(held, sample);
    expect(bestOf(held)).toEqual({ offset: 1, rtt: 2 });
    for (let i = 0; i < 10; i++) held = withSample(held, { offset: 2, rtt: 5 });
    expect(held).toHaveLength(8);
    expect(bestOf(held)).toEqual({ offset: 2, rtt: 5 });
  });

  it('keeps a slow sample that may still be right: its round trip leaves room for the difference', () => {
    const held = withSample(agreeing, { offset: 40, rtt: 100 });
    expect(held).toHaveLength(4);
    expect(bestOf(held)).toEqual({ offset: 1, rtt: 2 });
  });

  it('follows a clock that moved at once: samples the newest contradicts are dropped', () => {
    // The server's clock was set 2.5 s ahead (or this device slept): the old samples, with their
    // shorter round trips, would go on winning and the countdown would show 2.5 s too many.
    const held = withSample(agreeing, { offset: 2_500, rtt: 10 });
    expect(held).toEqual([{ offset: 2_500, rtt: 10 }]);
  });

  it('moves the countdown with the first pong after the step', () => {
    recordPong(1_000, 1_001, 1_002);
    recordPong(2_000, 2_001, 2_002);
    expect(currentOffset()).toBe(0);
    // 2.5 s later by the server's clock than by this screen's, with a slower round trip.
    recordPong(5_000, 7_503, 5_006);
    expect(currentOffset()).toBe(2_500);
  });
});

describe('when a screen pings the server next', () => {
  it('pings five times quickly as it connects, then each second while unsure, then each heartbeat (5 s)', () => {
    expect([0, 1, 2, 3, 4].map((sent) => nextPingDelayMs(sent, 2))).toEqual([
      150, 150, 150, 150, 150,
    ]);
    // A page busy as it connected read every pong of the burst 4 s late: off by up to 2 s.
    expect(nextPingDelayMs(5, 2_000)).toBe(1_000);
    expect(nextPingDelayMs(9, Number.POSITIVE_INFINITY)).toBe(1_000);
    expect(nextPingDelayMs(5, 2)).toBe(HEARTBEAT_PING_MS);
    // A tablet on Wi-Fi with 120 ms round trips is close enough: it does not ping each second.
    expect(nextPingDelayMs(5, 60)).toBe(HEARTBEAT_PING_MS);
    // A link that stays slow is asked each second 30 times, then each heartbeat like the rest.
    expect(nextPingDelayMs(34, 2_000)).toBe(1_000);
    expect(nextPingDelayMs(35, 2_000)).toBe(HEARTBEAT_PING_MS);
  });
});
