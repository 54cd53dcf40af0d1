import type { MeetingData } from '../export/meeting-data.ts';
import type { Store } from '../store/index.ts';
import { withoutMissingItems } from '../core/run.ts';
import { notFound } from './errors.ts';

/** The repositories an export reads, on the server's connection or a read-only one. */
export type MeetingDataSource = Pick<
  Store,
  | 'meetings'
  | 'agenda'
  | 'notes'
  | 'runs'
  | 'draws'
  | 'participants'
  | 'seating'
  | 'notices'
  | 'newsBriefs'
>;

/** Everything an export is made from; call it inside one read transaction. */
export function readMeetingData(store: MeetingDataSource, meetingId: string): MeetingData {
  const meeting = store.meetings.get(meetingId);
  if (!meeting) throw notFound('meeting', meetingId);
  const items = store.agenda.listForMeeting(meetingId);
  return {
    meeting,
    items,
    notes: store.notes.listForMeeting(meetingId),
    run: withoutMissingItems(store.runs.load(meetingId).state, items),
    draws: store.draws.listForMeeting(meetingId),
    participants: store.participants.listForMeeting(meetingId),
    seating: store.seating.get(meetingId),
    notice: store.notices.get(meetingId),
    newsBriefEdits: store.newsBriefs.get(meetingId),
    originMeetingId: store.meetings.originOf(meetingId),
  };
}
