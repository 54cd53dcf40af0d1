import { useCallback, useState } from 'react';
import type { ServerEvent } from '../../../electron/api/events.ts';
import type { DoorList } from '../../../electron/api/sign-in.ts';
import { call } from '../../api/client.ts';
import { useLiveEvents } from '../../api/live.ts';
import { useLoadedOnConnect } from '../../api/useLoadedOnConnect.ts';

const load = () => call('signIn.door', {});

/**
 * The people of the meeting on stage as the door sees them: loaded on (re)connect and when
 * another meeting goes on stage, kept up by door.changed from every device and the console.
 */
export function useDoorList() {
  const [stageTurn, setStageTurn] = useState(0);
  const [list, setList] = useLoadedOnConnect<DoorList>(`door-${stageTurn}`, load);
  useLiveEvents(
    useCallback(
      (event: ServerEvent) => {
        if (event.kind === 'stage.changed') setStageTurn((turn) => turn + 1);
        if (event.kind === 'door.changed') {
          setList((held) =>
            held && held.meetingId === event.meetingId ? { ...held, people: event.people } : held,
          );
        }
      },
      [setList],
    ),
  );
  return [list, setList] as const;
}
