import { startedOnAnotherDay, type DayOf } from './timing-baseline.ts';

/**
 * The people of one meeting, from the notice to the minutes: who is invited, how they replied
 * (回执), whether they signed in at the door, and so who the minutes name as 出席, 请假 and 列席.
 * One list, so a name typed once is spelled the same on the notice, the seating chart, the table
 * card and the minutes.
 */

/** 出席 (attends), 列席 (sits in without being a member), 工作人员 (staff, never counted). */
export const PARTICIPANT_ROLES = ['attendee', 'observer', 'staff'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** The reply (回执): none yet, attending, on leave, or sending someone in their place (代). */
export const PARTICIPANT_REPLIES = ['none', 'attending', 'leave', 'substitute'] as const;
export type ParticipantReply = (typeof PARTICIPANT_REPLIES)[number];

export interface Participant {
  id: string;
  meetingId: string;
  name: string;
  organization: string;
  /** 职务 */
  position: string;
  /** 联系电话, as the notice's reply table asks for it; empty when not known. */
  phone: string;
  /** 排序: 1 is the highest; equal ranks keep the order they were added in. */
  rank: number;
  role: ParticipantRole;
  reply: ParticipantReply;
  /** Why on leave (请假事由), when `reply` is leave. */
  leaveReason: string;
  /** Who comes in their place, when `reply` is substitute. */
  substitute: string;
  /** When they (or their substitute) signed in at the door; null until then. */
  signedInAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export type ParticipantFields = Pick<
  Participant,
  | 'name'
  | 'organization'
  | 'position'
  | 'phone'
  | 'rank'
  | 'role'
  | 'reply'
  | 'leaveReason'
  | 'substitute'
>;

/** Where a person stands at `now`, for the door and the console. */
export type Attendance = 'signed_in' | 'late' | 'on_leave' | 'expected' | 'absent';

/** What arrivals are judged against: the meeting's date and planned start, in the venue's zone. */
export interface MeetingStart {
  /** The meeting's date, YYYY-MM-DD. */
  date: string;
  /** Its date and start time as an instant. */
  plannedStartAt: number;
  /** An instant's date in the venue's zone. */
  dayOf: DayOf;
}

/**
 * Whether `at` is past the planned start, on the meeting's own day only. On another calendar day
 * (a meeting dated 2020 whose door is used today, a rehearsal the day before) the run's rule
 * holds (startedOnAnotherDay): the date's start is no measure, or everyone would read 迟到, years
 * late. Nor is there another start to measure by: the door knows no actual start, and people
 * sign in before the run begins. So on another day nobody is late, and nobody is yet absent.
 */
function pastPlannedStart(at: number, start: MeetingStart): boolean {
  return at > start.plannedStartAt && !startedOnAnotherDay(start.date, at, start.dayOf);
}

export function attendanceOf(
  person: Pick<Participant, 'reply' | 'signedInAt'>,
  start: MeetingStart,
  now: number,
): Attendance {
  if (person.signedInAt !== null)
    return pastPlannedStart(person.signedInAt, start) ? 'late' : 'signed_in';
  if (person.reply === 'leave') return 'on_leave';
  return pastPlannedStart(now, start) ? 'absent' : 'expected';
}

/** In rank order; equal ranks in the order they were added. */
export const byRank = <T extends Pick<Participant, 'rank' | 'createdAt'>>(people: readonly T[]) =>
  [...people].sort((a, b) => a.rank - b.rank || a.createdAt - b.createdAt);

export interface AttendanceCounts {
  /** 应到: everyone expected in the room, staff not counted. */
  expected: number;
  /** 已签到 (实到), late arrivals included. */
  signedIn: number;
  late: number;
  /** 请假 who did not come after all. */
  onLeave: number;
  /** 未到: expected, not on leave, not signed in. */
  notYet: number;
}

export function countAttendance(
  people: readonly Pick<Participant, 'role' | 'reply' | 'signedInAt'>[],
  start: MeetingStart,
  now: number,
): AttendanceCounts {
  const counted = people.filter((p) => p.role !== 'staff');
  const states = counted.map((p) => attendanceOf(p, start, now));
  const signedIn = states.filter((s) => s === 'signed_in' || s === 'late').length;
  const onLeave = states.filter((s) => s === 'on_leave').length;
  return {
    expected: counted.length,
    signedIn,
    late: states.filter((s) => s === 'late').length,
    onLeave,
    notYet: counted.length - signedIn - onLeave,
  };
}

/** The four figures the hall may see on the projector: no names, and not who came late. */
export type HallCounts = Omit<AttendanceCounts, 'late'>;

/**
 * 应到, 已签到, 请假 and 未到 by countAttendance's rule. None of the four depends on the meeting's
 * start or the time (only `late` does, which the hall is not shown), so no clock is needed: at a
 * start that never comes, nobody is late and 未到 counts the same people.
 */
export function hallCounts(
  people: readonly Pick<Participant, 'role' | 'reply' | 'signedInAt'>[],
): HallCounts {
  const never: MeetingStart = {
    date: '',
    plannedStartAt: Number.POSITIVE_INFINITY,
    dayOf: () => '',
  };
  const { late: _late, ...counts } = countAttendance(people, never, 0);
  return counts;
}

/** A name as the minutes print it: the substitute in the member's place, said so. */
export interface MinutesPerson {
  name: string;
  organization: string;
  position: string;
  /** The member whose place a substitute took (代), or empty. */
  standingInFor: string;
  leaveReason: string;
}

export interface MinutesAttendance {
  present: MinutesPerson[];
  onLeave: MinutesPerson[];
  observers: MinutesPerson[];
}

/**
 * The minutes' 出席, 请假 and 列席, in rank order. Once anyone has signed in, the door decides
 * (only those signed in are present); before that, the replies do (everyone not on leave).
 */
export function minutesAttendance(people: readonly Participant[]): MinutesAttendance {
  const doorUsed = people.some((p) => p.signedInAt !== null);
  const present = (p: Participant) => (doorUsed ? p.signedInAt !== null : p.reply !== 'leave');
  const asPrinted = (p: Participant): MinutesPerson => {
    const substituted = p.reply === 'substitute' && p.substitute.trim() !== '';
    return {
      name: substituted ? p.substitute : p.name,
      organization: p.organization,
      position: substituted ? '' : p.position,
      standingInFor: substituted ? p.name : '',
      leaveReason: p.reply === 'leave' ? p.leaveReason : '',
    };
  };
  const ranked = byRank(people);
  return {
    present: ranked.filter((p) => p.role === 'attendee' && present(p)).map(asPrinted),
    onLeave: ranked
      .filter((p) => p.role !== 'staff' && !present(p) && p.reply === 'leave')
      .map(asPrinted),
    observers: ranked.filter((p) => p.role === 'observer' && present(p)).map(asPrinted),
  };
}

/** 应到 and 实到 as the minutes state them. */
export interface MinutesHeadcount {
  expected: number;
  present: number;
}

/**
 * "应到11人，实到10人": the figures a 纪要 gives of the body that met, as of a quorum. Only the
 * members count (出席's role): 列席 sit in without being members and are named in their own block,
 * and 工作人员 serve the meeting. 实到 is the 出席 block as printed, a substitute (代) in the
 * member's place included, so the figure agrees with the names a reader counts beneath it.
 */
export function minutesHeadcount(people: readonly Participant[]): MinutesHeadcount {
  return {
    expected: people.filter((p) => p.role === 'attendee').length,
    present: minutesAttendance(people).present.length,
  };
}

/**
 * Whether a person matches what was typed at the door: a piece of the name, the organization or
 * the substitute's name, or the initials of the name's pinyin ("lyp" for 林一平). The pinyin comes
 * from the caller (`initialsOf`), so the core holds no dictionary.
 */
export function matchesDoorQuery(
  person: Pick<Participant, 'name' | 'organization' | 'substitute'>,
  query: string,
  initialsOf: (text: string) => string,
): boolean {
  const typed = query.trim().toLowerCase().replace(/\s+/g, '');
  if (typed === '') return true;
  const texts = [person.name, person.organization, person.substitute].filter((t) => t !== '');
  return texts.some(
    (text) =>
      text.toLowerCase().replace(/\s+/g, '').includes(typed) ||
      initialsOf(text).toLowerCase().startsWith(typed),
  );
}
