import type { AgendaItem } from '../core/agenda.ts';
import type { Note } from '../core/notes.ts';

/**
 * A note's key terms, most telling first: TF-IDF or TextRank over a Chinese word cut. Passed in,
 * so the grouping below is tested with a fake and the export uses jieba (jieba-terms.ts).
 */
export type KeyTermExtractor = (text: string, count: number) => string[];

/** How many key terms of each note are compared: more finds more themes, and looser ones. */
export const TERMS_PER_NOTE = 6;
/** A news brief keeps to a few themes; the rest is in the minutes. */
export const MAX_THEMES = 3;

/** A point that speeches of different speakers shared: the term, and their notes that name it. */
export interface SharedTheme {
  term: string;
  /** The speakers' items, in agenda order, at least two. */
  itemIds: string[];
  /** One note per item, the first taken of those naming the term. */
  notes: Note[];
}

/** What notes say about a speech's content: not the action items, which are the meeting's own. */
const isContent = (note: Note) => note.kind !== 'action';

/** Every content note's key terms, by note id. */
export function keyTermsOf(
  notes: readonly Note[],
  extract: KeyTermExtractor,
  count = TERMS_PER_NOTE,
): Map<string, string[]> {
  return new Map(notes.filter(isContent).map((n) => [n.id, extract(n.text, count)]));
}

/**
 * The themes the exchange speeches shared: a key term that notes of at least two different
 * speakers have. The term shared by the most speakers comes first (a longer term before a shorter
 * one on a tie, as the more specific); each note serves one theme only, so two themes never
 * retell the same note, and a term left with fewer than two speakers is no theme.
 */
export function sharedThemes(
  items: readonly AgendaItem[],
  notes: readonly Note[],
  termsByNote: ReadonlyMap<string, string[]>,
  max = MAX_THEMES,
): SharedTheme[] {
  const order = new Map(items.map((item, i) => [item.id, i]));
  const speakers = new Set(items.filter((i) => i.kind === 'exchange').map((i) => i.id));
  const candidates = notes
    .filter((n) => speakers.has(n.itemId) && termsByNote.has(n.id))
    .sort(
      (a, b) => (order.get(a.itemId) ?? 0) - (order.get(b.itemId) ?? 0) || a.position - b.position,
    );
  const used = new Set<string>();
  const themes: SharedTheme[] = [];
  while (themes.length < max) {
    const byTerm = new Map<string, Map<string, Note>>();
    for (const note of candidates) {
      if (used.has(note.id)) continue;
      for (const term of new Set(termsByNote.get(note.id))) {
        const perItem = byTerm.get(term) ?? new Map<string, Note>();
        if (!perItem.has(note.itemId)) perItem.set(note.itemId, note);
        byTerm.set(term, perItem);
      }
    }
    const best = [...byTerm.entries()]
      .filter(([, perItem]) => perItem.size >= 2)
      .sort(
        ([a, x], [b, y]) =>
          y.size - x.size || [...b].length - [...a].length || (a < b ? -1 : a > b ? 1 : 0),
      )[0];
    if (!best) break;
    const [term, perItem] = best;
    const chosen = [...perItem.values()];
    chosen.forEach((n) => used.add(n.id));
    themes.push({ term, itemIds: chosen.map((n) => n.itemId), notes: chosen });
  }
  return themes;
}

/** Fewer notes than this for a speech that was given, and its notes are called thin. */
export const THIN_NOTES = 2;

/** Points captured twice listed per speaker at most: the coverage view shows a few, not all. */
export const MAX_PAIRS = 5;

/** How well one speaker's speech was noted. */
export interface SpeakerCoverage {
  itemId: string;
  noteCount: number;
  thin: boolean;
  /** Points two note-takers both captured: pairs of notes by different authors sharing a term. */
  capturedTwice: { notes: [Note, Note]; terms: string[] }[];
}

/** Per speaker (exchange and leader items, in agenda order): how much was noted, by whom. */
export function speakerCoverage(
  items: readonly AgendaItem[],
  notes: readonly Note[],
  termsByNote: ReadonlyMap<string, string[]>,
): SpeakerCoverage[] {
  return items
    .filter((item) => item.kind === 'exchange' || item.kind === 'leader')
    .map((item) => {
      const own = notes
        .filter((n) => n.itemId === item.id && isContent(n))
        .sort((a, b) => a.position - b.position);
      const capturedTwice: SpeakerCoverage['capturedTwice'] = [];
      // Pairs grow with the square of a speech's notes: the first few say enough.
      pairs: for (const [i, a] of own.entries()) {
        for (const b of own.slice(i + 1)) {
          // A note without a name may be by either: not known to be a second note-taker.
          if (a.author === b.author || !a.author.trim() || !b.author.trim()) continue;
          const theirs = new Set(termsByNote.get(b.id));
          const terms = (termsByNote.get(a.id) ?? []).filter((t) => theirs.has(t));
          if (terms.length) capturedTwice.push({ notes: [a, b], terms });
          if (capturedTwice.length === MAX_PAIRS) break pairs;
        }
      }
      return {
        itemId: item.id,
        noteCount: own.length,
        thin: own.length < THIN_NOTES,
        capturedTwice,
      };
    });
}
