import { createHash } from 'node:crypto';
import type { NewsBriefView } from '../api/news-brief.ts';
import { defaultNewsBriefEdits, placeEdits, type NewsBriefEdits } from '../core/news-brief.ts';
import type { MeetingData } from './meeting-data.ts';
import { joinName } from './minutes-model.ts';
import {
  newsBriefModel,
  paragraphText,
  type BriefParagraph,
  type NewsBrief,
} from './news-brief-model.ts';
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
 * The fingerprint of a paragraph's generated text: stored with an edit, it tells whether the
 * draft under the edit has changed since (a note added, changed or taken away).
 */
export const draftHash = (text: string) =>
  createHash('sha256').update(text, 'utf8').digest('base64url').slice(0, 22);

const keyed = (paragraphs: readonly BriefParagraph[]) =>
  paragraphs.map((p) => ({ key: p.key, draftHash: draftHash(paragraphText(p)) }));

/**
 * The draft with the organizer's edits laid over it, each on the paragraph its key names: an
 * edited paragraph becomes one sentence of the organizer's text that keeps the sources of the
 * paragraph it replaced, so the appendix 来源 still says what it was made from. An edit whose
 * paragraph is gone is printed only if the organizer kept it at the end, then with no source.
 */
export function withEdits(brief: NewsBrief, edits: NewsBriefEdits): NewsBrief {
  const { placed, orphans } = placeEdits(keyed(brief.paragraphs), edits.paragraphs);
  return {
    ...brief,
    headline: edits.headline ? { ...brief.headline, text: edits.headline } : brief.headline,
    paragraphs: [
      ...brief.paragraphs.map((paragraph, i) => {
        const edit = placed[i]?.edit;
        return edit
          ? {
              key: paragraph.key,
              kind: paragraph.kind,
              sentences: [
                { text: edit.text, sources: paragraph.sentences.flatMap((s) => s.sources) },
              ],
            }
          : paragraph;
      }),
      ...orphans
        .filter((edit) => edit.keepAtEnd)
        .map((edit): BriefParagraph => ({
          key: edit.key,
          kind: 'kept',
          sentences: [{ text: edit.text, sources: [] }],
        })),
    ],
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
  const edits = data.newsBriefEdits ?? { ...defaultNewsBriefEdits, paragraphs: [] };
  const paragraphs = brief.paragraphs.map((p) => {
    const text = paragraphText(p);
    // A generated draft has no 'kept' paragraph: those are the organizer's, added by withEdits.
    const kind = p.kind as Exclude<typeof p.kind, 'kept'>;
    return { key: p.key, kind, text, draftHash: draftHash(text) };
  });
  const { placed, orphans } = placeEdits(paragraphs, edits.paragraphs);
  return {
    meetingId: data.meeting.id,
    generated: {
      headline: brief.headline.text,
      subheading: brief.subheading?.text ?? '',
      paragraphs,
    },
    edits,
    placed,
    orphans,
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
