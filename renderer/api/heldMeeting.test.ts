import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../../electron/api/agenda.ts';
import type { MeetingWithAgenda } from '../../electron/api/contract.ts';
import type { Meeting } from '../../electron/api/meeting.ts';
import { emptyMeetingFields } from '../../electron/api/meeting.ts';
import type { ServerEvent } from '../../electron/api/events.ts';
import { withItemsShown, withMeetingRead, type HeldMeeting } from './heldMeeting.ts';
import { applyToMeeting } from './meetingEvents.ts';

const meeting = (title: string, id = 'm1'): Meeting => ({
  ...emptyMeetingFields,
  id,
  title,
  date: '2026-12-02',
  createdAt: 1,
  updatedAt: 1,
});
const item = (speaker: string, position: number): AgendaItem => ({
  id: `i${position}`,
  meetingId: 'm1',
  position,
  kind: 'exchange',
  title: '',
  speaker,
  speakerPosition: '',
  organization: '平湖街道',
  topic: '',
  plannedMinutes: 8,
  warningSeconds: null,
  dangerSeconds: null,
});
const rev = (change: number, boot = 'b1') => ({ boot, change });
const read = (
  title: string,
  speakers: string[],
  change: number,
  id = 'm1',
  boot = 'b1',
): MeetingWithAgenda => ({
  meeting: meeting(title, id),
  items: speakers.map((s, k) => item(s, k)),
  revision: rev(change, boot),
});
const agendaSaved = (speakers: string[], change: number): ServerEvent => ({
  kind: 'agenda.saved',
  meetingId: 'm1',
  items: speakers.map((s, k) => item(s, k)),
  revision: rev(change),
});
const meetingSaved = (title: string, change: number): ServerEvent => ({
  kind: 'meeting.saved',
  meeting: meeting(title),
  revision: rev(change),
});
const shown = (held: HeldMeeting | null) =>
  held && { title: held.meeting.title, speakers: held.items.map((i) => i.speaker) };

describe('a meeting held by a screen', () => {
  it('keeps an agenda item another screen added when a reload read before it lands after it', () => {
    let held: HeldMeeting | null = withMeetingRead(null, read('经验交流会', ['林一平'], 3));
    held = applyToMeeting(held, agendaSaved(['林一平', '陈二坪'], 5));
    held = withMeetingRead(held, read('经验交流会', ['林一平'], 4));
    expect(shown(held)).toEqual({ title: '经验交流会', speakers: ['林一平', '陈二坪'] });
  });

  it('keeps a new title heard before a reload read before it', () => {
    let held: HeldMeeting | null = withMeetingRead(null, read('经验交流会', [], 3));
    held = applyToMeeting(held, meetingSaved('第二次经验交流会', 5));
    held = withMeetingRead(held, read('经验交流会', [], 4));
    expect(shown(held)?.title).toBe('第二次经验交流会');
  });

  it('still takes from a reload the part it missed while away, beside a later part it heard', () => {
    // Away, the screen missed the agenda's change 4; back, it hears the retitle 6 before the
    // reload read at 5 lands: the title stays, the agenda comes from the reload.
    let held: HeldMeeting | null = withMeetingRead(null, read('经验交流会', ['林一平'], 3));
    held = applyToMeeting(held, meetingSaved('第二次经验交流会', 6));
    held = withMeetingRead(held, read('经验交流会', ['林一平', '陈二坪'], 5));
    expect(shown(held)).toEqual({ title: '第二次经验交流会', speakers: ['林一平', '陈二坪'] });
  });

  it('takes a later read and event, one of a restarted server, and another meeting', () => {
    let held: HeldMeeting | null = withMeetingRead(null, read('经验交流会', ['林一平'], 3));
    held = withMeetingRead(held, read('经验交流会', ['林一平', '陈二坪'], 4));
    expect(shown(held)?.speakers).toEqual(['林一平', '陈二坪']);
    held = applyToMeeting(held, meetingSaved('第二次经验交流会', 5));
    expect(shown(held)?.title).toBe('第二次经验交流会');
    held = withMeetingRead(held, read('重启后', [], 0, 'm1', 'b2'));
    expect(shown(held)).toEqual({ title: '重启后', speakers: [] });
    held = withMeetingRead(held, read('另一场', ['周会务'], 0, 'm2', 'b1'));
    expect(shown(held)).toEqual({ title: '另一场', speakers: ['周会务'] });
  });

  it('leaves another meeting’s events, and an older answer after a later event, aside', () => {
    const held = withMeetingRead(null, read('经验交流会', ['林一平'], 3, 'm2'));
    expect(applyToMeeting(held, agendaSaved(['陈二坪'], 4))).toEqual(held);
    expect(applyToMeeting(held, meetingSaved('别的会', 4))).toEqual(held);
    let mine: HeldMeeting | null = withMeetingRead(null, read('经验交流会', ['林一平'], 3));
    mine = applyToMeeting(mine, agendaSaved(['陈二坪', '林一平'], 7));
    mine = applyToMeeting(mine, agendaSaved(['林一平', '陈二坪'], 6));
    expect(shown(mine)?.speakers).toEqual(['陈二坪', '林一平']);
  });

  it('shows an order dragged at once, keeping its revision until the answer', () => {
    const held = withMeetingRead(null, read('经验交流会', ['林一平', '陈二坪'], 3));
    const moved = withItemsShown(held, [item('陈二坪', 0), item('林一平', 1)]);
    expect(shown(moved)?.speakers).toEqual(['陈二坪', '林一平']);
    expect(moved?.revisions.items).toEqual(rev(3));
  });
});
