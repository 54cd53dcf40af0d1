import type { Meeting } from '../core/meeting.ts';
import {
  minutesAttendance,
  minutesHeadcount,
  type MinutesPerson,
  type Participant,
} from '../core/participants.ts';
import { joinName } from './minutes-model.ts';

export interface AttendanceBlock {
  label: '出席' | '请假' | '列席';
  names: string[];
}

/**
 * A person as the 出席/请假/列席 block names them, in the typed lists' style: 林一平（平湖街道党工委
 * 书记）, 王代表（平湖街道，代林一平）, 陆海平（区委常委、宣传部部长，因公出差）.
 */
export function minutesName(person: MinutesPerson): string {
  const details = [
    joinName(person.organization, person.position),
    person.standingInFor && `代${person.standingInFor}`,
    person.leaveReason,
  ].filter(Boolean);
  return details.length ? `${person.name}（${details.join('，')}）` : person.name;
}

/**
 * The minutes' 出席, 请假 and 列席 (GB/T 9704 §10.3 order): from the participants when the meeting
 * lists any (rank order, replies and the door deciding), else the lists typed in the meeting.
 * A block with nobody in it is left out.
 */
export function attendanceBlocks(
  meeting: Pick<Meeting, 'attendees' | 'absentees' | 'nonVotingAttendees'>,
  participants: readonly Participant[],
): AttendanceBlock[] {
  const blocks: AttendanceBlock[] =
    participants.length > 0
      ? (() => {
          const { present, onLeave, observers } = minutesAttendance(participants);
          return [
            { label: '出席', names: present.map(minutesName) },
            { label: '请假', names: onLeave.map(minutesName) },
            { label: '列席', names: observers.map(minutesName) },
          ];
        })()
      : [
          { label: '出席', names: [...meeting.attendees] },
          { label: '请假', names: [...meeting.absentees] },
          { label: '列席', names: [...meeting.nonVotingAttendees] },
        ];
  return blocks.filter((block) => block.names.length > 0);
}

/**
 * "应到11人，实到10人。", above 出席 when the organizer asked for it (the figures and who counts:
 * core's minutesHeadcount). None for a meeting with typed lists, which has no states to count
 * from, nor for one listing no members.
 */
export function headcountLine(
  meeting: Pick<Meeting, 'minutesHeadcount'>,
  participants: readonly Participant[],
): string {
  if (!meeting.minutesHeadcount) return '';
  const { expected, present } = minutesHeadcount(participants);
  return expected > 0 ? `应到${expected}人，实到${present}人。` : '';
}
