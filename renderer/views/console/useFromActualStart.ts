import { useCallback, useEffect, useState } from 'react';
import { firstActualStartAt, startedFarFromPlan, type RunView } from '../../../electron/api/run.ts';

const KEY_PREFIX = 'roundtable.fromActualStart.';

/**
 * The organizer's choice to measure a run that started far from plan (a rehearsal) from its
 * actual start. It is kept in this browser per meeting, together with the instant the run first
 * started: a new run of the meeting (the real one, after a reset) starts on the plan again, so a
 * choice made at the rehearsal can never hide real lateness on the day.
 */
export function useFromActualStart(meetingId: string, plannedStartAt: number, run: RunView | null) {
  const firstStartAt = run ? firstActualStartAt(run.itemRuns) : null;
  const offered = startedFarFromPlan(plannedStartAt, firstStartAt);
  const [, rerender] = useState(0);
  const stored = readChoice(meetingId);
  const chosen = offered && firstStartAt !== null && stored === String(firstStartAt);
  // The run panel and the timing chart both measure by it: a choice in one redraws the other.
  useEffect(() => {
    const redraw = () => rerender((n) => n + 1);
    choiceListeners.add(redraw);
    return () => {
      choiceListeners.delete(redraw);
    };
  }, []);

  const choose = useCallback(
    (on: boolean) => {
      try {
        if (on && firstStartAt !== null) {
          localStorage.setItem(KEY_PREFIX + meetingId, String(firstStartAt));
        } else localStorage.removeItem(KEY_PREFIX + meetingId);
      } catch {
        // Storage refused (private mode): the choice lasts until the page is reloaded.
        fallback.set(meetingId, on && firstStartAt !== null ? String(firstStartAt) : null);
      }
      for (const redraw of choiceListeners) redraw();
    },
    [meetingId, firstStartAt],
  );
  return { offered, chosen, firstStartAt, choose };
}

const choiceListeners = new Set<() => void>();
const fallback = new Map<string, string | null>();

function readChoice(meetingId: string): string | null {
  if (fallback.has(meetingId)) return fallback.get(meetingId) ?? null;
  try {
    return localStorage.getItem(KEY_PREFIX + meetingId);
  } catch {
    return null;
  }
}
