import type { NewsBriefView } from '../../../electron/api/news-brief.ts';

/** What the organizer sees in each box: the edit where there is one, the draft elsewhere. */
export interface BriefTexts {
  headline: string;
  paragraphs: string[];
  withSources: boolean;
  findingOn: boolean;
  finding: string;
}

export function textsOf(view: NewsBriefView): BriefTexts {
  const { generated, edits } = view;
  return {
    headline: edits.headline ?? generated.headline,
    paragraphs: generated.paragraphs.map((p, i) => edits.paragraphs[i] ?? p.text),
    withSources: edits.withSources,
    findingOn: edits.minutesFinding !== '',
    finding: edits.minutesFinding || view.minutesFindingDraft,
  };
}

/**
 * The edits to store: only what differs from the draft, so a box left as drafted follows the
 * notes when they change; a box emptied goes back to the draft.
 */
export function editsOf(view: NewsBriefView, texts: BriefTexts): NewsBriefView['edits'] {
  const changed = (text: string, drafted: string) =>
    text.trim() && text.trim() !== drafted ? text.trim() : null;
  const paragraphs = view.generated.paragraphs.map((p, i) =>
    changed(texts.paragraphs[i] ?? '', p.text),
  );
  while (paragraphs.length && paragraphs.at(-1) === null) paragraphs.pop();
  return {
    headline: changed(texts.headline, view.generated.headline),
    paragraphs,
    withSources: texts.withSources,
    minutesFinding: texts.findingOn ? texts.finding.trim() : '',
  };
}
