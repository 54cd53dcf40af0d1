import type { NewsBriefView, UpdateNewsBriefInput } from '../../../electron/api/news-brief.ts';

type ParagraphEdit = NewsBriefView['orphans'][number];

/** What the organizer sees in each box: the edit where there is one, the draft elsewhere. */
export interface BriefTexts {
  headline: string;
  /** One box per paragraph of the draft, in its order. */
  paragraphs: string[];
  /**
   * Per paragraph: the organizer has seen that the draft under their edit changed and keeps
   * the edit; saved, it is no longer flagged.
   */
  accepted: boolean[];
  /** Edits whose paragraph is gone from the draft, still kept; a discarded one leaves the list. */
  orphans: ParagraphEdit[];
  findingOn: boolean;
  finding: string;
}

export function textsOf(view: NewsBriefView): BriefTexts {
  const { generated, edits, placed } = view;
  return {
    headline: edits.headline ?? generated.headline,
    paragraphs: generated.paragraphs.map((p, i) => placed[i]?.edit.text ?? p.text),
    accepted: generated.paragraphs.map(() => false),
    orphans: view.orphans,
    findingOn: edits.minutesFinding !== '',
    finding: edits.minutesFinding || view.minutesFindingDraft,
  };
}

/** The draft changed under a stored edit the box still shows, and the organizer has not said. */
export const draftChangedUnder = (view: NewsBriefView, texts: BriefTexts, i: number): boolean => {
  const held = view.placed[i];
  return (
    !!held?.draftChanged &&
    !texts.accepted[i] &&
    (texts.paragraphs[i] ?? '').trim() === held.edit.text
  );
};

/**
 * The edits to store: only what differs from the draft, each under its paragraph's key, so a
 * box left as drafted follows the notes when they change and an edit stays with its paragraph
 * whatever the notes add or drop; a box emptied goes back to the draft. An edit kept as it was
 * keeps the fingerprint of the draft it was written over (still flagged if that changed), unless
 * the organizer accepted it; a new text is written over the draft shown now. The .md's 来源
 * switch is the export menu's, so it is not sent from here.
 */
export function editsOf(
  view: NewsBriefView,
  texts: BriefTexts,
): Omit<UpdateNewsBriefInput, 'id' | 'withSources'> {
  const changed = (text: string, drafted: string) =>
    text.trim() && text.trim() !== drafted ? text.trim() : null;
  const paragraphs = view.generated.paragraphs.flatMap((p, i) => {
    const text = changed(texts.paragraphs[i] ?? '', p.text);
    if (text === null) return [];
    const held = view.placed[i]?.edit;
    const keepsHash = held && held.text === text && !texts.accepted[i];
    return [
      { key: p.key, text, draftHash: keepsHash ? held.draftHash : p.draftHash, keepAtEnd: false },
    ];
  });
  const keys = new Set(paragraphs.map((p) => p.key));
  // An edit stored by place before keys existed, kept here as one whose paragraph is gone, must
  // not take the paragraph at its place next time: it is stored as gone.
  const orphans = texts.orphans
    .map((o) => (o.key.startsWith('position:') ? { ...o, key: `gone:${o.key.slice(9)}` } : o))
    .filter((o) => !keys.has(o.key));
  return {
    headline: changed(texts.headline, view.generated.headline),
    paragraphs: [...paragraphs, ...orphans],
    minutesFinding: texts.findingOn ? texts.finding.trim() : '',
  };
}

/**
 * The view as the server will lay the edits just saved on the same draft: editsOf stored each
 * under the key of the paragraph it was typed in, so an edit is placed by its key alone.
 */
export function withSavedEdits(view: NewsBriefView, edits: NewsBriefView['edits']): NewsBriefView {
  const byKey = new Map(edits.paragraphs.map((e) => [e.key, e]));
  const keys = new Set(view.generated.paragraphs.map((p) => p.key));
  return {
    ...view,
    edits,
    placed: view.generated.paragraphs.map((p) => {
      const edit = byKey.get(p.key);
      return edit ? { edit, draftChanged: edit.draftHash !== p.draftHash } : null;
    }),
    orphans: edits.paragraphs.filter((e) => !keys.has(e.key)),
  };
}
