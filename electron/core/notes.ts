/** What a note-taker records about a speech. */
export const NOTE_KINDS = ['takeaway', 'insight', 'figure', 'quote', 'problem', 'action'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export interface Note {
  id: string;
  meetingId: string;
  itemId: string;
  kind: NoteKind;
  text: string;
  starred: boolean;
  /** Order within the item; fractional so a move writes one row. */
  position: number;
  /** How far into the speech it was written, or null when no clock ran for that item. */
  speechOffsetMs: number | null;
  /** Action items: who does it and by when (YYYY-MM-DD). */
  owner: string;
  dueDate: string | null;
  /** Who wrote or last changed it (the note-taker's name on that device). */
  author: string;
  /** Bumped on every change, so an edit based on an older version can be told. */
  version: number;
  createdAt: number;
  updatedAt: number;
}

/**
 * The prefixes note-takers type in Chinese (and their initials in English): "数据：65个" is a
 * key figure "65个". Both the full-width and the ASCII colon work.
 */
const PREFIXES: [RegExp, NoteKind][] = [
  [/^(干货|takeaway|t)\s*[:：]\s*/i, 'takeaway'],
  [/^(心得|insight|i)\s*[:：]\s*/i, 'insight'],
  [/^(数据|figure|f)\s*[:：]\s*/i, 'figure'],
  [/^(金句|quote|q)\s*[:：]\s*/i, 'quote'],
  [/^(问题|problem|p)\s*[:：]\s*/i, 'problem'],
  [/^(行动|action|a)\s*[:：]\s*/i, 'action'],
];

export function parseNotePrefix(input: string): { kind: NoteKind | null; text: string } {
  for (const [pattern, kind] of PREFIXES) {
    const match = pattern.exec(input);
    if (match) return { kind, text: input.slice(match[0].length) };
  }
  return { kind: null, text: input };
}

/** "03:12": minutes and seconds into the speech. */
export function formatSpeechOffset(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** A position between two neighbours (either may be missing), for one-row moves. */
export function positionBetween(before: number | undefined, after: number | undefined): number {
  if (before === undefined && after === undefined) return 1;
  if (before === undefined) return (after as number) - 1;
  if (after === undefined) return before + 1;
  return (before + after) / 2;
}

/** Starred first, then the order the note-takers gave. */
export function sortNotes(notes: readonly Note[]): Note[] {
  return [...notes].sort(
    (a, b) => Number(b.starred) - Number(a.starred) || a.position - b.position,
  );
}
