import { useCallback } from 'react';
import type { ServerEvent } from '../../electron/api/events.ts';
import type { SeatingView } from '../../electron/api/seating.ts';
import { call } from '../api/client.ts';
import { useLiveEvents } from '../api/live.ts';
import { newerRevision } from '../api/newerRevision.ts';
import { useLoadedOnConnect } from '../api/useLoadedOnConnect.ts';

const load = (meetingId: string) => call('seating.get', { id: meetingId });

/**
 * A meeting's seating chart, loaded on (re)connect and kept up by seating.changed. The reload
 * and the changes cross on their way; the newer chart stays.
 */
export function useSeating(meetingId: string | null) {
  const [seating, setSeating] = useLoadedOnConnect<SeatingView>(meetingId, load, newerRevision);
  useLiveEvents(
    useCallback(
      (event: ServerEvent) => {
        if (event.kind === 'seating.changed' && event.seating.meetingId === meetingId) {
          const arrived = event.seating;
          setSeating((held) => newerRevision(held, arrived));
        }
      },
      [meetingId, setSeating],
    ),
  );
  return [seating, setSeating] as const;
}
