import type { AgendaItem } from '../core/agenda.ts';
import { chineseDate } from './chinese-dates.ts';
import { attendanceBlocks, headcountLine } from './minutes-attendance.ts';
import { drawAnnex, type DrawAnnexEntry } from './draw-annex.ts';
import type { MeetingData } from './meeting-data.ts';
import { balancedTitleLines } from './title-lines.ts';

/** One exchange speech: "（一）平湖街道林一平", what it was about, the notes taken. */
export interface MinutesSpeech {
  heading: string;
  /** 围绕“…”作交流发言。 — said for every speech, so one without notes is not left blank. */
  lead: string;
  /** The notes' texts in the order they were taken during the speech. */
  paragraphs: string[];
}

/**
 * What the minutes (会议纪要) say, whatever they are printed as, laid out as GB/T 9704-2012 §10.3
 * sets a 纪要: the mark, the title, an opening paragraph, 一、交流发言情况 with （一）… per speech,
 * 二、会议要求, 三、议定事项 (numbered by what is there), then the 出席/请假/列席 block after the
 * body, then the annex.
 */
export interface MinutesModel {
  /** 纪要标志 in red above the title; '' for none. */
  mark: string;
  title: string;
  /** The title as it is set: even lines, no word broken (座谈会 stays whole). */
  titleLines: string[];
  opening: string;
  /**
   * 会议认为，…: what the meeting concluded, as the secretary accepted or edited it from the
   * synthesis of the speeches (issue 17); '' for none, the default.
   */
  finding: string;
  /** The first-level headings with their numbers, e.g. 一、交流发言情况, or '' when not there. */
  headings: { speeches: string; requirements: string; actions: string };
  speeches: MinutesSpeech[];
  requirements: string[];
  /** "1.…（责任人：…；时限：12月31日前）。" */
  actions: string[];
  /** "应到11人，实到10人。" above 出席, when the organizer wants it; '' for none. */
  headcount: string;
  /** In the order of §10.3: 出席, 请假, 列席. */
  attendance: { label: '出席' | '请假' | '列席'; names: string[] }[];
  /** 附件: the record of each lot drawing, when the order was drawn. */
  drawAnnex: DrawAnnexEntry[];
}

/** How many em of 2号 title a line of the 156 mm type area holds: 442 pt / 22 pt. */
export const TITLE_LINE_EM = 20;

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 一 … 十, 十一 … 十九, 二十 … 九十九, then digits. */
export const cnNumber = (n: number): string => {
  if (n <= 10) return CN[n - 1] as string;
  if (n < 20) return `十${CN[n - 11] ?? ''}`;
  if (n < 100) return `${CN[Math.floor(n / 10) - 1]}十${n % 10 ? CN[(n % 10) - 1] : ''}`;
  return String(n);
};

/**
 * Parts of a name joined as Chinese writes them, with no space ("平湖街道林一平"); a space only
 * where two Latin words would otherwise run together ("Futian Center Zhang Wei-Ming").
 */
export function joinName(...parts: string[]): string {
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .reduce(
      (out, part) =>
        /[A-Za-z0-9.]$/.test(out) && /^[A-Za-z0-9]/.test(part) ? `${out} ${part}` : out + part,
      '',
    );
}

/**
 * An exchange speaker as a 纪要 names him: 单位 + 姓名. The unit is what an exchange meeting is
 * about (what 平湖街道 did), and the name says who spoke; the position is the same for every
 * speaker of the day (党工委书记) and would only repeat. A leader is named by position and name
 * with 同志, as 区委书记张勇同志.
 */
const speakerName = (item: AgendaItem) =>
  item.speaker ? joinName(item.organization, item.speaker) : item.title;
const leaderName = (item: AgendaItem) => `${joinName(item.speakerPosition, item.speaker)}同志`;

/**
 * A note as a sentence of the minutes: ending in a stop if the note-taker left none. Only
 * Chinese text gets one; a figure or a code ("+1", "=SUM(A1)") is printed as typed.
 */
const sentence = (text: string) => {
  const t = text.trim().replace(/\s*\n\s*/g, '');
  const ended = /[。！？；…”’）)!?.]$/.test(t) || !/[\u3400-\u9fff]/.test(t);
  return ended ? t : `${t}。`;
};

/** "12月31日前", or with the year when it is not the meeting's year. */
export function dueBy(dueDate: string, meetingDate: string): string {
  const [y, m, d] = dueDate.split('-').map(Number);
  if (!y || !m || !d) return `${dueDate}前`;
  return `${y === Number(meetingDate.slice(0, 4)) ? '' : `${y}年`}${m}月${d}日前`;
}

const halfDay = (startTime: string) => (Number(startTime.slice(0, 2)) < 12 ? '上午' : '下午');

export function minutesModel({
  meeting,
  items,
  notes,
  draws,
  run,
  participants,
  newsBriefEdits,
}: MeetingData): MinutesModel {
  const live = notes.filter((n) => n.meetingId === meeting.id);
  // In the order taken: a starred note is marked in the notes, not moved ahead in the minutes.
  const notesOf = (id: string) =>
    live
      .filter((n) => n.itemId === id && n.kind !== 'action')
      .sort((a, b) => a.position - b.position);
  const skipped = (item: AgendaItem) => run.itemRuns[item.id]?.status === 'skipped';
  const spoke = (item: AgendaItem) => !skipped(item) || notesOf(item.id).length > 0;
  const exchange = items.filter((i) => i.kind === 'exchange' && spoke(i));
  const leaders = items.filter((i) => i.kind === 'leader' && spoke(i) && i.speaker);

  const speeches = exchange.map((item, i) => ({
    heading: `（${cnNumber(i + 1)}）${speakerName(item)}`,
    // Quotation marks inside the quoted topic become single ones, as Chinese nests them.
    lead: item.topic
      ? `围绕“${item.topic.replace(/“/g, '‘').replace(/”/g, '’')}”作交流发言。`
      : '作交流发言。',
    paragraphs: notesOf(item.id).map((n) => sentence(n.text)),
  }));
  const requirements = leaders
    .map((leader) => ({ leader, points: notesOf(leader.id) }))
    .filter(({ points }) => points.length > 0)
    .map(({ leader, points }) => {
      const said = points.map(
        (p, i) => `${cnNumber(i + 1)}是${sentence(p.text).replace(/[。；;]$/, '')}。`,
      );
      return `${leaderName(leader)}强调：${said.join('')}`;
    });
  const actions = live
    .filter((n) => n.kind === 'action')
    .sort((a, b) => a.position - b.position)
    .map((note, i) => {
      const parts = [
        note.owner && `责任人：${note.owner}`,
        note.dueDate && `时限：${dueBy(note.dueDate, meeting.date)}`,
      ].filter(Boolean);
      const text = sentence(note.text).replace(/。$/, '');
      return `${i + 1}.${text}${parts.length ? `（${parts.join('；')}）` : ''}。`;
    });

  let level1 = 0;
  const heading = (present: boolean, title: string) =>
    present ? `${cnNumber(++level1)}、${title}` : '';
  const title = `${meeting.title}纪要`;
  return {
    mark: meeting.minutesMark,
    title,
    titleLines: balancedTitleLines(title, TITLE_LINE_EM),
    opening: openingOf(meeting, exchange.map(speakerName), leaders.map(leaderName)),
    finding: newsBriefEdits?.minutesFinding.trim() ?? '',
    headings: {
      speeches: heading(speeches.length > 0, '交流发言情况'),
      requirements: heading(requirements.length > 0, '会议要求'),
      actions: heading(actions.length > 0, '议定事项'),
    },
    speeches,
    requirements,
    actions,
    headcount: headcountLine(meeting, participants),
    attendance: attendanceBlocks(meeting, participants),
    drawAnnex: drawAnnex(draws),
  };
}

/**
 * "2026年11月25日上午，在区委常委会议室召开…座谈会。区委书记张勇同志出席会议并讲话，戴斌同志
 * 主持会议。平湖街道林一平、…先后作交流发言。现将会议主要精神纪要如下："
 */
function openingOf(meeting: MeetingData['meeting'], speakers: string[], leaders: string[]): string {
  const when = `${chineseDate(meeting.date)}${meeting.startTime ? halfDay(meeting.startTime) : ''}`;
  const where = meeting.venue ? `在${meeting.venue}` : '';
  const who = [
    leaders.length ? `${leaders.join('、')}出席会议并讲话` : '',
    meeting.presider ? `${joinName(...meeting.presider.split(/\s+/))}同志主持会议` : '',
  ].filter(Boolean);
  return (
    `${when}，${where}召开${meeting.title}。` +
    (who.length ? `${who.join('，')}。` : '') +
    (speakers.length ? `${speakers.join('、')}先后作交流发言。` : '') +
    '现将会议主要精神纪要如下：'
  );
}
