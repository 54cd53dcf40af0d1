import type { DoorList, DoorPerson, MeetingStart } from '../../../electron/api/sign-in.ts';
import { dayOf, plannedStartOf } from '../console/runText.ts';

/**
 * What the door and the console judge arrivals by: the meeting's date and planned start, read
 * on this device's clock and calendar (the venue's, as the meeting's date and time are local).
 */
export const meetingStartOf = (meeting: Pick<DoorList, 'date' | 'startTime'>): MeetingStart => ({
  date: meeting.date,
  plannedStartAt: plannedStartOf(meeting),
  dayOf,
});

/** 09:05, in this device's time zone, as a clock on the wall by the door reads. */
export function clockTime(at: number): string {
  const d = new Date(at);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** Who walks in: the substitute in the member's place (代), else the member. */
export const arrivingName = (person: DoorPerson) =>
  person.reply === 'substitute' && person.substitute !== '' ? person.substitute : person.name;
