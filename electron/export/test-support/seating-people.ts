import { defaultSeatingPlan, type SeatingPlan } from '../../core/seating-plan.ts';
import { seatingPeople } from '../../core/seating-people.fixture.ts';
import { exportSampleData } from '../export-fixture.ts';
import type { MeetingData } from '../meeting-data.ts';

/** The sample meeting with the people of seatingPeople and a plan (the defaults, changed by `plan`). */
export function seatingSampleData(plan: Partial<SeatingPlan> = {}): MeetingData {
  const data = exportSampleData();
  return {
    ...data,
    participants: seatingPeople(data.meeting.id),
    seating: { ...defaultSeatingPlan(data.meeting.id), ...plan },
  };
}
