import { useEffect, useRef } from 'react';
import {
  clockPhase,
  formatCountdown,
  remainingMs,
  type ClockFacts,
  type ClockPhase,
} from '../../electron/api/run.ts';
import { serverNow } from '../api/serverClock.ts';

interface Props {
  clock: ClockFacts | null;
  /** Shown when there is no running clock: the planned duration of the item on stage. */
  idleMs: number;
  thresholds: { warningMs: number; dangerMs: number };
  className?: string;
  onPhaseChange?: (phase: ClockPhase) => void;
}

/**
 * The countdown, computed on every animation frame from the clock facts and the server-clock
 * offset. It writes to the DOM only when the shown text or colour changes, so React renders it
 * once per command, never per second.
 */
export function Countdown({ clock, idleMs, thresholds, className, onPhaseChange }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const phaseCallback = useRef(onPhaseChange);
  useEffect(() => {
    phaseCallback.current = onPhaseChange;
  }, [onPhaseChange]);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let frame = 0;
    let shownText = '';
    let shownPhase = '';
    const paint = () => {
      const remaining = clock ? remainingMs(clock, serverNow()) : idleMs;
      const text = formatCountdown(remaining);
      const phase = clock ? clockPhase(remaining, thresholds) : 'idle';
      if (text !== shownText) {
        element.textContent = text;
        shownText = text;
      }
      if (phase !== shownPhase) {
        element.dataset.phase = phase;
        if (shownPhase && phase !== 'idle') phaseCallback.current?.(phase as ClockPhase);
        shownPhase = phase;
      }
      frame = requestAnimationFrame(paint);
    };
    paint();
    return () => cancelAnimationFrame(frame);
  }, [clock, idleMs, thresholds]);

  return (
    <div
      ref={ref}
      className={`countdown ${className ?? ''}`}
      data-testid="countdown"
      data-paused={clock?.pausedAt != null ? 'true' : undefined}
      role="timer"
      aria-live="off"
    />
  );
}
