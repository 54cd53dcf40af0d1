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
 * A loaded list, against the list held and the last change heard: a change heard while the
 * load was on its way (before any list was held, or for the next meeting on stage) was kept
 * aside, and a list read before it is brought up to it.
 */
export function loadedDoorList(
  held: DoorList | null,
  loaded: DoorList,
  lastHeard: DoorChange | null,
): DoorList {
  const list = newerRevision(held, loaded);
  const later =
    lastHeard &&
    lastHeard.meetingId === list.meetingId &&
    isLaterRevision(lastHeard.revision, list.revision);
  return later ? applied(list, lastHeard) : list;
}
