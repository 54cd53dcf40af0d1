import { useCallback } from 'react';
import type { ServerEvent } from '../../../electron/api/events.ts';
import type { SignInCounts } from '../../../electron/api/sign-in.ts';
import { call } from '../../api/client.ts';
import { useLiveEvents } from '../../api/live.ts';
import { newerRevision } from '../../api/newerRevision.ts';
import { useLoadedOnConnect } from '../../api/useLoadedOnConnect.ts';

const load = (meetingId: string) => call('signIn.counts', { id: meetingId });

/**
 * A meeting's 应到/已签到/请假/未到, loaded on (re)connect and kept up by signInCounts.changed,
 * which the server sends after every tick at any door: the figures alone, never the people.
 * The reload and the events cross on their way; whichever is newer stays.
 */
export function useSignInCounts(meetingId: string | null) {
  const [counts, setCounts] = useLoadedOnConnect<SignInCounts>(meetingId, load, newerRevision);
  useLiveEvents(
    useCallback(
      (event: ServerEvent) => {
        if (event.kind === 'signInCounts.changed' && event.signInCounts.meetingId === meetingId) {
          const arrived = event.signInCounts;
          setCounts((held) => newerRevision(held, arrived));
        }
      },
      [meetingId, setCounts],
    ),
  );
  return counts?.meetingId === meetingId ? counts.counts : null;
}
