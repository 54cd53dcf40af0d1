import { useCallback, useEffect, useState } from 'react';
import type { MeetingWithAgenda } from '../../electron/api/contract.ts';
import type { ServerEvent } from '../../electron/api/events.ts';
import { call } from '../api/client.ts';
import { useLiveEvents, useLiveStatus } from '../api/live.ts';
import { applyToMeeting } from '../api/meetingEvents.ts';

/**
 * The meeting a stage screen (projector, confidence monitor) shows: the one named in the address (?meeting=), else the newest.
 * Follows every change pushed by the server; reloads only after a reconnect.
 */
export function useStageMeeting() {
  const [pinnedId] = useState(() => new URLSearchParams(window.location.search).get('meeting'));
  const [shown, setShown] = useState<MeetingWithAgenda | null>(null);
  const [loaded, setLoaded] = useState(false);
  const { generation } = useLiveStatus();

  useEffect(() => {
    let current = true;
    (async () => {
      const id = pinnedId ?? (await call('meetings.list')).meetings.find((m) => !m.archived)?.id;
      const data = id ? await call('meetings.get', { id }).catch(() => null) : null;
      if (current) {
        setShown(data);
        setLoaded(true);
      }
    })().catch(() => current && setLoaded(true));
    return () => {
      current = false;
    };
  }, [pinnedId, generation]);

  useLiveEvents(useCallback((event: ServerEvent) => setShown((s) => applyToMeeting(s, event)), []));

  return { shown, loaded };
}
