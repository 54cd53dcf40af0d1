import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { classifyClockJump, type ClockSample } from '../core/wall-step.ts';

/**
 * Samples the wall, monotonic and boot clocks once a second, on the server only (nothing goes
 * over the network), and reports a wall-clock step so running countdowns can absorb it.
 */
export function watchWallClock(
  wallNow: () => number,
  onStep: (stepMs: number) => void,
  onError: (error: unknown) => void,
  intervalMs = 1000,
): () => void {
  const sample = (): ClockSample => ({
    wall: wallNow(),
    mono: performance.now(),
    boot: os.uptime() * 1000,
  });
  let last = sample();
  const timer = setInterval(() => {
    const next = sample();
    const jump = classifyClockJump(last, next);
    last = next;
    if (jump.kind !== 'step') return;
    // A failure here must not take the server down with the meeting running.
    try {
      onStep(jump.stepMs);
    } catch (error) {
      onError(error);
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
