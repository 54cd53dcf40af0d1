import { describe, expect, it } from 'vitest';
import {
  attendanceOf,
  countAttendance,
  hallCounts,
  matchesDoorQuery,
  minutesAttendance,
  minutesHeadcount,
  type MeetingStart,
  type Participant,
} from './participants.ts';
import { testParticipant } from './test-support/participants.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Instants and calendar days as the venue's clock in Beijing (UTC+8) reads them, passed in. */
const at = (beijingTime: string) => Date.parse(`${beijingTime}+08:00`);
const beijingDay = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
const START = at('2026-11-25T09:00:00');
/** The meeting of 2026-11-25 at 09:00 in Beijing. */
const ON_25TH: MeetingStart = { date: '2026-11-25', plannedStartAt: START, dayOf: beijingDay };

let added = 0;
function person(name: string, fields: Partial<Participant> = {}): Participant {
  added += 1;
  return testParticipant(added, { name, rank: 10, ...fields });
}

describe('attendance at the door', () => {
  it('tells signed in, late, on leave, expected and absent apart by the meeting’s start', () => {
    expect(attendanceOf({ reply: 'none', signedInAt: START - MIN }, ON_25TH, START)).toBe(
      'signed_in',
    );
    expect(attendanceOf({ reply: 'none', signedInAt: START + MIN }, ON_25TH, START + MIN)).toBe(
      'late',
    );
    expect(attendanceOf({ reply: 'leave', signedInAt: null }, ON_25TH, START + MIN)).toBe(
      'on_leave',
    );
    expect(attendanceOf({ reply: 'attending', signedInAt: null }, ON_25TH, START - MIN)).toBe(
      'expected',
    );
    expect(attendanceOf({ reply: 'attending', signedInAt: null }, ON_25TH, START + MIN)).toBe(
      'absent',
    );
    // Someone who replied leave but came after all is counted as there.
    expect(attendanceOf({ reply: 'leave', signedInAt: START - MIN }, ON_25TH, START)).toBe(
      'signed_in',
    );
  });

  it('judges a sign-in on another day than the meeting’s date late against nothing', () => {
    const dated2020: MeetingStart = {
      date: '2020-01-01',
      plannedStartAt: at('2020-01-01T09:00:00'),
      dayOf: beijingDay,
    };
    const today = at('2026-12-01T09:30:00');
    // A meeting dated 2020 whose door is used today: signed in, not years late; nobody absent.
    expect(attendanceOf({ reply: 'none', signedInAt: today }, dated2020, today)).toBe('signed_in');
    expect(attendanceOf({ reply: 'attending', signedInAt: null }, dated2020, today)).toBe(
      'expected',
    );
    const people = [
      person('林一平', { signedInAt: today - 20 * MIN }),
      person('陈二', { signedInAt: today }),
      person('李四', { reply: 'attending' }),
    ];
    expect(countAttendance(people, dated2020, today)).toEqual({
      expected: 3,
      signedIn: 2,
      late: 0,
      onLeave: 0,
      notYet: 1,
    });
    // A rehearsal the evening before: no start has passed that day either.
    const eveBefore = at('2026-11-24T19:00:00');
    expect(attendanceOf({ reply: 'none', signedInAt: eveBefore }, ON_25TH, eveBefore)).toBe(
      'signed_in',
    );
  });

  it('keeps lateness on the meeting’s own day, the day as the venue reads it', () => {
    // An hour late on the day stays late, to the minute after the start.
    const anHourLate = START + HOUR;
    expect(attendanceOf({ reply: 'none', signedInAt: anHourLate }, ON_25TH, anHourLate)).toBe(
      'late',
    );
    // 07:30 on the 26th in Beijing is still the 25th in UTC: in Beijing it is another day.
    const nextMorning = at('2026-11-26T07:30:00');
    expect(attendanceOf({ reply: 'none', signedInAt: nextMorning }, ON_25TH, nextMorning)).toBe(
      'signed_in',
    );
    const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const inUtc = { ...ON_25TH, dayOf: utcDay };
    expect(attendanceOf({ reply: 'none', signedInAt: nextMorning }, inUtc, nextMorning)).toBe(
      'late',
    );
    // Planned at 23:50, signed in 20 minutes later: past midnight, so another day, not late.
    const lateNight: MeetingStart = {
      date: '2026-11-25',
      plannedStartAt: at('2026-11-25T23:50:00'),
      dayOf: beijingDay,
    };
    const tenPast = at('2026-11-26T00:10:00');
    expect(attendanceOf({ reply: 'none', signedInAt: tenPast }, lateNight, tenPast)).toBe(
      'signed_in',
    );
    const fivePast = at('2026-11-25T23:55:00');
    expect(attendanceOf({ reply: 'none', signedInAt: fivePast }, lateNight, fivePast)).toBe('late');
  });

  it('counts 应到, 已签到, 请假 and 未到 without the staff', () => {
    const people = [
      person('林一平', { signedInAt: START - 5 * MIN }),
      person('陈二', { signedInAt: START + 2 * MIN }),
      person('张三', { reply: 'leave', leaveReason: '参加市里会议' }),
      person('李四', { reply: 'attending' }),
      person('王五', { role: 'observer' }),
      person('赵会务', { role: 'staff', signedInAt: START - 30 * MIN }),
    ];
    expect(countAttendance(people, ON_25TH, START + 5 * MIN)).toEqual({
      expected: 5,
      signedIn: 2,
      late: 1,
      onLeave: 1,
      notYet: 2,
    });
  });

  it('gives the hall the same four figures, whatever the time, and not who came late', () => {
    const people = [
      person('林一平', { signedInAt: START - 5 * MIN }),
      person('陈二', { signedInAt: START + 2 * MIN }),
      person('张三', { reply: 'leave', leaveReason: '参加市里会议' }),
      person('李四', { reply: 'attending' }),
      person('赵会务', { role: 'staff', signedInAt: START - 30 * MIN }),
    ];
    const { late: _late, ...atTheDoor } = countAttendance(people, ON_25TH, START + 5 * MIN);
    expect(hallCounts(people)).toEqual(atTheDoor);
    expect(hallCounts(people)).toEqual({ expected: 4, signedIn: 2, onLeave: 1, notYet: 1 });
  });
});

describe('the minutes’ 出席, 请假 and 列席', () => {
  const people = [
    person('张勇', { rank: 1, organization: '区委', position: '区委书记' }),
    person('戴斌', { rank: 3, position: '区委常委' }),
    person('林一平', { rank: 2, organization: '平湖街道', position: '党工委书记' }),
    person('冯十园', { rank: 4, reply: 'leave', leaveReason: '参加市里会议' }),
    person('陈南湾', { rank: 5, reply: 'substitute', substitute: '陈副' }),
    person('王列席', { rank: 6, role: 'observer' }),
    person('赵会务', { rank: 7, role: 'staff' }),
  ];

  it('follows the replies, in rank order, a substitute named in the member’s place', () => {
    const { present, onLeave, observers } = minutesAttendance(people);
    expect(present.map((p) => p.name)).toEqual(['张勇', '林一平', '戴斌', '陈副']);
    expect(present[3]).toMatchObject({ standingInFor: '陈南湾', position: '' });
    expect(onLeave).toEqual([
      {
        name: '冯十园',
        organization: '',
        position: '',
        standingInFor: '',
        leaveReason: '参加市里会议',
      },
    ]);
    expect(observers.map((p) => p.name)).toEqual(['王列席']);
  });

  it('once the door is used, names only those who signed in as present', () => {
    const signed = people.map((p) =>
      ['张勇', '林一平', '冯十园'].includes(p.name) ? { ...p, signedInAt: START - MIN } : p,
    );
    const { present, onLeave, observers } = minutesAttendance(signed);
    expect(present.map((p) => p.name)).toEqual(['张勇', '林一平', '冯十园']);
    expect(onLeave).toEqual([]);
    expect(observers).toEqual([]);
  });

  it('states 应到 as the members and 实到 as the 出席 block, 列席 and staff not counted', () => {
    // By the replies: five members, one on leave, the substitute in 陈南湾's place.
    expect(minutesHeadcount(people)).toEqual({ expected: 5, present: 4 });
    // At the door: two members signed in (冯十园 came after all), the observer too.
    const signed = people.map((p) =>
      ['张勇', '冯十园', '王列席'].includes(p.name) ? { ...p, signedInAt: START - MIN } : p,
    );
    expect(minutesHeadcount(signed)).toEqual({ expected: 5, present: 2 });
    expect(minutesHeadcount([])).toEqual({ expected: 0, present: 0 });
  });
});

describe('finding a person at the door', () => {
  const initials: Record<string, string> = { 林一平: 'lyp', 平湖街道: 'phjd' };
  const initialsOf = (text: string) => initials[text] ?? '';
  const lin = person('林一平', { organization: '平湖街道' });

  it('by a piece of the name or organization, or the pinyin initials', () => {
    for (const typed of ['林', '一平', '平湖', 'lyp', 'LY', ' l y ', 'phj', '']) {
      expect(matchesDoorQuery(lin, typed, initialsOf), typed).toBe(true);
    }
    for (const typed of ['陈', 'yp', 'lypx', '龙城']) {
      expect(matchesDoorQuery(lin, typed, initialsOf), typed).toBe(false);
    }
  });
});
