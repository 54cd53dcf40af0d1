import { useCallback, useEffect, useState } from 'react';
import type { ServerEvent } from '../../electron/api/events.ts';
import type { RunView } from '../../electron/api/run.ts';
import { call } from './client.ts';
import { useLiveEvents, useLiveStatus } from './live.ts';

/** A meeting's run state, as pushed by the server: one update per command, none per second. */
export function useRun(meetingId: string | null): RunView | null {
  const [run, setRun] = useState<RunView | null>(null);
  const { generation } = useLiveStatus();

  useEffect(() => {
    if (!meetingId) return;
    let current = true;
    call('run.get', { id: meetingId })
      .then((view) => current && setRun(view))
      .catch(() => current && setRun(null));
    return () => {
      current = false;
    };
  }, [meetingId, generation]);

  useLiveEvents(
    useCallback(
      (event: ServerEvent) => {
        if (event.kind === 'run.changed' && event.run.meetingId === meetingId) setRun(event.run);
      },
      [meetingId],
    ),
  );

  return run && run.meetingId === meetingId ? run : null;
}
