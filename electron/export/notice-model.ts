import { isSpeech, sortByPosition, type AgendaItem } from '../core/agenda.ts';
import { DEFAULT_ADDRESSEE, REPLY_COLUMNS, type NoticeSettings } from '../core/notice.ts';
import { byRank, type Participant } from '../core/participants.ts';
import { chineseDate } from './chinese-dates.ts';
import type { MeetingData } from './meeting-data.ts';
import { dueBy, joinName, TITLE_LINE_EM } from './minutes-model.ts';
import { balancedTitleLines } from './title-lines.ts';

/** One level-1 part of the body: 一、会议时间 and its paragraphs. */
export interface NoticeSection {
  heading: string;
  paragraphs: string[];
}

/** The notice as GB/T 9704-2012 sets a 通知, ready to lay out (see notice-docx.ts). */
export interface NoticeModel {
  title: string;
  titleLines: string[];
  /** 主送机关 with its full-width colon. */
  addressee: string;
  opening: string;
  sections: NoticeSection[];
  /** 联系人及电话, a paragraph after the five parts; '' when the organizer gave neither. */
  contact: string;
  /** 附件说明, e.g. 附件：参会回执. */
  annexNote: string;
  issuer: string;
  /** 成文日期 in arabic numerals (GB/T 9704-2012 §7.3.5.3): 2026年11月20日. */
  issuedOn: string;
  annexTitle: string;
  replyColumns: readonly string[];
  /** One row a person invited, 单位/姓名/职务 filled in; the rest is theirs to fill. */
  replyRows: string[][];
}

export const REPLY_ANNEX_TITLE = '参会回执';
/** Rows left empty for a unit to add people when the meeting lists none. */
const EMPTY_ROWS = 5;

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** 2026年11月25日（星期三）上午9:00, the weekday from the calendar date alone (no time zone). */
function meetingTime(date: string, startTime: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const [hour = 9, minute = 0] = startTime.split(':').map(Number);
  const weekday =
    y && m && d ? `（星期${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}）` : '';
  const half = hour < 12 ? '上午' : hour < 18 ? '下午' : '晚上';
  const shown = hour > 12 ? hour - 12 : hour;
  return `${chineseDate(date)}${weekday}${half}${shown}:${String(minute).padStart(2, '0')}`;
}

const invited = (people: readonly Participant[]) =>
  byRank(people.filter((p) => p.role !== 'staff'));

const personLine = (p: Participant) => joinName(p.organization, p.position, p.name);

function peopleParagraphs(data: MeetingData): string[] {
  const people = invited(data.participants);
  if (people.length === 0) {
    const { attendees, nonVotingAttendees } = data.meeting;
    return [
      ...(attendees.length ? [`${attendees.join('、')}。`] : []),
      ...(nonVotingAttendees.length ? [`列席：${nonVotingAttendees.join('、')}。`] : []),
    ];
  }
  const attending = people.filter((p) => p.role === 'attendee').map(personLine);
  const observing = people.filter((p) => p.role === 'observer').map(personLine);
  return [
    ...(attending.length ? [`${attending.join('、')}。`] : []),
    ...(observing.length ? [`列席：${observing.join('、')}。`] : []),
  ];
}

/** The agenda as a notice lists it: 1.… in speaking order, each speech by who gives it. */
function agendaParagraphs(items: readonly AgendaItem[]): string[] {
  const lines = sortByPosition(items)
    .filter((item) => isSpeech(item) || item.title)
    .map((item) => {
      const who = joinName(item.organization, item.speakerPosition, item.speaker);
      if (item.kind === 'exchange') return who ? `${who}交流发言` : item.title || '交流发言';
      if (item.kind === 'leader') return `${joinName(item.speakerPosition, item.speaker)}讲话`;
      if (item.kind === 'opening') return item.title || (who ? `${who}主持会议` : '主持会议');
      return item.title;
    })
    .filter(Boolean);
  return lines.map((line, i) => `${i + 1}.${line}${i === lines.length - 1 ? '。' : '；'}`);
}

/** 街道 of 平湖街道 and 布吉街道: what kind of unit every speaker comes from ('' when none is shared). */
function commonSuffix(names: readonly string[]): string {
  const chars = names.map((n) => [...n]);
  let suffix = '';
  for (let i = 1; chars.every((c) => c.length > i); i++) {
    const ch = chars[0]!.at(-i)!;
    if (!chars.every((c) => c.at(-i) === ch)) break;
    suffix = ch + suffix;
  }
  return names.length > 1 ? suffix : '';
}

/**
 * 请各街道党工委书记准备8分钟交流发言: the speakers by their shared position when they have one,
 * the minutes those the agenda plans (the longest, "不超过", when they differ).
 */
function speechRequirement(items: readonly AgendaItem[], settings: NoticeSettings, date: string) {
  const speeches = items.filter((i) => i.kind === 'exchange');
  if (speeches.length === 0) return [];
  const positions = [...new Set(speeches.map((s) => s.speakerPosition.trim()))];
  const kind = commonSuffix(speeches.map((s) => s.organization.trim()));
  const who = positions.length === 1 && positions[0] ? `各${kind}${positions[0]}` : '交流发言同志';
  const minutes = [...new Set(speeches.map((s) => s.plannedMinutes))];
  const length = minutes.length === 1 ? `${minutes[0]}分钟` : `不超过${Math.max(...minutes)}分钟的`;
  const due = settings.materialsDue ? `，于${dueBy(settings.materialsDue, date)}报送发言材料` : '';
  return [`请${who}准备${length}交流发言${due}。`];
}

function requirementParagraphs(data: MeetingData, settings: NoticeSettings): string[] {
  const { date } = data.meeting;
  const lines = [
    ...speechRequirement(data.items, settings, date),
    ...(settings.repliesDue
      ? [`请于${dueBy(settings.repliesDue, date)}将参会回执（见附件）报送会务组。`]
      : []),
    ...settings.requirements
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  ];
  return lines.length > 1 ? lines.map((line, i) => `${i + 1}.${line}`) : lines;
}

function contactLine(settings: NoticeSettings): string {
  const name = settings.contactName.trim();
  const phone = settings.contactPhone.trim();
  if (!name && !phone) return '';
  return `联系人：${[name, phone && `电话：${phone}`].filter(Boolean).join('，')}。`;
}

/** The local calendar date of an instant, YYYY-MM-DD (the venue's time zone: the computer's). */
const localDate = (epochMs: number) => {
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The notice of a meeting; `now` dates it when the organizer set no 成文日期. */
export function noticeModel(data: MeetingData, settings: NoticeSettings, now: number): NoticeModel {
  const { meeting } = data;
  const title = `关于召开${meeting.title}的通知`;
  const sections: NoticeSection[] = [
    { heading: '一、会议时间', paragraphs: [`${meetingTime(meeting.date, meeting.startTime)}。`] },
    { heading: '二、会议地点', paragraphs: meeting.venue ? [`${meeting.venue}。`] : [] },
    { heading: '三、参会人员', paragraphs: peopleParagraphs(data) },
    { heading: '四、会议议程', paragraphs: agendaParagraphs(data.items) },
    { heading: '五、有关要求', paragraphs: requirementParagraphs(data, settings) },
  ];
  const people = invited(data.participants);
  return {
    title,
    titleLines: balancedTitleLines(title, TITLE_LINE_EM),
    addressee: `${settings.addressee.trim() || DEFAULT_ADDRESSEE}：`,
    opening: `经研究，定于${chineseDate(meeting.date)}召开${meeting.title}。现将有关事项通知如下：`,
    sections,
    contact: contactLine(settings),
    annexNote: `附件：${REPLY_ANNEX_TITLE}`,
    issuer: settings.issuer.trim() || meeting.organizer.trim(),
    issuedOn: chineseDate(settings.issuedOn || localDate(now)),
    annexTitle: REPLY_ANNEX_TITLE,
    replyColumns: REPLY_COLUMNS,
    replyRows: people.length
      ? people.map((p) => [p.organization, p.name, p.position, p.phone, '', '', ''])
      : Array.from({ length: EMPTY_ROWS }, () => REPLY_COLUMNS.map(() => '')),
  };
}
