import type { NewsBriefView } from '../api/news-brief.ts';
import { defaultNewsBriefEdits, type NewsBriefEdits } from '../core/news-brief.ts';
import type { MeetingData } from './meeting-data.ts';
import { joinName } from './minutes-model.ts';
import { newsBriefModel, paragraphText, type NewsBrief } from './news-brief-model.ts';
import { keyTermsOf, speakerCoverage, type KeyTermExtractor } from './news-themes.ts';

/** "“党支部”“网格”": the themes as a 纪要 lists them. */
const quotedTerms = (terms: string[]) => terms.map((t) => `“${t}”`).join('');

/**
 * The minutes' 会议认为 paragraph as drafted from the themes the speeches shared; '' when they
 * shared none. Only the themes' own terms: what the meeting concluded beyond that is the
 * secretary's to write.
 */
export const minutesFindingDraft = (brief: NewsBrief): string =>
  brief.themeTerms.length
    ? `会议认为，交流发言围绕${quotedTerms(brief.themeTerms)}等方面介绍了经验做法。`
    : '';

/**
 * The draft with the organizer's edits laid over it: an edited paragraph becomes one sentence
 * of the organizer's text that keeps the sources of the paragraph it replaced, so the appendix
 * 来源 still says what it was made from.
 */
export function withEdits(brief: NewsBrief, edits: NewsBriefEdits): NewsBrief {
  return {
    ...brief,
    headline: edits.headline ? { ...brief.headline, text: edits.headline } : brief.headline,
    paragraphs: brief.paragraphs.map((paragraph, i) => {
      const text = edits.paragraphs[i];
      return text
        ? {
            kind: paragraph.kind,
            sentences: [{ text, sources: paragraph.sentences.flatMap((s) => s.sources) }],
          }
        : paragraph;
    }),
  };
}

/** The draft as the export prints it: generated from the meeting, with its stored edits. */
export function editedNewsBrief(data: MeetingData, extract: KeyTermExtractor): NewsBrief {
  return withEdits(newsBriefModel(data, extract), data.newsBriefEdits ?? defaultNewsBriefEdits);
}

/** What the console shows to edit: the draft as generated, the edits, and the coverage. */
export function newsBriefView(data: MeetingData, extract: KeyTermExtractor): NewsBriefView {
  const brief = newsBriefModel(data, extract);
  const items = new Map(data.items.map((i) => [i.id, i]));
  const notes = data.notes.filter((n) => n.meetingId === data.meeting.id);
  const coverage = speakerCoverage(data.items, notes, keyTermsOf(notes, extract));
  return {
    meetingId: data.meeting.id,
    generated: {
      headline: brief.headline.text,
      subheading: brief.subheading?.text ?? '',
      paragraphs: brief.paragraphs.map((p) => ({ kind: p.kind, text: paragraphText(p) })),
    },
    edits: data.newsBriefEdits ?? { ...defaultNewsBriefEdits, paragraphs: [] },
    minutesFindingDraft: minutesFindingDraft(brief),
    coverage: coverage.map((c) => {
      const item = items.get(c.itemId);
      return {
        itemId: c.itemId,
        speaker: item ? joinName(item.organization, item.speaker) || item.title : c.itemId,
        noteCount: c.noteCount,
        thin: c.thin,
        capturedTwice: c.capturedTwice.map(({ notes: [a, b], terms }) => ({
          noteIds: [a.id, b.id] as [string, string],
          texts: [a.text, b.text] as [string, string],
          authors: [a.author, b.author] as [string, string],
          terms,
        })),
      };
    }),
  };
}
