import type { MeetingWithAgenda } from '../../electron/api/contract.ts';
import type { ServerEvent } from '../../electron/api/events.ts';

/** One open meeting, brought up to date by a pushed event (others leave it as it is). */
export function applyToMeeting(
  current: MeetingWithAgenda | null,
  event: ServerEvent,
): MeetingWithAgenda | null {
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
      return current.meeting.id === event.meeting.id
        ? { ...current, meeting: event.meeting }
        : current;
    case 'meeting.deleted':
      return current.meeting.id === event.meetingId ? null : current;
    case 'agenda.saved':
      return current.meeting.id === event.meetingId ? { ...current, items: event.items } : current;
    default:
      event satisfies never;
      return current;
  }
}
