import { defaultSeatingPlan, type SeatingPlan } from '../../core/seating-plan.ts';
import { seatingPeople, testParticipant } from '../../core/test-support/participants.ts';
import type { Participant } from '../../core/participants.ts';
import { exportSampleData, hardMeeting } from './export-fixture.ts';
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

/** The `index`th person of a meeting's crowd, attending as every seat on the chart does. */
const seated = (meetingId: string, index: number, fields: Partial<Participant>): Participant =>
  testParticipant(index + 1, { meetingId, reply: 'attending', ...fields });

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '欧阳', '司马'];
const GIVEN = [
  '伟',
  '芳',
  '秀英',
  '敏',
  '静',
  '海涛',
  '晓明',
  '丽',
  '强',
  '建华',
  '一平',
  '洋',
  '雨桐',
];

/**
 * A crowd of `count` seated people for the chart at its fullest: names of two to four
 * characters, each 街道 as its organization, the last quarter 列席.
 */
export function crowdSeatingData(count: number, plan: Partial<SeatingPlan> = {}): MeetingData {
  const data = exportSampleData();
  const observersFrom = count - Math.floor(count / 4);
  const participants = Array.from({ length: count }, (_, i) =>
    seated(data.meeting.id, i, {
      name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 5) % GIVEN.length]}`,
      organization: `第${i + 1}街道党工委`,
      role: i < observersFrom ? 'attendee' : 'observer',
    }),
  );
  return { ...data, participants, seating: { ...defaultSeatingPlan(data.meeting.id), ...plan } };
}

/** A 60-character organization, longer than any seat or card line holds. */
export const LONG_ORGANIZATION =
  '中共云溪区委城市更新和土地整备攻坚指挥部松岭片区临时党支部暨松岭街道城市更新和土地整备服务中心党支部联合攻坚工作组办公室';

/**
 * The hard meeting's people: a 60-character organization, an English name, a name with a
 * character outside GB 2312 (䶮), names of two, three and four characters and a long
 * transliterated one (阿卜杜热合曼·买买提), some 列席.
 */
export const HARD_SEATED: [string, string, Participant['role']][] = [
  ['邵云峰', LONG_ORGANIZATION, 'attendee'],
  ['欧阳明远', '青石街道党工委', 'attendee'],
  ['黎晓', '南屏街道党工委', 'attendee'],
  ['Zhang Wei-Ming', 'Shenzhen Innovation Center', 'attendee'],
  ['刘䶮', '白沙街道党工委', 'attendee'],
  ['阿卜杜热合曼·买买提', '枫林街道党工委', 'attendee'],
  ['司徒嘉宁', '石门街道党工委', 'attendee'],
  ['蒋思齐', LONG_ORGANIZATION, 'attendee'],
  ['覃卫东', '桃源街道党工委', 'attendee'],
  ['谭慧敏', '梅岗街道党工委', 'observer'],
  ['孔令哲', '柳溪街道党工委', 'observer'],
  ['宋雨桐', '金湖街道党工委', 'observer'],
];

export function hardSeatingData(plan: Partial<SeatingPlan> = {}): MeetingData {
  const data = hardMeeting();
  const participants = HARD_SEATED.map(([name, organization, role], i) =>
    seated(data.meeting.id, i, { name, organization, role }),
  );
  return { ...data, participants, seating: { ...defaultSeatingPlan(data.meeting.id), ...plan } };
}
