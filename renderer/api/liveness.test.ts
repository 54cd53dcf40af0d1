import { describe, expect, it } from 'vitest';
import { HEARTBEAT_PING_MS, isSilent, LATE_ROUND_MS, SILENCE_LIMIT_MS } from './liveness.ts';

/** When a socket whose pings go unanswered from 0 on is given up, its rounds on time. */
function givenUpAt(): number | null {
  for (let round = 1; round <= 20; round++) {
    const at = round * HEARTBEAT_PING_MS;
    if (isSilent(0, at, at)) return at;
  }
  return null;
}

describe('a screen’s socket that no longer reaches the server', () => {
  it('is given up at the second round without an answer, 10 s after the ping', () => {
    expect(givenUpAt()).toBe(2 * HEARTBEAT_PING_MS);
    expect(SILENCE_LIMIT_MS).toBeGreaterThan(HEARTBEAT_PING_MS);
  });

  it('is never given up while its pings are answered', () => {
    expect(isSilent(null, 50_000, 50_000)).toBe(false);
    // Answered in 3 s on a crowded hall Wi-Fi: a ping 3 s old is not silence.
    expect(isSilent(47_000, 50_000, 50_000)).toBe(false);
  });

  it('is not judged at a round the page itself came late to, only at the next one on time', () => {
    // The page frozen 30 s (a tablet's screen turned off): its round planned at 10 s runs at
    // 40 s, with whatever pongs came meanwhile not read yet.
    expect(isSilent(0, 10_000, 40_000)).toBe(false);
    // The next round, on time, with still no answer: given up.
    expect(isSilent(0, 45_000, 45_000)).toBe(true);
    // A second late is still on time.
    expect(isSilent(0, 10_000, 10_000 + LATE_ROUND_MS)).toBe(true);
  });
});
