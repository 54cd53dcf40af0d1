import { useCallback } from 'react';
import type { ServerEvent } from '../../electron/api/events.ts';
import type { RunView } from '../../electron/api/run.ts';
import { call } from './client.ts';
import { useLiveEvents } from './live.ts';
import { newerRevision } from './newerRevision.ts';
import { useLoadedOnConnect } from './useLoadedOnConnect.ts';

const loadRun = (id: string) => call('run.get', { id });

/**
 * A meeting's run state, as pushed by the server: one update per command, none per second. A
 * load answered before a command may arrive after that command's event: the newer view wins.
 */
export function useRun(meetingId: string | null): RunView | null {
  const [run, setRun] = useLoadedOnConnect<RunView>(meetingId, loadRun, newerRevision);
  useLiveEvents(
    useCallback(
      (event: ServerEvent) => {
        if (event.kind === 'run.changed' && event.run.meetingId === meetingId) {
          const arrived = event.run;
          setRun((held) => newerRevision(held, arrived));
        }
      },
      [meetingId, setRun],
    ),
  );
  return run && run.meetingId === meetingId ? run : null;
}
