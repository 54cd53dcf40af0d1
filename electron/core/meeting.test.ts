import { describe, expect, it } from 'vitest';
import { applyMeetingPatch, createMeeting, parseNameList, sortMeetingsForList } from './meeting.ts';

describe('people lists', () => {
  it('splits the separators Chinese documents use and drops empties and repeats', () => {
    expect(parseNameList('张勇、戴斌，林一平, 陈二坪;\n张勇；  ')).toEqual([
      '张勇',
      '戴斌',
      '林一平',
      '陈二坪',
    ]);
  });
});

describe('meetings', () => {
  const base = createMeeting(
    'm1',
    { title: '座谈会', date: '2026-11-25', attendees: [' 张勇 ', '张勇'] },
    1000,
  );

  it('are created with the given time and normalized people', () => {
    expect(base).toMatchObject({ id: 'm1', createdAt: 1000, updatedAt: 1000, startTime: '09:00' });
    expect(base.attendees).toEqual(['张勇']);
  });

  it('keep their creation time when patched and take the new update time', () => {
    const next = applyMeetingPatch(base, { venue: '第一会议室', absentees: ['王五', ''] }, 2000);
    expect(next).toMatchObject({ venue: '第一会议室', createdAt: 1000, updatedAt: 2000 });
    expect(next.absentees).toEqual(['王五']);
    expect(base.venue).toBe('');
  });

  it('list active meetings newest first, archived last', () => {
    const a = { ...base, id: 'a', date: '2026-01-01' };
    const b = { ...base, id: 'b', date: '2026-03-01' };
    const c = { ...base, id: 'c', date: '2026-12-01', archived: true };
    expect(sortMeetingsForList([a, c, b]).map((m) => m.id)).toEqual(['b', 'a', 'c']);
  });
});
