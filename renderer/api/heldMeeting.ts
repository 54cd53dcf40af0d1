import type { AgendaItem } from '../../electron/api/agenda.ts';
import type { MeetingWithAgenda } from '../../electron/api/contract.ts';
import type { Meeting } from '../../electron/api/meeting.ts';
import type { Revision } from '../../electron/api/revision.ts';
import { newerRevision } from './newerRevision.ts';

/**
 * A meeting as a screen shows it. Its fields and its agenda change apart (meeting.saved,
 * agenda.saved), and a screen back from a reconnect reloads both while the events it missed are
 * not replayed: each part keeps the revision it was read or announced at, so a reload read before
 * a change heard meanwhile keeps that change, and still brings the other part, which it may have
 * missed while away.
 */
export interface HeldMeeting {
  meeting: Meeting;
  items: AgendaItem[];
  revisions: { meeting: Revision; items: Revision };
}

/** A meeting's agenda with the revision it was read or announced at (agenda.saved, an answer). */
export interface RevisedAgenda {
  meetingId: string;
  items: AgendaItem[];
  revision: Revision;
}

/** Of a part held and one that arrived, the newer (newerRevision's rule, on one part). */
function newerPart<T>(held: T, heldRevision: Revision, arrived: T, revision: Revision) {
  return newerRevision({ value: held, revision: heldRevision }, { value: arrived, revision });
}

/** The meeting's fields as meeting.saved announced them, unless the held ones are later. */
export function withMeetingSaved(
  held: HeldMeeting,
  meeting: Meeting,
  revision: Revision,
): HeldMeeting {
  if (held.meeting.id !== meeting.id) return held;
  const kept = newerPart(held.meeting, held.revisions.meeting, meeting, revision);
  return { ...held, meeting: kept.value, revisions: { ...held.revisions, meeting: kept.revision } };
}

/** The agenda as agenda.saved or a command's answer gave it, unless the held one is later. */
export function withAgendaSaved(held: HeldMeeting, agenda: RevisedAgenda): HeldMeeting {
  if (held.meeting.id !== agenda.meetingId) return held;
  const kept = newerPart(held.items, held.revisions.items, agenda.items, agenda.revision);
  return { ...held, items: kept.value, revisions: { ...held.revisions, items: kept.revision } };
}

/**
 * A meeting read (a reload's answer, meetings.get) or answered by a command: each part replaces
 * the held one unless that is a later change of the same meeting. Another meeting's (the screen
 * switched) replaces the held one whole.
 */
export function withMeetingRead(held: HeldMeeting | null, read: MeetingWithAgenda): HeldMeeting {
  if (!held || held.meeting.id !== read.meeting.id) {
    const { meeting, items, revision } = read;
    return { meeting, items, revisions: { meeting: revision, items: revision } };
  }
  const { meeting, items, revision } = read;
  return withAgendaSaved(withMeetingSaved(held, meeting, revision), {
    meetingId: meeting.id,
    items,
    revision,
  });
}

/**
 * The agenda as this console just arranged it (a row dragged), shown before the server answers:
 * the revision stays the held one, and the answer brings the new one.
 */
export function withItemsShown(held: HeldMeeting | null, items: AgendaItem[]): HeldMeeting | null {
  return held && { ...held, items };
}
