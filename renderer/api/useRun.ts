import { useCallback } from 'react';
import type { ServerEvent } from '../../electron/api/events.ts';
import type { RunView } from '../../electron/api/run.ts';
import { call } from './client.ts';
import { useLiveEvents } from './live.ts';
import { useLoadedOnConnect } from './useLoadedOnConnect.ts';

const loadRun = (id: string) => call('run.get', { id });

/** A load answered before a command may arrive after that command's event: the newer view wins. */
const newerRun = (held: RunView | null, loaded: RunView): RunView =>
  held && held.meetingId === loaded.meetingId && held.serverNow > loaded.serverNow ? held : loaded;

/** A meeting's run state, as pushed by the server: one update per command, none per second. */
export function useRun(meetingId: string | null): RunView | null {
  const [run, setRun] = useLoadedOnConnect(meetingId, loadRun, newerRun);
  useLiveEvents(
    useCallback(
      (event: ServerEvent) => {
        if (event.kind === 'run.changed' && event.run.meetingId === meetingId) {
          setRun((held) => newerRun(held, event.run));
        }
      },
      [meetingId, setRun],
    ),
  );
  return run && run.meetingId === meetingId ? run : null;
}
