import { useRun } from '../api/useRun.ts';
import { useStageMeeting } from './useStageMeeting.ts';

/** What the stage screens show: the meeting, its run, the item on stage and the one after. */
export function useStage(mode: 'follow' | 'choosable' = 'follow') {
  const { shown, loaded, stageMeetingId, following, choose } = useStageMeeting(mode);
  const run = useRun(shown?.meeting.id ?? null);
  const items = shown?.items ?? [];
  const index = items.findIndex((i) => i.id === run?.currentItemId);
  const current = index >= 0 ? items[index] : undefined;
  const next = index >= 0 ? items[index + 1] : undefined;
  return {
    loaded,
    meeting: shown?.meeting ?? null,
    items,
    run,
    current,
    next,
    stageMeetingId,
    following,
    choose,
  };
}
