/**
 * The countdown of one agenda item, kept as facts rather than ticks: every screen computes the
 * remaining time itself from these and the current time, so one message per change is enough
 * and a restart recomputes the exact value from wall-clock time. All times are epoch ms,
 * passed in by the caller.
 */
export interface ClockFacts {
  itemId: string;
  /** The item's planned duration. */
  plannedMs: number;
  /** Wall-clock time the countdown started (shifted when a wall-clock step is absorbed). */
  startedAt: number;
  /** Time added (+) or removed (−) by the organizer. */
  addedMs: number;
  /** When paused, the time it was paused at; null while running. */
  pausedAt: number | null;
  /** Total time spent paused before the current pause. */
  pausedMs: number;
}

export function startClock(itemId: string, plannedMs: number, now: number): ClockFacts {
  return { itemId, plannedMs, startedAt: now, addedMs: 0, pausedAt: null, pausedMs: 0 };
}

/** A clock that continues from `elapsedMs` already spoken (going back to an earlier speaker). */
export function continueClock(
  itemId: string,
  plannedMs: number,
  elapsedMs: number,
  addedMs: number,
  now: number,
): ClockFacts {
  return { itemId, plannedMs, startedAt: now - elapsedMs, addedMs, pausedAt: null, pausedMs: 0 };
}

/** Speaking time so far: wall time since start, less time paused. */
export function elapsedMs(clock: ClockFacts, now: number): number {
  const until = clock.pausedAt ?? now;
  return Math.max(0, until - clock.startedAt - clock.pausedMs);
}

/** Negative in overtime. */
export function remainingMs(clock: ClockFacts, now: number): number {
  return clock.plannedMs + clock.addedMs - elapsedMs(clock, now);
}

export function isPaused(clock: ClockFacts): boolean {
  return clock.pausedAt !== null;
}

export function pauseClock(clock: ClockFacts, now: number): ClockFacts {
  return clock.pausedAt !== null ? clock : { ...clock, pausedAt: now };
}

export function resumeClock(clock: ClockFacts, now: number): ClockFacts {
  if (clock.pausedAt === null) return clock;
  return { ...clock, pausedAt: null, pausedMs: clock.pausedMs + Math.max(0, now - clock.pausedAt) };
}

/** +1 min / −1 min; may take the clock into or out of overtime. */
export function adjustClock(clock: ClockFacts, deltaMs: number): ClockFacts {
  return { ...clock, addedMs: clock.addedMs + deltaMs };
}

/**
 * Moves the clock's wall-clock anchors by `stepMs`, so that after the system clock jumped by
 * `stepMs` the countdown reads what it read before the jump.
 */
export function shiftClock(clock: ClockFacts, stepMs: number): ClockFacts {
  return {
    ...clock,
    startedAt: clock.startedAt + stepMs,
    pausedAt: clock.pausedAt === null ? null : clock.pausedAt + stepMs,
  };
}

export type ClockPhase = 'normal' | 'warning' | 'danger' | 'overtime';

export interface Thresholds {
  /** Yellow from this much time left (default 60 s). */
  warningMs: number;
  /** Red from this much time left (default 0: red at zero). */
  dangerMs: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { warningMs: 60_000, dangerMs: 0 };

export function clockPhase(remaining: number, thresholds: Thresholds): ClockPhase {
  if (remaining <= 0) return 'overtime';
  if (remaining <= thresholds.dangerMs) return 'danger';
  if (remaining <= thresholds.warningMs) return 'warning';
  return 'normal';
}

/**
 * "08:00" counting down (a second shows until it has fully passed, so the display reaches
 * 00:00 exactly at zero), "+01:05" counting up in overtime, with hours when needed.
 */
export function formatCountdown(remaining: number): string {
  const overtime = remaining <= 0;
  const totalSeconds = overtime ? Math.floor(-remaining / 1000) : Math.ceil(remaining / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  const body = h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
  return overtime && totalSeconds > 0 ? `+${body}` : body;
}

/** The next instant the displayed text changes; screens may sleep until then. */
export function nextDisplayChangeIn(remaining: number): number {
  // The text changes at every whole second of `remaining`, on either side of zero.
  const r = ((remaining % 1000) + 1000) % 1000;
  return r || 1000;
}
