import { describe, expect, it } from 'vitest';
import type { Participant, ParticipantList } from '../../../electron/api/participants.ts';
import { newerParticipantList } from './participantList.ts';

const person = (name: string, rank: number): Participant => ({
  id: `p${rank}`,
  meetingId: 'm1',
  name,
  organization: '平湖街道',
  position: '',
  phone: '',
  rank,
  role: 'attendee',
  reply: 'none',
  leaveReason: '',
  substitute: '',
  signedInAt: null,
  createdAt: 1,
  updatedAt: 1,
});
const list = (names: string[], change: number, meetingId = 'm1', boot = 'b1') => ({
  meetingId,
  participants: names.map((name, k) => person(name, k + 1)),
  revision: { boot, change },
});

describe('newerParticipantList', () => {
  it('keeps the list another screen changed when a reload read before it lands after it', () => {
    const changed = list(['林一平', '陈二坪'], 5);
    expect(newerParticipantList(changed, list(['林一平'], 4))).toBe(changed);
  });

  it('takes a later list, the first one, and one of a restarted server', () => {
    expect(newerParticipantList(list(['林一平'], 4), list(['林一平', '陈二坪'], 5))).toEqual(
      list(['林一平', '陈二坪'], 5),
    );
    expect(newerParticipantList(null, list(['林一平'], 0))).toEqual(list(['林一平'], 0));
    const restarted = list([], 0, 'm1', 'b2');
    expect(newerParticipantList(list(['林一平'], 9), restarted)).toEqual(restarted);
  });

  it('takes another meeting’s list over a later one of the meeting left', () => {
    const next = list(['陈二坪'], 3, 'm2');
    expect(newerParticipantList(list(['林一平'], 9), next)).toEqual(next);
  });

  it('keeps only the list of a command’s answer, not what else the answer says', () => {
    const answer: ParticipantList & { added: number } = { ...list(['林一平'], 6), added: 1 };
    expect(newerParticipantList(list([], 5), answer)).toEqual(list(['林一平'], 6));
  });
});
