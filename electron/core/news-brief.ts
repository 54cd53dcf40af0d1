/**
 * What the organizer changed of a meeting's 会议信息 draft, and the minutes' 会议认为 paragraph
 * (issue 17). The draft itself is made afresh from the notes at each export; these edits are laid
 * over it, so a note added after the edit still reaches the paragraphs nobody touched.
 */
export interface NewsBriefEdits {
  /** The headline as the organizer wrote it; null keeps the generated one. */
  headline: string | null;
  /**
   * Paragraph by paragraph, in the draft's order: the organizer's text, or null for the
   * generated one. Shorter than the draft when the last paragraphs were not touched.
   */
  paragraphs: (string | null)[];
  /** The .md's appendix 来源, sentence by sentence. */
  withSources: boolean;
  /**
   * The minutes' 会议认为 paragraph as the secretary accepted or edited it; '' leaves it out
   * (the default: the minutes are as they were without it).
   */
  minutesFinding: string;
}

export const defaultNewsBriefEdits: NewsBriefEdits = {
  headline: null,
  paragraphs: [],
  withSources: true,
  minutesFinding: '',
};
