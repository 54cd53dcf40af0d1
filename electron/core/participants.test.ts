import { describe, expect, it } from 'vitest';
import {
  attendanceOf,
  countAttendance,
  hallCounts,
  matchesDoorQuery,
  minutesAttendance,
  minutesHeadcount,
  type Participant,
} from './participants.ts';
import { testParticipant } from './test-support/participants.ts';

const START = Date.parse('2026-11-25T09:00:00+08:00');
const MIN = 60_000;

let added = 0;
function person(name: string, fields: Partial<Participant> = {}): Participant {
  added += 1;
  return testParticipant(added, { name, rank: 10, ...fields });
}

describe('attendance at the door', () => {
  it('tells signed in, late, on leave, expected and absent apart by the meeting’s start', () => {
    expect(attendanceOf({ reply: 'none', signedInAt: START - MIN }, START, START)).toBe(
      'signed_in',
    );
    expect(attendanceOf({ reply: 'none', signedInAt: START + MIN }, START, START + MIN)).toBe(
      'late',
    );
    expect(attendanceOf({ reply: 'leave', signedInAt: null }, START, START + MIN)).toBe('on_leave');
    expect(attendanceOf({ reply: 'attending', signedInAt: null }, START, START - MIN)).toBe(
      'expected',
    );
    expect(attendanceOf({ reply: 'attending', signedInAt: null }, START, START + MIN)).toBe(
      'absent',
    );
    // Someone who replied leave but came after all is counted as there.
    expect(attendanceOf({ reply: 'leave', signedInAt: START - MIN }, START, START)).toBe(
      'signed_in',
    );
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
    expect(countAttendance(people, START, START + 5 * MIN)).toEqual({
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
    const { late: _late, ...atTheDoor } = countAttendance(people, START, START + 5 * MIN);
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
