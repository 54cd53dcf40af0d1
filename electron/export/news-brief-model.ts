import type { AgendaItem } from '../core/agenda.ts';
import type { Note } from '../core/notes.ts';
import { chineseDate } from './chinese-dates.ts';
import type { MeetingData } from './meeting-data.ts';
import { joinName } from './minutes-model.ts';
import { keyTermsOf, sharedThemes, type KeyTermExtractor } from './news-themes.ts';

/**
 * Where a sentence's facts come from: a note (`note:<id>`), a field of the meeting
 * (`meeting.venue`) or of an agenda item (`item:<id>.speaker`). Every sentence has at least one,
 * so an editor can check each against what was recorded.
 */
export type BriefSource = string;

export interface BriefSentence {
  text: string;
  sources: BriefSource[];
}

/** 'kept': an organizer's paragraph whose draft paragraph is gone, kept at the end. */
export type BriefParagraphKind = 'lead' | 'theme' | 'highlights' | 'requirements' | 'kept';

export interface BriefParagraph {
  /**
   * What the paragraph is, the same whatever else the notes add or drop: `lead`,
   * `theme:<term>`, `highlights`, `requirements:<item id>`. The organizer's edits are stored by it.
   */
  key: string;
  kind: BriefParagraphKind;
  sentences: BriefSentence[];
}

/** The 会议信息 draft: a headline (and a line under it) and the report's paragraphs. */
export interface NewsBrief {
  headline: BriefSentence;
  /** The event itself under a headline that is a quote; '' when the headline is the event. */
  subheading: BriefSentence | null;
  paragraphs: BriefParagraph[];
  /** The terms of the themes found, in order: what the minutes' 会议认为 is drafted from. */
  themeTerms: string[];
}

/** A headline that is a quote reads in one or two lines of 2号: no longer than this. */
const HEADLINE_QUOTE_MAX = 24;
/** A brief's figures and quotes: the telling few, two at most from one speaker. */
const MAX_HIGHLIGHTS = 8;
const HIGHLIGHTS_PER_SPEAKER = 2;

const itemField = (item: AgendaItem, ...fields: (keyof AgendaItem)[]) =>
  fields.filter((f) => String(item[f] ?? '').trim()).map((f) => `item:${item.id}.${f}`);

/** "平湖街道林一平": who spoke, as a report names a speaker again after the lead. */
const shortName = (item: AgendaItem) =>
  item.speaker ? joinName(item.organization, item.speaker) : item.title;
const shortSources = (item: AgendaItem) =>
  item.speaker ? itemField(item, 'organization', 'speaker') : itemField(item, 'title');
/** "平湖街道党工委书记林一平": the full name, in the lead. */
const fullName = (item: AgendaItem) =>
  item.speaker ? joinName(item.organization, item.speakerPosition, item.speaker) : item.title;
const fullSources = (item: AgendaItem) =>
  item.speaker
    ? itemField(item, 'organization', 'speakerPosition', 'speaker')
    : itemField(item, 'title');
/** "区委书记张勇": a leader's position already names the body (区委), so not 龙岗区委区委书记. */
const leaderName = (item: AgendaItem) => joinName(item.speakerPosition, item.speaker);
const leaderSources = (item: AgendaItem) => itemField(item, 'speakerPosition', 'speaker');

/** A note's text as the end of a sentence: one stop, no line breaks. */
const clause = (text: string) =>
  text
    .trim()
    .replace(/\s*\n\s*/g, '')
    .replace(/[。；;，,]+$/, '');
/**
 * A closing quote ends a sentence only after a stop inside it: “拧成一股绳”。 but “…实绩定进退。”;
 * a note's own trailing bracket after its stop (…建到哪里。（第1条）) ends it too.
 */
const ended = (text: string) =>
  /([。！？…!?.]|[。！？][”’）)]|[。！？]（[^（）]*）)$/.test(text) ? text : `${text}。`;
/**
 * A note worth retelling in prose: one that says something in Chinese, and not a formula or a
 * bare sign (“+1”, “=HYPERLINK(…)”) that a spreadsheet would run.
 */
const prose = (note: Note) =>
  /[\u3400-\u9fff]/.test(note.text) && !/^[=+\-@]/.test(note.text.trim());
/** Quoted inside “…”: its own double quotes become single ones, as Chinese nests them. */
const nested = (text: string) => text.replace(/“/g, '‘').replace(/”/g, '’');

const noteSource = (note: Note): BriefSource => `note:${note.id}`;

/**
 * The 会议信息 draft of a meeting, in the register of a district news report (seed/article.txt):
 * the lead (date, event, venue, who attended and spoke, who presided), one paragraph per theme
 * the exchange speeches shared, the figures and phrases the note-takers typed as 数据/金句 or
 * starred, with their speakers, and the leader's requirements. Every name, position and figure
 * is copied from the meeting's fields and notes; the wording around them is fixed.
 */
export function newsBriefModel(data: MeetingData, extract: KeyTermExtractor): NewsBrief {
  const { meeting, items, run } = data;
  const notes = data.notes.filter((n) => n.meetingId === meeting.id);
  const notesOf = (id: string) =>
    notes
      .filter((n) => n.itemId === id && n.kind !== 'action')
      .sort((a, b) => a.position - b.position);
  const spoke = (item: AgendaItem) =>
    run.itemRuns[item.id]?.status !== 'skipped' || notesOf(item.id).length > 0;
  const exchange = items.filter((i) => i.kind === 'exchange' && spoke(i));
  const leaders = items.filter((i) => i.kind === 'leader' && spoke(i) && i.speaker);
  const itemOf = new Map(items.map((i) => [i.id, i]));

  const themes = sharedThemes(
    exchange,
    notes.filter(prose),
    keyTermsOf(notes.filter(prose), extract),
  );
  const themed = new Set(themes.flatMap((t) => t.notes.map((n) => n.id)));
  const themeKeys = uniqueKeys(themes.map((t) => `theme:${t.term}`));
  const paragraphs: BriefParagraph[] = [
    { key: 'lead', kind: 'lead', sentences: leadSentences(data, exchange, leaders) },
    ...themes.map((theme, i): BriefParagraph => {
      const speakers = theme.itemIds.map((id) => itemOf.get(id) as AgendaItem);
      return {
        key: themeKeys[i] as string,
        kind: 'theme',
        sentences: [
          {
            text: `围绕“${nested(theme.term)}”，${speakers.map(shortName).join('、')}在发言中分别介绍了做法。`,
            sources: [...theme.notes.map(noteSource), ...speakers.flatMap(shortSources)],
          },
          ...theme.notes.map((note) => {
            const item = itemOf.get(note.itemId) as AgendaItem;
            return {
              text: `${shortName(item)}介绍，${ended(clause(note.text))}`,
              sources: [noteSource(note), ...shortSources(item)],
            };
          }),
        ],
      };
    }),
  ];

  const highlights = highlightNotes(exchange, notesOf, themed);
  if (highlights.length) {
    paragraphs.push({
      key: 'highlights',
      kind: 'highlights',
      sentences: highlights.map((note) => {
        const item = itemOf.get(note.itemId) as AgendaItem;
        const said =
          note.kind === 'quote'
            ? `${shortName(item)}说：“${nested(clause(note.text))}。”`
            : `${shortName(item)}介绍，${ended(clause(note.text))}`;
        return { text: said, sources: [noteSource(note), ...shortSources(item)] };
      }),
    });
  }
  for (const leader of leaders) {
    const points = notesOf(leader.id);
    if (!points.length) continue;
    paragraphs.push({
      key: `requirements:${leader.id}`,
      kind: 'requirements',
      sentences: [
        {
          text: `${leaderName(leader)}在讲话中要求，${points.map((p) => clause(p.text)).join('；')}。`,
          sources: [...leaderSources(leader), ...points.map(noteSource)],
        },
      ],
    });
  }

  const event: BriefSentence = { text: `${meeting.title}召开`, sources: ['meeting.title'] };
  const quote = headlineQuote(leaders, exchange, notesOf);
  const themeTerms = themes.map((t) => t.term);
  return quote
    ? {
        themeTerms,
        headline: { text: clause(quote.text).replace(/[，,]/g, ' '), sources: [noteSource(quote)] },
        subheading: event,
        paragraphs,
      }
    : { headline: event, subheading: null, paragraphs, themeTerms };
}

/** A term can head two themes (its other notes, once the first were used): `theme:X`, `theme:X#2`. */
function uniqueKeys(keys: string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((key) => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  });
}

/**
 * "2026年11月25日，…座谈会在区委大院第一会议室召开。区委书记张勇出席会议并讲话，戴斌主持会议。
 * 平湖街道党工委书记林一平、…先后作交流发言。"
 */
function leadSentences(
  { meeting }: MeetingData,
  exchange: AgendaItem[],
  leaders: AgendaItem[],
): BriefSentence[] {
  const venue = meeting.venue ? `在${meeting.venue}` : '';
  const out: BriefSentence[] = [
    {
      text: `${chineseDate(meeting.date)}，${meeting.title}${venue}召开。`,
      sources: ['meeting.date', 'meeting.title', ...(venue ? ['meeting.venue'] : [])],
    },
  ];
  const who = [
    ...(leaders.length
      ? [
          {
            text: `${leaders.map(leaderName).join('、')}出席会议并讲话`,
            sources: leaders.flatMap(leaderSources),
          },
        ]
      : []),
    ...(meeting.presider.trim()
      ? [
          {
            text: `${joinName(...meeting.presider.split(/\s+/))}主持会议`,
            sources: ['meeting.presider'],
          },
        ]
      : []),
  ];
  if (who.length) {
    out.push({
      text: `${who.map((w) => w.text).join('，')}。`,
      sources: who.flatMap((w) => w.sources),
    });
  }
  if (exchange.length) {
    out.push({
      text: `${exchange.map(fullName).join('、')}先后作交流发言。`,
      sources: exchange.flatMap(fullSources),
    });
  }
  return out;
}

/**
 * The figures and quotes to retell: 数据 and 金句 notes and starred notes that no theme retold,
 * starred first, then in agenda order; at most two a speaker, so one well-noted speech does not
 * fill the paragraph.
 */
function highlightNotes(
  exchange: AgendaItem[],
  notesOf: (id: string) => Note[],
  themed: ReadonlySet<string>,
): Note[] {
  const picked = exchange.flatMap((item) =>
    notesOf(item.id)
      .filter((n) => !themed.has(n.id) && (n.kind === 'figure' || n.kind === 'quote' || n.starred))
      .filter(prose)
      .sort((a, b) => Number(b.starred) - Number(a.starred) || a.position - b.position)
      .slice(0, HIGHLIGHTS_PER_SPEAKER),
  );
  const starredFirst = [...picked].sort((a, b) => Number(b.starred) - Number(a.starred));
  const kept = new Set(starredFirst.slice(0, MAX_HIGHLIGHTS).map((n) => n.id));
  return picked.filter((n) => kept.has(n.id));
}

/** A starred 金句 short enough for a headline, the leader's before a speaker's. */
function headlineQuote(
  leaders: AgendaItem[],
  exchange: AgendaItem[],
  notesOf: (id: string) => Note[],
): Note | undefined {
  return [...leaders, ...exchange]
    .flatMap((item) => notesOf(item.id))
    .find(
      (n) => n.kind === 'quote' && n.starred && [...clause(n.text)].length <= HEADLINE_QUOTE_MAX,
    );
}

/** The draft's text, paragraph by paragraph, as it is printed. */
export const paragraphText = (p: BriefParagraph) => p.sentences.map((s) => s.text).join('');
