import { isSpeech, itemHeadline } from '../core/agenda.ts';
import { sortNotes, type Note } from '../core/notes.ts';
import { chineseDate } from './chinese-dates.ts';
import { drawAnnex, type DrawAnnexEntry } from './draw-annex.ts';
import type { MeetingData } from './meeting-data.ts';

export interface MinutesSection {
  heading: string;
  topic: string;
  notes: Note[];
}

/**
 * What the minutes (会议纪要) say, whatever they are printed as: the attendance blocks, the
 * opening paragraph, one section per speaker, the leader's requirements, the action items.
 */
export interface MinutesModel {
  title: string;
  attendance: { label: '出席' | '列席' | '请假'; names: string[] }[];
  facts: { label: string; value: string }[];
  opening: string;
  sections: MinutesSection[];
  requirements: { speaker: string; points: string[] }[];
  actions: Note[];
  /** 附件: the record of each lot drawing, when the order was drawn. */
  drawAnnex: DrawAnnexEntry[];
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 一 … 十, 十一 … 十九, then digits. */
export const cnNumber = (n: number): string =>
  n <= 10 ? (CN[n - 1] as string) : n < 20 ? `十${CN[n - 11] ?? ''}` : String(n);

/** 一、二、三… for the first-level headings, in order. */
export function counter(): () => string {
  let n = 0;
  return () => cnNumber(++n);
}

export function minutesModel({ meeting, items, notes, draws }: MeetingData): MinutesModel {
  const live = notes.filter((n) => n.meetingId === meeting.id);
  const byItem = (id: string) =>
    sortNotes(live.filter((n) => n.itemId === id && n.kind !== 'action'));
  const speeches = items.filter((i) => isSpeech(i) && i.kind === 'exchange');
  const speakers = speeches.map((i) => itemHeadline(i)).filter(Boolean);
  return {
    title: `${meeting.title}纪要`,
    facts: [
      { label: '时间', value: `${chineseDate(meeting.date)} ${meeting.startTime}` },
      { label: '地点', value: meeting.venue },
      { label: '主持人', value: meeting.presider },
      { label: '记录人', value: meeting.recorder },
    ].filter((f) => f.value),
    attendance: (
      [
        { label: '出席', names: meeting.attendees },
        { label: '列席', names: meeting.nonVotingAttendees },
        { label: '请假', names: meeting.absentees },
      ] as const
    )
      .filter((a) => a.names.length > 0)
      .map((a) => ({ label: a.label, names: [...a.names] })),
    opening:
      `${chineseDate(meeting.date)}，${meeting.presider || '主持人'}主持召开${meeting.title}。` +
      (speakers.length ? `${speakers.join('、')}先后发言。` : '') +
      '现纪要如下：',
    sections: speeches.map((item) => ({
      heading: itemHeadline(item),
      topic: item.topic,
      notes: byItem(item.id),
    })),
    requirements: items
      .filter((i) => i.kind === 'leader')
      .map((leader) => ({
        speaker: `${leader.speakerPosition}${leader.speaker}`,
        points: byItem(leader.id).map((n) => n.text),
      })),
    actions: sortNotes(live.filter((n) => n.kind === 'action')),
    drawAnnex: drawAnnex(draws),
  };
}
