import { describe, expect, it } from 'vitest';
import type { AgendaItem, MeetingSummary, ServerEvent } from '../../../electron/api/index.ts';
import {
  NO_MEETING_LIST,
  withListEvent,
  withListLoaded,
  type MeetingListState,
} from './meetingList.ts';
import { emptyMeetingFields } from '../../../electron/api/meeting.ts';

const summary = (id: string, title: string, itemCount = 0): MeetingSummary => ({
  ...emptyMeetingFields,
  id,
  title,
  date: '2026-12-02',
  createdAt: 1,
  updatedAt: 1,
  itemCount,
  plannedMinutes: itemCount * 8,
});
const rev = (change: number, boot = 'b1') => ({ boot, change });
const loaded = (meetings: MeetingSummary[], change: number, boot = 'b1') => ({
  meetings,
  revision: rev(change, boot),
});
const { itemCount: _c, plannedMinutes: _p, ...fields } = summary('m1', '');
const saved = (id: string, title: string, change: number): ServerEvent => ({
  kind: 'meeting.saved',
  meeting: { ...fields, id, title },
  revision: rev(change),
});
const deleted = (id: string, change: number): ServerEvent => ({
  kind: 'meeting.deleted',
  meetingId: id,
  revision: rev(change),
});
const agenda = (id: string, count: number, change: number): ServerEvent => ({
  kind: 'agenda.saved',
  meetingId: id,
  items: Array.from(
    { length: count },
    (_, k) => ({ plannedMinutes: 8, position: k }) as AgendaItem,
  ),
  revision: rev(change),
});
const shown = (state: MeetingListState) =>
  state.meetings?.map((m) => `${m.title} ${m.itemCount}`) ?? null;

describe('the console’s meeting list', () => {
  it('keeps changes another screen made while a reload read before them was on its way', () => {
    let state = withListLoaded(NO_MEETING_LIST, loaded([summary('m1', '座谈会', 13)], 3));
    // Back from a reconnect, the console hears a retitle, a new meeting with its agenda, and a
    // deletion before its reload (read at 4, before all of them) lands.
    state = withListEvent(state, saved('m1', '第二次座谈会', 5));
    state = withListEvent(state, saved('m2', '新会议', 6));
    state = withListEvent(state, agenda('m2', 2, 6));
    state = withListEvent(state, deleted('m3', 7));
    state = withListLoaded(
      state,
      loaded([summary('m1', '座谈会', 13), summary('m3', '旧会议')], 4),
    );
    expect(shown(state)).toEqual(['新会议 2', '第二次座谈会 13']);
  });

  it('takes what a load read after a change says, and heard changes are not made again', () => {
    let state = withListEvent(NO_MEETING_LIST, saved('m1', '第二次座谈会', 5));
    expect(shown(state)).toBeNull();
    state = withListLoaded(state, loaded([summary('m1', '第三次座谈会', 2)], 6));
    expect(shown(state)).toEqual(['第三次座谈会 2']);
    state = withListLoaded(state, loaded([summary('m1', '第四次座谈会', 2)], 7));
    expect(shown(state)).toEqual(['第四次座谈会 2']);
    expect(state.heard).toEqual([]);
  });

  it('drops a load read before the one shown, and takes one of a restarted server whole', () => {
    let state = withListLoaded(NO_MEETING_LIST, loaded([summary('m1', '新标题')], 8));
    state = withListLoaded(state, loaded([summary('m1', '旧标题')], 6));
    expect(shown(state)).toEqual(['新标题 0']);
    state = withListEvent(state, saved('m1', '重启前', 9));
    state = withListLoaded(state, loaded([summary('m1', '重启后')], 0, 'b2'));
    expect(shown(state)).toEqual(['重启后 0']);
  });

  it('keeps only the last change of each part of a meeting until the next load', () => {
    let state = withListLoaded(NO_MEETING_LIST, loaded([summary('m1', '座谈会')], 1));
    for (let change = 2; change < 50; change += 1) {
      state = withListEvent(state, saved('m1', `标题 ${change}`, change));
      state = withListEvent(state, agenda('m1', change, change));
    }
    expect(state.heard.map((e) => e.kind)).toEqual(['meeting.saved', 'agenda.saved']);
    state = withListEvent(state, deleted('m1', 50));
    expect(state.heard.map((e) => e.kind)).toEqual(['meeting.deleted']);
    expect(shown(state)).toEqual([]);
  });
});
