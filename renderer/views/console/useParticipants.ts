import { useCallback } from 'react';
import type { ServerEvent } from '../../../electron/api/events.ts';
import type { ParticipantList } from '../../../electron/api/participants.ts';
import { call } from '../../api/client.ts';
import { useLiveEvents } from '../../api/live.ts';
import { useLoadedOnConnect } from '../../api/useLoadedOnConnect.ts';
import { newerParticipantList } from './participantList.ts';

const load = (meetingId: string) => call('participants.list', { id: meetingId });

/**
 * The meeting's people in rank order, loaded on (re)connect and kept up by participants.changed.
 * A reload and the changes cross on their way; the newer list stays.
 */
export function useParticipants(meetingId: string) {
  const [list, setList] = useLoadedOnConnect<ParticipantList>(
    meetingId,
    load,
    newerParticipantList,
  );
  useLiveEvents(
    useCallback(
      (event: ServerEvent) => {
        if (event.kind === 'participants.changed' && event.meetingId === meetingId) {
          setList((held) => newerParticipantList(held, event));
        }
      },
      [meetingId, setList],
    ),
  );
  /** Shows the list a command of this console answered with, unless a later one is held. */
  const showAnswer = useCallback(
    (answer: ParticipantList) => setList((held) => newerParticipantList(held, answer)),
    [setList],
  );
  /** Shows a tick this console made at once; its participants.changed brings the revision. */
  const showSignedIn = useCallback(
    (participantId: string, signedInAt: number | null) =>
      setList(
        (held) =>
          held && {
            ...held,
            participants: held.participants.map((p) =>
              p.id === participantId ? { ...p, signedInAt } : p,
            ),
          },
      ),
    [setList],
  );
  const people = list?.meetingId === meetingId ? list.participants : [];
  return { people, showAnswer, showSignedIn };
}
