import type { DoorList } from '../../../electron/api/sign-in.ts';
import { isLaterRevision, newerRevision } from '../../api/newerRevision.ts';

/** What door.changed carries: one meeting's people at one revision. */
export type DoorChange = Pick<DoorList, 'meetingId' | 'people' | 'revision'>;

const applied = (list: DoorList, change: DoorChange): DoorList => ({
  ...list,
  people: change.people,
  revision: change.revision,
});

/** The list with a change just heard, unless the list is of another meeting or later. */
export function withDoorChange(list: DoorList, change: DoorChange): DoorList {
  return list.meetingId === change.meetingId ? newerRevision(list, applied(list, change)) : list;
}

/**
 * A loaded list, against the list held and the last change heard. door.changed brings people
 * alone, so the meeting's title, date and start are the loaded ones (the latest read: a title
 * edited while the door was away is not held back by a later tick). The people are the latest
 * of the three: a list read before a tick heard (with a list held, before any was, or for the
 * next meeting on stage) is brought up to it.
 */
export function loadedDoorList(
  held: DoorList | null,
  loaded: DoorList,
  lastHeard: DoorChange | null,
): DoorList {
  const later = (change: DoorChange | null): change is DoorChange =>
    change !== null &&
    change.meetingId === loaded.meetingId &&
    isLaterRevision(change.revision, loaded.revision);
  const newest = [held, lastHeard]
    .filter(later)
    .reduce<DoorChange | null>(
      (a, b) => (a && !isLaterRevision(b.revision, a.revision) ? a : b),
      null,
    );
  return newest ? applied(loaded, newest) : loaded;
}
