import { useCallback, useRef, useState } from 'react';
import type { ServerEvent } from '../../../electron/api/events.ts';
import type { DoorList } from '../../../electron/api/sign-in.ts';
import { call } from '../../api/client.ts';
import { useLiveEvents } from '../../api/live.ts';
import { useLoadedOnConnect } from '../../api/useLoadedOnConnect.ts';
import { loadedDoorList, withDoorChange, type DoorChange } from './doorChange.ts';

const load = () => call('signIn.door', {});

/**
 * The people of the meeting on stage as the door sees them: loaded on (re)connect and when
 * another meeting goes on stage, kept up by door.changed from every device and the console.
 * A load and the changes cross on their way; the newer list stays.
 */
export function useDoorList() {
  const [stageTurn, setStageTurn] = useState(0);
  const lastHeard = useRef<DoorChange | null>(null);
  const keep = useCallback(
    (held: DoorList | null, loaded: DoorList) => loadedDoorList(held, loaded, lastHeard.current),
    [],
  );
  const [list, setList] = useLoadedOnConnect<DoorList>(`door-${stageTurn}`, load, keep);
  useLiveEvents(
    useCallback(
      (event: ServerEvent) => {
        if (event.kind === 'stage.changed') setStageTurn((turn) => turn + 1);
        if (event.kind === 'door.changed') {
          lastHeard.current = event;
          setList((held) => held && withDoorChange(held, event));
        }
      },
      [setList],
    ),
  );
  return [list, setList] as const;
}
