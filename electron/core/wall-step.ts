/**
 * Telling a wall-clock step (NTP correction, someone changing the time) from real time passing
 * (system sleep). A step must not make the countdown jump; sleep is real time and must count.
 */
export interface ClockSample {
  /** Wall clock, epoch ms. */
  wall: number;
  /** Monotonic clock, ms: never steps, but on most systems stops during sleep. */
  mono: number;
  /** Time since boot including sleep, ms, where the platform has one; null otherwise. */
  boot: number | null;
}

export type ClockJump =
  { kind: 'none' } | { kind: 'step'; stepMs: number } | { kind: 'sleep'; sleptMs: number };

export const STEP_TOLERANCE_MS = 2000;

export function classifyClockJump(
  before: ClockSample,
  after: ClockSample,
  toleranceMs = STEP_TOLERANCE_MS,
): ClockJump {
  const monoDelta = after.mono - before.mono;
  const wallDrift = after.wall - before.wall - monoDelta;
  if (Math.abs(wallDrift) <= toleranceMs) return { kind: 'none' };
  if (before.boot !== null && after.boot !== null) {
    const bootDrift = after.boot - before.boot - monoDelta;
    // The boot clock saw the same extra time as the wall clock: the machine was asleep.
    if (bootDrift > toleranceMs && Math.abs(bootDrift - wallDrift) <= toleranceMs) {
      return { kind: 'sleep', sleptMs: Math.round(bootDrift) };
    }
  }
  // Whole milliseconds: the monotonic clock has fractions, stored times do not.
  return { kind: 'step', stepMs: Math.round(wallDrift) };
}
