import { isSpeech, itemHeadline, speakerOrdinal, type AgendaItem } from '../core/agenda.ts';
import { sortNotes, type Note, type NoteKind } from '../core/notes.ts';
import type { MeetingData } from './meeting-data.ts';
import { chineseDate } from './chinese-dates.ts';
import { KIND_LABEL } from './minutes-md.ts';
import {
  balanced,
  bandTitle,
  coverLayout,
  MARGIN_IN,
  SLIDE_HEIGHT_IN,
  SLIDE_WIDTH_IN,
  smallPrint,
  speakerCardLayout,
  type CoverLayout,
  type PlacedText,
  type SpeakerCardLayout,
} from './slides-layout.ts';
import {
  paginateAgenda,
  paginateBullets,
  type AgendaRow,
  type SlideBullet,
  type TextStyle,
} from './slides-paging.ts';
import { timingSlides, type SlideTiming, type TimingSlideSpec } from './slides-timing.ts';
import { fitText, slideLines } from './text-fit.ts';
import { ITEM_KIND_LABEL } from './timing-report.ts';

export type { AgendaRow, SlideBullet, TextStyle } from './slides-paging.ts';
export type { PlacedText } from './slides-layout.ts';

/** Slide geometry shared by the model (which measures and paginates) and the pptx writer. */
export const SLIDE = {
  widthIn: SLIDE_WIDTH_IN,
  heightIn: SLIDE_HEIGHT_IN,
  marginIn: MARGIN_IN,
  bodyTopIn: 1.16,
  /** Down to 5.15 in, above the small print at the foot. */
  bodyHeightIn: 3.99,
  /** Takeaways and the summary: 24 pt, read from the back of the hall. */
  body: { fontPt: 24, linePt: 30, gapPt: 8 },
  summary: { fontPt: 24, linePt: 30, gapPt: 6 },
  lead: { maxPt: 24, minPt: 24, spacing: 1.25 },
  /** Rows padded by the cells' margins, 3 pt above and below. */
  agenda: { fontPt: 24, linePt: 28, rowPaddingPt: 6 },
  /** Widths (in) of the agenda table's columns: order, speaker, minutes. */
  agendaColumnsIn: [1.1, 6.6, 1.1],
  /**
   * A speaker's takeaways on at most two slides: a speech is some eight minutes, and about eight
   * points (two slides) is what a hall takes in from it; every note is in the minutes.
   */
  maxTakeawaySlides: 2,
  /** The small print at the foot of content slides: the meeting's name, for printouts. */
  footerTopIn: 5.25,
} as const;

export const BODY_WIDTH_IN = SLIDE.widthIn - 2 * SLIDE.marginIn;
const BODY_PT = SLIDE.bodyHeightIn * 72;
const LEAD_GAP_PT = 6;

export const TAKEAWAY_KINDS: readonly NoteKind[] = ['takeaway', 'figure', 'quote'];

export type SlideSpec =
  | {
      kind: 'cover';
      title: string;
      date: string;
      venue: string;
      organizer: string;
      layout: CoverLayout;
    }
  | { kind: 'agenda'; band: PlacedText; footer: PlacedText; rows: AgendaRow[] }
  | {
      kind: 'speaker';
      itemId: string;
      ordinal: string;
      organization: string;
      name: string;
      position: string;
      topic: string;
      layout: SpeakerCardLayout;
    }
  | {
      kind: 'list';
      /** Takeaways of a speech, the leader's requirements (会议要求), or the closing summary. */
      role: 'takeaways' | 'requirements' | 'summary';
      band: PlacedText;
      footer: PlacedText;
      lead: PlacedText | null;
      bullets: SlideBullet[];
      style: TextStyle;
      /** "其余 12 条见会议纪要" on the last slide of a speaker whose notes did not all fit. */
      more: string;
    }
  | TimingSlideSpec;

const CONTINUED = '（续）';
const AGENDA_ORDER: Record<AgendaItem['kind'], string> = {
  opening: '开场',
  exchange: '',
  leader: '讲话',
  break: '休息',
  other: '其他',
};
const CHINESE_ORDINALS = '一二三四五六七八九十';
const chineseOrdinal = (n: number) =>
  n <= 10
    ? (CHINESE_ORDINALS[n - 1] as string)
    : n < 20
      ? `十${CHINESE_ORDINALS[n - 11] ?? ''}`
      : String(n);

/** The height of an agenda row as the table draws it: its tallest cell, and the cell margins. */
function agendaRowHeightPt(row: AgendaRow): number {
  const [orderIn = 1, speakerIn = 6] = SLIDE.agendaColumnsIn;
  const cellLines = (text: string, widthIn: number) =>
    slideLines(text, widthIn - 12 / 72, SLIDE.agenda.fontPt).length;
  const lines = Math.max(cellLines(row.order, orderIn), cellLines(row.speaker, speakerIn));
  return lines * SLIDE.agenda.linePt + SLIDE.agenda.rowPaddingPt;
}

const speakerLine = (item: AgendaItem) =>
  [item.organization, item.speaker, item.organization ? '' : item.speakerPosition]
    .filter(Boolean)
    .join(' ') || item.title;

/** Each speech's takeaways, starred first, then in the order they were said; grouped once. */
function takeawaysByItem(notes: readonly Note[]): Map<string, Note[]> {
  const byItem = new Map<string, Note[]>();
  for (const note of notes) {
    const list = byItem.get(note.itemId);
    if (list) list.push(note);
    else byItem.set(note.itemId, [note]);
  }
  for (const [itemId, list] of byItem) byItem.set(itemId, sortNotes(list));
  return byItem;
}

/**
 * The deck, slide by slide: cover, agenda, then for each speech its title card (the card the
 * projector shows) and its takeaways (干货, 数据, 金句; starred first; the leader's as 会议要求),
 * and a closing summary; with `timing`, once the meeting has run, the timing chart after it.
 * Every text is measured and fitted here, before anything is drawn.
 */
export function slidesModel(data: MeetingData, timing?: SlideTiming): SlideSpec[] {
  const { meeting, items, notes } = data;
  const counted = notes.filter(
    (n) => n.meetingId === meeting.id && TAKEAWAY_KINDS.includes(n.kind),
  );
  const byItem = takeawaysByItem(counted);
  const takeawaysOf = (item: AgendaItem): Note[] => byItem.get(item.id) ?? [];
  const footer = smallPrint(meeting.title, SLIDE.marginIn, SLIDE.footerTopIn, BODY_WIDTH_IN);
  const date = chineseDate(meeting.date);
  const slides: SlideSpec[] = [
    {
      kind: 'cover',
      title: meeting.title,
      date,
      venue: meeting.venue,
      organizer: meeting.organizer,
      layout: coverLayout(
        {
          title: meeting.title,
          organizer: meeting.organizer,
          date,
          venue: meeting.venue,
        },
        Boolean(meeting.logo),
      ),
    },
  ];

  const agendaRows = items.map((item) => {
    const ordinal = speakerOrdinal(items, item);
    return {
      order: ordinal ? String(ordinal) : AGENDA_ORDER[item.kind],
      speaker: speakerLine(item),
      topic: item.topic,
      minutes: item.plannedMinutes,
    };
  });
  const agendaHeader: AgendaRow = {
    order: '顺序',
    speaker: '发言单位及发言人',
    topic: '',
    minutes: 0,
  };
  paginateAgenda(agendaRows, BODY_PT - agendaRowHeightPt(agendaHeader), agendaRowHeightPt).forEach(
    (rows, page) =>
      slides.push({
        kind: 'agenda',
        band: bandTitle('会议议程', page === 0 ? '' : CONTINUED),
        footer,
        rows,
      }),
  );

  const speeches = items.filter(isSpeech);
  for (const item of speeches) {
    const ordinal = speakerOrdinal(items, item);
    const card = {
      ordinal: ordinal ? `第 ${ordinal} 位` : ITEM_KIND_LABEL[item.kind],
      organization: item.organization,
      name: item.speaker || item.title,
      position: item.speakerPosition,
      topic: item.topic,
    };
    slides.push({
      kind: 'speaker',
      itemId: item.id,
      ...card,
      layout: speakerCardLayout({ meetingTitle: meeting.title, ...card }),
    });
    slides.push(...speechSlides(item, takeawaysOf(item), footer));
  }

  const exchange = speeches.filter((i) => i.kind === 'exchange');
  const count = (kind: NoteKind) => counted.filter((n) => n.kind === kind).length;
  const leadText =
    `${exchange.length}位同志交流发言，记录干货${count('takeaway')}条、` +
    `数据${count('figure')}项、金句${count('quote')}句`;
  const lead = fitText(leadText, BODY_WIDTH_IN, 2 * 30, SLIDE.lead);
  const leadBox: PlacedText = balanced({
    ...lead,
    x: SLIDE.marginIn,
    y: SLIDE.bodyTopIn,
    w: BODY_WIDTH_IN,
    h: (lead.lines * lead.linePt) / 72,
  });
  // The summary: each speaker's first takeaway (a starred one if any), else their topic.
  const summary = exchange
    .map((item) => ({
      label: `${item.organization || itemHeadline(item)}：`,
      starred: false,
      text: takeawaysOf(item)[0]?.text ?? item.topic,
      continued: false,
    }))
    .filter((b) => b.text);
  // The lead line stands on the first summary slide; later ones have its room for paragraphs.
  const leadPt = lead.lines * lead.linePt + LEAD_GAP_PT;
  const { pages } = paginateBullets(
    summary,
    BODY_PT,
    BODY_WIDTH_IN,
    SLIDE.summary,
    Number.POSITIVE_INFINITY,
    BODY_PT - leadPt,
  );
  (pages.length > 0 ? pages : [[]]).forEach((page, index) =>
    slides.push({
      kind: 'list',
      role: 'summary',
      band: bandTitle('交流小结', index === 0 ? '' : CONTINUED),
      footer,
      lead: index === 0 ? leadBox : null,
      bullets: page,
      style: SLIDE.summary,
      more: '',
    }),
  );
  // After the summary, once the meeting has run: planned against actual, as in the report.
  const room = { x: SLIDE.marginIn, y: SLIDE.bodyTopIn, w: BODY_WIDTH_IN, h: SLIDE.bodyHeightIn };
  if (timing) slides.push(...timingSlides(data, timing, footer, room));
  return slides;
}

/**
 * The slides after a speaker's card: their takeaways (the leader's as 会议要求, numbered 一、二、
 * rather than labelled 干货), on at most `SLIDE.maxTakeawaySlides`, the rest named as left to
 * the minutes.
 */
function speechSlides(item: AgendaItem, notes: Note[], footer: PlacedText): SlideSpec[] {
  const leader = item.kind === 'leader';
  const bullets: SlideBullet[] = notes.map((note, index) => ({
    label: leader ? `${chineseOrdinal(index + 1)}、` : `${KIND_LABEL[note.kind]}：`,
    // Numbered requirements need no star; the starred ones still come first.
    starred: note.starred && !leader,
    text: note.text,
    continued: false,
  }));
  const { pages, leftOut } = paginateBullets(
    bullets,
    BODY_PT,
    BODY_WIDTH_IN,
    SLIDE.body,
    SLIDE.maxTakeawaySlides,
  );
  // A long organization is cut before the name, which stays: "中共深圳市…（第一工作组） 林一平".
  const named = !item.title && item.organization && item.speaker;
  const head = named ? item.organization : itemHeadline(item) || ITEM_KIND_LABEL[item.kind];
  const section = `${named ? ` ${item.speaker}` : ''} · ${leader ? '会议要求' : '干货'}`;
  return pages.map((page, index) => ({
    kind: 'list',
    role: leader ? 'requirements' : 'takeaways',
    band: bandTitle(head, `${section}${index === 0 ? '' : CONTINUED}`),
    footer,
    lead: null,
    bullets: page,
    style: SLIDE.body,
    more: index === pages.length - 1 && leftOut > 0 ? `其余 ${leftOut} 条见会议纪要` : '',
  }));
}
