import type { Participant, ParticipantReply, ParticipantRole } from '../participants.ts';

/**
 * The one participant factory for tests: the `n`th person added (id `p{n}`, rank n), with the
 * fields the test names and every other field empty, so a test says only what it is about.
 */
export function testParticipant(n: number, fields: Partial<Participant> = {}): Participant {
  return {
    id: `p${n}`,
    meetingId: 'm',
    name: '',
    organization: '',
    position: '',
    phone: '',
    rank: n,
    role: 'attendee',
    reply: 'none',
    leaveReason: '',
    substitute: '',
    signedInAt: null,
    createdAt: n,
    updatedAt: n,
    ...fields,
  };
}

type Row = [name: string, organization: string, role: ParticipantRole, reply?: ParticipantReply];

/**
 * A 座谈会's people for the seating chart and the table cards: 出席 of two, three and four
 * characters, one on leave, one sending a substitute, 列席, and staff (who get no seat).
 */
const ROWS: Row[] = [
  ['林一平', '区委', 'attendee'],
  ['张勇', '区政府', 'attendee'],
  ['欧阳晓明', '区委组织部', 'attendee'],
  ['陈静', '平湖街道党工委', 'attendee'],
  ['王海涛', '南湾街道党工委', 'attendee'],
  ['李娜', '布吉街道党工委', 'attendee', 'leave'],
  ['赵建国', '吉华街道党工委', 'attendee', 'substitute'],
  ['刘洋', '坂田街道党工委', 'attendee'],
  ['黄晓燕', '横岗街道党工委', 'attendee'],
  ['周伟', '龙城街道党工委', 'attendee'],
  ['吴敏', '龙岗街道党工委', 'attendee'],
  ['郑凯', '区委组织部组织科', 'observer'],
  ['孙丽', '区委办公室', 'observer'],
  ['马骏', '区委宣传部', 'observer'],
  ['何芳', '区委组织部', 'staff'],
];

export function seatingPeople(meetingId = 'm'): Participant[] {
  return ROWS.map(([name, organization, role, reply = 'attending'], index) =>
    testParticipant(index + 1, {
      meetingId,
      name,
      organization,
      role,
      reply,
      leaveReason: reply === 'leave' ? '外出学习' : '',
      substitute: reply === 'substitute' ? '钱多多' : '',
    }),
  );
}
