import { useCallback, useEffect, useState } from 'react';
import type { AgendaItem, ServerEvent } from '../../../electron/api/index.ts';
import type { MeetingWithAgenda } from '../../../electron/api/contract.ts';
import { call } from '../../api/client.ts';
import {
  withAgendaSaved,
  withItemsShown,
  withMeetingRead,
  type HeldMeeting,
  type RevisedAgenda,
} from '../../api/heldMeeting.ts';
import { useLiveEvents, useLiveStatus } from '../../api/live.ts';
import { applyToMeeting } from '../../api/meetingEvents.ts';
import { NO_MEETING_LIST, withListEvent, withListLoaded } from './meetingList.ts';

function initialSelection(): string | null {
  return new URLSearchParams(window.location.search).get('meeting');
}

/** Everything the console shows, kept current by the server's events (no polling). */
export function useConsoleData() {
  const [list, setList] = useState(NO_MEETING_LIST);
  const [selectedId, setSelectedId] = useState<string | null>(initialSelection);
  const [selected, setSelected] = useState<HeldMeeting | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const { generation } = useLiveStatus();

  // Load on start and again after every reconnect: events missed while away are not replayed.
  useEffect(() => {
    call('meetings.list')
      // The reload and the meetings' events cross on their way: changes heard later stay.
      .then((loaded) => {
        setList((held) => withListLoaded(held, loaded));
        setLoadError(null);
      })
      .catch(setLoadError);
  }, [generation]);

  useEffect(() => {
    if (!selectedId) return;
    let current = true;
    call('meetings.get', { id: selectedId })
      // The reload and the meeting's events cross on their way: the newer of each part stays.
      .then((data) => current && setSelected((held) => withMeetingRead(held, data)))
      .catch(() => current && setSelectedId(null));
    return () => {
      current = false;
    };
  }, [selectedId, generation]);

  useEffect(() => {
    const url = new URL(window.location.href);
    if (selectedId) url.searchParams.set('meeting', selectedId);
    else url.searchParams.delete('meeting');
    window.history.replaceState(window.history.state, '', url.pathname + url.search);
    if (selectedId) window.roundtableDesktop?.rememberMeeting(selectedId);
  }, [selectedId]);

  useLiveEvents(
    useCallback((event: ServerEvent) => {
      setSelected((s) => applyToMeeting(s, event));
      setList((held) => withListEvent(held, event));
      if (event.kind === 'meeting.deleted') {
        setSelectedId((id) => (id === event.meetingId ? null : id));
      }
    }, []),
  );

  /** Shows the meeting a command of this console answered with, unless later parts are held. */
  const showMeeting = useCallback(
    (answer: MeetingWithAgenda) => setSelected((held) => withMeetingRead(held, answer)),
    [],
  );
  /** Shows the agenda a command of this console answered with, unless a later one is held. */
  const showAgenda = useCallback(
    (answer: RevisedAgenda) => setSelected((held) => held && withAgendaSaved(held, answer)),
    [],
  );
  /** Shows an order this console made at once; the command's answer brings the revision. */
  const showItems = useCallback(
    (items: AgendaItem[]) => setSelected((held) => withItemsShown(held, items)),
    [],
  );

  // A meeting that was deselected or deleted is not shown, whatever is still loaded.
  const shown = selected && selected.meeting.id === selectedId ? selected : null;
  return {
    meetings: list.meetings,
    selected: shown,
    selectedId,
    select: setSelectedId,
    showMeeting,
    showAgenda,
    showItems,
    loadError,
  };
}
