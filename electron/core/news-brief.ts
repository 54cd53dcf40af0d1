/**
 * What the organizer changed of a meeting's 会议信息 draft, and the minutes' 会议认为 paragraph
 * (issue 17). The draft itself is made afresh from the notes at each export; these edits are laid
 * over it, so a note added after the edit still reaches the paragraphs nobody touched.
 */
export interface NewsBriefEdits {
  /** The headline as the organizer wrote it; null keeps the generated one. */
  headline: string | null;
  /**
   * The paragraphs the organizer rewrote, each by what its paragraph is (see ParagraphEdit.key),
   * not by its place: a note that adds, drops or reorders a theme moves no edit to another one.
   */
  paragraphs: ParagraphEdit[];
  /** The .md's appendix 来源, sentence by sentence. */
  withSources: boolean;
  /**
   * The minutes' 会议认为 paragraph as the secretary accepted or edited it; '' leaves it out
   * (the default: the minutes are as they were without it).
   */
  minutesFinding: string;
}

/** One rewritten paragraph of the draft. */
export interface ParagraphEdit {
  /**
   * What the paragraph is, as the draft names it: `lead`, `theme:<its term>`, `highlights`,
   * `requirements:<the leader's item id>`. Edits stored before keys existed read as
   * `position:<n>` (see legacyParagraphEdits); one of those kept when its place was gone is
   * saved again as `gone:<n>`, which names no paragraph.
   */
  key: string;
  /** The organizer's text. */
  text: string;
  /** The fingerprint of the draft's text the edit was written over; '' when not known. */
  draftHash: string;
  /** When its paragraph is gone from the draft: printed after the draft's paragraphs. */
  keepAtEnd: boolean;
}

export const defaultNewsBriefEdits: NewsBriefEdits = {
  headline: null,
  paragraphs: [],
  withSources: true,
  minutesFinding: '',
};

/** The key under which an edit stored by its place is kept until the organizer saves again. */
export const POSITION_KEY = 'position:';

/**
 * Edits stored before paragraphs had keys: an array of the organizer's texts by place, null for
 * a paragraph left as drafted. The lead was always the first paragraph; any other place may hold
 * a different paragraph now, so it is matched by place and shown as changed, to be checked.
 */
export function legacyParagraphEdits(texts: readonly (string | null)[]): ParagraphEdit[] {
  return texts.flatMap((text, i) =>
    text === null
      ? []
      : [{ key: i === 0 ? 'lead' : `${POSITION_KEY}${i}`, text, draftHash: '', keepAtEnd: false }],
  );
}

/** A paragraph of the draft as generated: what it is, and the fingerprint of its text. */
export interface KeyedParagraph {
  key: string;
  draftHash: string;
}

export interface PlacedEdit {
  edit: ParagraphEdit;
  /** The draft's text is not the one the edit was written over: the organizer should look. */
  draftChanged: boolean;
}

/**
 * Lays the edits on the draft's paragraphs by key. An edit whose paragraph is no longer in the
 * draft is an orphan: kept, never laid on another paragraph. An edit by place (from before keys)
 * takes the paragraph at that place when no edit names that paragraph by key.
 */
export function placeEdits(
  paragraphs: readonly KeyedParagraph[],
  edits: readonly ParagraphEdit[],
): { placed: (PlacedEdit | null)[]; orphans: ParagraphEdit[] } {
  const byKey = new Map<string, ParagraphEdit>();
  const orphans: ParagraphEdit[] = [];
  for (const edit of edits) {
    if (byKey.has(edit.key)) orphans.push(edit);
    else byKey.set(edit.key, edit);
  }
  const used = new Set<string>();
  const placed = paragraphs.map((paragraph, i): PlacedEdit | null => {
    const edit = byKey.get(paragraph.key) ?? byKey.get(`${POSITION_KEY}${i}`);
    if (!edit || used.has(edit.key)) return null;
    used.add(edit.key);
    return { edit, draftChanged: edit.draftHash !== paragraph.draftHash };
  });
  for (const edit of byKey.values()) if (!used.has(edit.key)) orphans.push(edit);
  return { placed, orphans };
}
