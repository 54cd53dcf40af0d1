import { useCallback } from 'react';
import type { ServerEvent } from '../../../electron/api/events.ts';
import type { Participant } from '../../../electron/api/participants.ts';
import { call } from '../../api/client.ts';
import { useLiveEvents } from '../../api/live.ts';
import { useLoadedOnConnect } from '../../api/useLoadedOnConnect.ts';

const load = async (meetingId: string) =>
  (await call('participants.list', { id: meetingId })).participants;

/** The meeting's people in rank order, loaded on (re)connect and kept up by participants.changed. */
export function useParticipants(meetingId: string) {
  const [people, setPeople] = useLoadedOnConnect<Participant[]>(meetingId, load);
  useLiveEvents(
    useCallback(
      (event: ServerEvent) => {
        if (event.kind === 'participants.changed' && event.meetingId === meetingId) {
          setPeople(event.participants);
        }
      },
      [meetingId, setPeople],
    ),
  );
  return [people ?? [], setPeople] as const;
}
