import type { AgendaItem, MeetingSummary, ServerEvent } from '../../../electron/api/index.ts';
import type { MethodOutput } from '../../../electron/api/contract.ts';
import type { Revision } from '../../../electron/api/revision.ts';
import { isLaterRevision } from '../../api/newerRevision.ts';

type ListEvent = Extract<
  ServerEvent,
  { kind: 'meeting.saved' | 'meeting.deleted' | 'agenda.saved' }
>;

/**
 * The console's list of meetings. A reload (meetings.list) read before another screen's change
 * may land after its event, and each event carries one meeting's part of the list: so the list
 * is the last load brought up to the changes heard later than it, kept until the next load.
 */
export interface MeetingListState {
  /** Null until the first load. */
  meetings: MeetingSummary[] | null;
  /** The revision the last load was read at. */
  loadedAt: Revision | null;
  /** Changes heard and not known to be in the last load, in the order heard. */
  heard: ListEvent[];
}

export const NO_MEETING_LIST: MeetingListState = { meetings: null, loadedAt: null, heard: [] };

function summarize(meeting: MeetingSummary, items: AgendaItem[]): MeetingSummary {
  return {
    ...meeting,
    itemCount: items.length,
    plannedMinutes: items.reduce((sum, i) => sum + i.plannedMinutes, 0),
  };
}

/** The meeting list, brought up to date by one change. */
function applyToList(list: MeetingSummary[], event: ListEvent): MeetingSummary[] {
  switch (event.kind) {
    case 'meeting.saved': {
      const old = list.find((m) => m.id === event.meeting.id);
      const entry = {
        ...event.meeting,
        itemCount: old?.itemCount ?? 0,
        plannedMinutes: old?.plannedMinutes ?? 0,
      };
      return old ? list.map((m) => (m.id === entry.id ? entry : m)) : [entry, ...list];
    }
    case 'meeting.deleted':
      return list.filter((m) => m.id !== event.meetingId);
    case 'agenda.saved':
      return list.map((m) => (m.id === event.meetingId ? summarize(m, event.items) : m));
  }
}

const meetingOf = (event: ListEvent) =>
  event.kind === 'meeting.saved' ? event.meeting.id : event.meetingId;

/** Whether `later`, heard after `earlier`, makes it needless: the same part of the same meeting. */
const replaces = (later: ListEvent, earlier: ListEvent) =>
  meetingOf(later) === meetingOf(earlier) &&
  (later.kind === 'meeting.deleted' || later.kind === earlier.kind);

/** The list with a change heard; it is kept (only the last of each part) for the next load. */
export function withListEvent(state: MeetingListState, event: ServerEvent): MeetingListState {
  if (
    event.kind !== 'meeting.saved' &&
    event.kind !== 'meeting.deleted' &&
    event.kind !== 'agenda.saved'
  ) {
    return state;
  }
  return {
    ...state,
    meetings: state.meetings && applyToList(state.meetings, event),
    heard: [...state.heard.filter((earlier) => !replaces(event, earlier)), event],
  };
}

/**
 * A load that landed: the changes heard later than it was read are made again on it. One read
 * before the load already shown (two reconnects in a row, answered out of order) is dropped.
 */
export function withListLoaded(
  state: MeetingListState,
  loaded: MethodOutput<'meetings.list'>,
): MeetingListState {
  if (state.loadedAt && isLaterRevision(state.loadedAt, loaded.revision)) return state;
  const later = state.heard.filter((event) => isLaterRevision(event.revision, loaded.revision));
  return {
    meetings: later.reduce(applyToList, loaded.meetings),
    loadedAt: loaded.revision,
    heard: later,
  };
}
