import { useCallback } from 'react';
import type { ServerEvent } from '../../electron/api/events.ts';
import type { SeatingView } from '../../electron/api/seating.ts';
import { call } from '../api/client.ts';
import { useLiveEvents } from '../api/live.ts';
import { useLoadedOnConnect } from '../api/useLoadedOnConnect.ts';

const load = (meetingId: string) => call('seating.get', { id: meetingId });

/** A meeting's seating chart, loaded on (re)connect and kept up by seating.changed. */
export function useSeating(meetingId: string | null) {
  const [seating, setSeating] = useLoadedOnConnect<SeatingView>(meetingId, load);
  useLiveEvents(
    useCallback(
      (event: ServerEvent) => {
        if (event.kind === 'seating.changed' && event.seating.meetingId === meetingId) {
          setSeating(event.seating);
        }
      },
      [meetingId, setSeating],
    ),
  );
  return [seating, setSeating] as const;
}
