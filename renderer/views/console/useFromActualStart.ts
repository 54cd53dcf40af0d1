import { useCallback, useEffect, useState } from 'react';
import type { Meeting } from '../../../electron/api/meeting.ts';
import {
  firstActualStartAt,
  startedFarFromPlan,
  startedOnAnotherDay,
  timingBaseline,
  type RunView,
} from '../../../electron/api/run.ts';
import { dayOf, plannedStartOf } from './runText.ts';

const KEY_PREFIX = 'roundtable.fromActualStart.';
/** Stored before the first start's instant when the organizer unticked the box. */
const OFF = 'off:';

/**
 * 按实际开始计算 for a run that started far from plan, and the instant the run panel, the 用时图,
 * 按时结束 and the agenda's planned times measure from. Until the organizer chooses, it is as the
 * exports have it (startedOnAnotherDay): ticked for a run on another day than the meeting's date
 * (a rehearsal, a date left as it was), unticked on the day. The organizer's choice is kept in
 * this browser per meeting, together with the instant the run first started: a new run of the
 * meeting (the real one, after a reset) goes by the rule again, so a choice made at the
 * rehearsal can never hide real lateness on the day.
 */
export function useFromActualStart(
  meeting: Pick<Meeting, 'id' | 'date' | 'startTime'>,
  run: RunView | null,
) {
  const meetingId = meeting.id;
  const plannedStartAt = plannedStartOf(meeting);
  const itemRuns = run?.itemRuns ?? [];
  const firstStartAt = firstActualStartAt(itemRuns);
  const offered = startedFarFromPlan(plannedStartAt, firstStartAt);
  const [, rerender] = useState(0);
  const choice = organizerChoice(readChoice(meetingId), firstStartAt);
  const chosen = offered && (choice ?? startedOnAnotherDay(meeting.date, firstStartAt, dayOf));
  const baseline = timingBaseline(meeting, plannedStartAt, itemRuns, dayOf, choice);
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
      if (firstStartAt === null) return;
      const value = (on ? '' : OFF) + String(firstStartAt);
      try {
        localStorage.setItem(KEY_PREFIX + meetingId, value);
      } catch {
        // Storage refused (private mode): the choice lasts until the page is reloaded.
        fallback.set(meetingId, value);
      }
      for (const redraw of choiceListeners) redraw();
    },
    [meetingId, firstStartAt],
  );
  return { offered, chosen, baseline, choose };
}

/** The choice stored for this run (ticked: its first start; unticked: OFF before it), or null. */
function organizerChoice(stored: string | null, firstStartAt: number | null): boolean | null {
  if (firstStartAt === null || stored === null) return null;
  if (stored === String(firstStartAt)) return true;
  if (stored === OFF + String(firstStartAt)) return false;
  return null;
}

const choiceListeners = new Set<() => void>();
const fallback = new Map<string, string>();

function readChoice(meetingId: string): string | null {
  if (fallback.has(meetingId)) return fallback.get(meetingId) ?? null;
  try {
    return localStorage.getItem(KEY_PREFIX + meetingId);
  } catch {
    return null;
  }
}
