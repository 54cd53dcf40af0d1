import { isSpeech, itemHeadline, speakerOrdinal, type AgendaItem } from '../core/agenda.ts';
import { sortNotes, type Note, type NoteKind } from '../core/notes.ts';
import type { MeetingData } from './meeting-data.ts';
import { chineseDate } from './chinese-dates.ts';
import { KIND_LABEL } from './minutes-md.ts';
import { wrapLines } from './text-fit.ts';
import { ITEM_KIND_LABEL } from './timing-report.ts';

/** Slide geometry shared by the model (which paginates) and the pptx writer (which draws). */
export const SLIDE = {
  widthIn: 10,
  heightIn: 5.625,
  marginIn: 0.6,
  bodyTopIn: 1.25,
  bodyHeightIn: 3.75,
  /** Takeaways: large enough to read from the back of the hall. */
  body: { fontPt: 18, linePt: 28, gapPt: 8 },
  /** The closing summary holds a line for every speaker. */
  summary: { fontPt: 15, linePt: 22, gapPt: 5 },
  leadPt: 14,
  agendaFontPt: 12,
  agendaLinePt: 16,
  agendaRowPaddingPt: 8,
  /** Widths (in) of the agenda table's columns: order, speaker, topic, minutes. */
  agendaColumnsIn: [0.95, 2.95, 4.1, 0.8],
} as const;

export interface TextStyle {
  fontPt: number;
  linePt: number;
  gapPt: number;
}

const bodyWidthIn = SLIDE.widthIn - 2 * SLIDE.marginIn;
/** The em a line may hold, with a margin for fonts wider than the estimate. */
const lineEm = (widthIn: number, fontPt: number) => Math.floor(((widthIn * 72) / fontPt) * 0.92);
const cellEm = (widthIn: number) => lineEm(widthIn - 0.15, SLIDE.agendaFontPt);

export const TAKEAWAY_KINDS: readonly NoteKind[] = ['takeaway', 'figure', 'quote'];

/** One paragraph of a list slide: a bold label ("数据", "坪地街道") and its text. */
export interface SlideBullet {
  label: string;
  starred: boolean;
  text: string;
  /** This is the rest of a paragraph begun on the slide before. */
  continued: boolean;
}

export interface AgendaRow {
  order: string;
  speaker: string;
  topic: string;
  minutes: number;
}

export type SlideSpec =
  | { kind: 'cover'; title: string; date: string; venue: string; organizer: string }
  | { kind: 'agenda'; title: string; rows: AgendaRow[] }
  | {
      kind: 'speaker';
      itemId: string;
      ordinal: string;
      organization: string;
      name: string;
      position: string;
      topic: string;
    }
  | {
      kind: 'list';
      role: 'takeaways' | 'summary';
      title: string;
      lead: string;
      bullets: SlideBullet[];
      style: TextStyle;
    };

/** The room a list slide's lead line takes above its paragraphs. */
export const LEAD_HEIGHT_PT = SLIDE.leadPt * 2;

const continuedTitle = (title: string, page: number) => (page === 0 ? title : `${title}（续）`);

/**
 * Lays paragraphs onto as many slides as they need, `capacityPt` of height each. A paragraph
 * that does not fit where it falls starts the next slide; one taller than a whole slide is cut
 * between lines and goes on with "（续）". Nothing is shrunk, nothing is dropped.
 */
export function paginateBullets(
  bullets: SlideBullet[],
  capacityPt: number,
  style: TextStyle,
): SlideBullet[][] {
  const pages: SlideBullet[][] = [[]];
  let used = 0;
  const page = () => pages[pages.length - 1] as SlideBullet[];
  const newPage = () => {
    pages.push([]);
    used = 0;
  };
  for (const bullet of bullets) {
    const prefix = `${bullet.starred ? '★' : ''}${bullet.label}：`;
    let lines = wrapLines(prefix + bullet.text, lineEm(bodyWidthIn, style.fontPt));
    let continued = bullet.continued;
    for (;;) {
      const room = Math.floor((capacityPt - used) / style.linePt);
      const whole = lines.length * style.linePt;
      if (whole <= capacityPt - used) {
        page().push({ ...bullet, continued, text: joinText(lines, continued ? '' : prefix) });
        used += whole + style.gapPt;
        break;
      }
      // Rather than leave a stub of a line or two, start a fresh slide if that holds it all.
      const fitsFresh = whole <= capacityPt;
      if (page().length > 0 && (fitsFresh || room < 3)) {
        newPage();
        continue;
      }
      const head = lines.slice(0, Math.max(1, room));
      page().push({ ...bullet, continued, text: joinText(head, continued ? '' : prefix) });
      lines = lines.slice(head.length);
      continued = true;
      newPage();
    }
  }
  return pages.filter((p) => p.length > 0);
}

/** The lines back as text, without the label the first line was measured with. */
function joinText(lines: string[], prefix: string): string {
  return lines.join('').slice(prefix.length).replace(/\n$/, '');
}

/** Agenda rows in pages of at most `capacityPt`, each row as tall as its wrapped cells. */
function fillAgendaPages(rows: AgendaRow[], heights: number[], capacityPt: number) {
  const pages: AgendaRow[][] = [[]];
  let used = 0;
  rows.forEach((row, index) => {
    const height = heights[index] ?? 0;
    const current = pages[pages.length - 1] as AgendaRow[];
    if (used + height > capacityPt && current.length > 0) {
      pages.push([row]);
      used = height;
    } else {
      current.push(row);
      used += height;
    }
  });
  return pages;
}

/**
 * Agenda rows on as few slides as their wrapped height allows, spread evenly over them (so the
 * last slide is not left with a single row).
 */
function paginateAgenda(rows: AgendaRow[]): AgendaRow[][] {
  const [, speakerIn = 3, topicIn = 3] = SLIDE.agendaColumnsIn;
  const capacityPt = SLIDE.bodyHeightIn * 72 - (SLIDE.agendaLinePt + SLIDE.agendaRowPaddingPt);
  const heights = rows.map(
    (row) =>
      Math.max(
        wrapLines(row.speaker, cellEm(speakerIn)).length,
        wrapLines(row.topic, cellEm(topicIn)).length,
      ) *
        SLIDE.agendaLinePt +
      SLIDE.agendaRowPaddingPt,
  );
  const pages = fillAgendaPages(rows, heights, capacityPt);
  let balanced = pages;
  for (let capacity = capacityPt - 5; capacity > 0; capacity -= 5) {
    const tighter = fillAgendaPages(rows, heights, capacity);
    if (tighter.length > pages.length) break;
    balanced = tighter;
  }
  return balanced;
}

const speakerLine = (item: AgendaItem) =>
  [item.organization, item.speaker, item.speakerPosition].filter(Boolean).join(' ') || item.title;

/**
 * The deck, slide by slide: cover, agenda, then for each speech its title card (the card the
 * projector shows) and its takeaways (干货, 数据, 金句; starred first), and a closing summary.
 */
export function slidesModel({ meeting, items, notes }: MeetingData): SlideSpec[] {
  const live = notes.filter((n) => n.meetingId === meeting.id);
  const counted = live.filter((n) => TAKEAWAY_KINDS.includes(n.kind));
  // Grouped once: filtering every note for every item was 200 × 50,000 steps on a big meeting.
  const takeawaysByItem = new Map<string, Note[]>();
  for (const note of counted) {
    const list = takeawaysByItem.get(note.itemId);
    if (list) list.push(note);
    else takeawaysByItem.set(note.itemId, [note]);
  }
  for (const [itemId, list] of takeawaysByItem) takeawaysByItem.set(itemId, sortNotes(list));
  const takeawaysOf = (item: AgendaItem): Note[] => takeawaysByItem.get(item.id) ?? [];
  const bodyPt = SLIDE.bodyHeightIn * 72;
  const slides: SlideSpec[] = [
    {
      kind: 'cover',
      title: meeting.title,
      date: chineseDate(meeting.date),
      venue: meeting.venue,
      organizer: meeting.organizer,
    },
  ];

  const agendaRows = items.map((item) => {
    const ordinal = speakerOrdinal(items, item);
    return {
      order: ordinal ? `第 ${ordinal} 位` : ITEM_KIND_LABEL[item.kind],
      speaker: speakerLine(item),
      topic: item.topic || (item.title && item.title !== speakerLine(item) ? item.title : ''),
      minutes: item.plannedMinutes,
    };
  });
  paginateAgenda(agendaRows).forEach((rows, page) =>
    slides.push({ kind: 'agenda', title: continuedTitle('会议议程', page), rows }),
  );

  const speeches = items.filter(isSpeech);
  for (const item of speeches) {
    const ordinal = speakerOrdinal(items, item);
    slides.push({
      kind: 'speaker',
      itemId: item.id,
      ordinal: ordinal ? `第 ${ordinal} 位` : ITEM_KIND_LABEL[item.kind],
      organization: item.organization,
      name: item.speaker || item.title,
      position: item.speakerPosition,
      topic: item.topic,
    });
    const bullets = takeawaysOf(item).map((note) => ({
      label: KIND_LABEL[note.kind],
      starred: note.starred,
      text: note.text,
      continued: false,
    }));
    const title = `${itemHeadline(item) || ITEM_KIND_LABEL[item.kind]} · 干货`;
    paginateBullets(bullets, bodyPt, SLIDE.body).forEach((page, index) =>
      slides.push({
        kind: 'list',
        role: 'takeaways',
        title: continuedTitle(title, index),
        lead: '',
        bullets: page,
        style: SLIDE.body,
      }),
    );
  }

  const exchange = speeches.filter((i) => i.kind === 'exchange');
  const count = (kind: NoteKind) => counted.filter((n) => n.kind === kind).length;
  const lead =
    `${exchange.length}位同志交流发言，记录干货${count('takeaway')}条、` +
    `数据${count('figure')}项、金句${count('quote')}句`;
  // The summary: each speaker's first takeaway (a starred one if any), else their topic.
  const summary = exchange.map((item) => ({
    label: item.organization || itemHeadline(item),
    starred: false,
    text: takeawaysOf(item)[0]?.text ?? item.topic,
    continued: false,
  }));
  const summaryPages = paginateBullets(
    summary.filter((b) => b.text),
    bodyPt - LEAD_HEIGHT_PT,
    SLIDE.summary,
  );
  (summaryPages.length > 0 ? summaryPages : [[]]).forEach((page, index) =>
    slides.push({
      kind: 'list',
      role: 'summary',
      title: continuedTitle('交流小结', index),
      lead,
      bullets: page,
      style: SLIDE.summary,
    }),
  );
  return slides;
}
