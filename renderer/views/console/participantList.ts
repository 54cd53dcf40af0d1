import type { ParticipantList } from '../../../electron/api/participants.ts';
import { newerRevision } from '../../api/newerRevision.ts';

/**
 * Of the list held and one that arrived (a reload's answer, participants.changed, or the answer
 * of this console's own change), the one to show: the newer of the same meeting's, since a reload
 * read before another screen's change may land after its event; any list of another meeting
 * (the console opened the next one) replaces the held one.
 */
export function newerParticipantList(
  held: ParticipantList | null,
  arrived: ParticipantList,
): ParticipantList {
  const list: ParticipantList = {
    meetingId: arrived.meetingId,
    participants: arrived.participants,
    revision: arrived.revision,
  };
  return held && held.meetingId === list.meetingId ? newerRevision(held, list) : list;
}
