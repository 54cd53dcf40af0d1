import type { DoorList, DoorPerson } from '../../../electron/api/sign-in.ts';

/** The meeting's planned start as this device's clock reads it (the meeting's date is local). */
export const plannedStartOf = (list: Pick<DoorList, 'date' | 'startTime'>) =>
  new Date(`${list.date}T${list.startTime}:00`).getTime();

/** 09:05, in this device's time zone, as a clock on the wall by the door reads. */
export function clockTime(at: number): string {
  const d = new Date(at);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** Who walks in: the substitute in the member's place (代), else the member. */
export const arrivingName = (person: DoorPerson) =>
  person.reply === 'substitute' && person.substitute !== '' ? person.substitute : person.name;
