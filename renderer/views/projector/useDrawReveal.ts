import { useCallback, useEffect, useState } from 'react';
import type { DrawRecord } from '../../../electron/api/draw.ts';
import type { ServerEvent } from '../../../electron/api/events.ts';
import { useLiveEvents } from '../../api/live.ts';

/** One name every so often: long enough for the hall to read it, short enough not to drag. */
export const REVEAL_STEP_MS = 900;
/** The full order stays up this long before the screen goes back to the agenda. */
export const REVEAL_HOLD_MS = 8000;

/**
 * A lot drawing as the hall sees it: when the organizer draws, the order is revealed one
 * speaker at a time, then held, then the projector returns to what it showed before.
 */
export function useDrawReveal(meetingId: string | null) {
  const [draw, setDraw] = useState<DrawRecord | null>(null);
  const [revealed, setRevealed] = useState(0);
  useLiveEvents(
    useCallback(
      (event: ServerEvent) => {
        if (event.kind === 'draw.made' && event.draw.meetingId === meetingId) {
          setDraw(event.draw);
          setRevealed(0);
        }
      },
      [meetingId],
    ),
  );
  useEffect(() => {
    if (!draw) return;
    const done = revealed >= draw.order.length;
    const timer = setTimeout(
      () => (done ? setDraw(null) : setRevealed((n) => n + 1)),
      done ? REVEAL_HOLD_MS : REVEAL_STEP_MS,
    );
    return () => clearTimeout(timer);
  }, [draw, revealed]);
  return { draw, revealed };
}
