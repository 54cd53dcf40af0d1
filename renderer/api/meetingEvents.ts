import type { ServerEvent } from '../../electron/api/events.ts';
import { withAgendaSaved, withMeetingSaved, type HeldMeeting } from './heldMeeting.ts';

/**
 * One open meeting, brought up to date by a pushed event (others leave it as it is). A part the
 * screen holds from a later change than the event's stays (heldMeeting.ts).
 */
export function applyToMeeting(
  current: HeldMeeting | null,
  event: ServerEvent,
): HeldMeeting | null {
  if (!current) return current;
  switch (event.kind) {
    case 'hello':
    case 'pong':
    case 'run.changed':
    case 'seating.changed':
    case 'note.saved':
    case 'note.deleted':
    case 'draw.made':
    case 'roster.saved':
    case 'participants.changed':
    case 'notice.changed':
    case 'door.changed':
    case 'signInCounts.changed':
    case 'sharing.changed':
    case 'job.progress':
    case 'stage.changed':
      return current;
    case 'meeting.saved':
      return withMeetingSaved(current, event.meeting, event.revision);
    case 'meeting.deleted':
      return current.meeting.id === event.meetingId ? null : current;
    case 'agenda.saved':
      return withAgendaSaved(current, event);
    default:
      event satisfies never;
      return current;
  }
}
