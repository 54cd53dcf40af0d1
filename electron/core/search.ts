/** The words of a search: split on white space, repeats dropped. */
export function searchTerms(query: string): string[] {
  return [...new Set(query.trim().split(/\s+/).filter(Boolean))];
}

/**
 * Where the terms occur in a text, as [start, end) ranges merged where they touch, for the
 * screens to highlight without ever treating the text as markup.
 */
export function findMatches(text: string, terms: readonly string[]): [number, number][] {
  const lower = text.toLowerCase();
  const ranges: [number, number][] = [];
  for (const term of terms) {
    const needle = term.toLowerCase();
    if (!needle) continue;
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
      ranges.push([at, at + needle.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/**
 * The FTS5 expression for terms the trigram index can match (three characters or more), each
 * as a quoted string so nothing the user types is read as query syntax; null when no term is
 * long enough and the search must scan instead.
 */
export function trigramMatchExpression(terms: readonly string[]): string | null {
  const usable = terms.filter((t) => [...t].length >= 3);
  if (usable.length === 0) return null;
  return usable.map((t) => `"${t.replaceAll('"', '""')}"`).join(' AND ');
}

/** The texts a person is found by, as the meeting's list keeps them. */
export interface SearchablePerson {
  name: string;
  organization: string;
  /** Who comes in their place (代): found by that name too. */
  substitute: string;
}

export interface PersonMatch {
  name: [number, number][];
  organization: [number, number][];
  substitute: [number, number][];
}

/**
 * Where the terms occur in a person's name, organization and substitute, or null unless every
 * term occurs in one of them ("平湖 林" finds 林一平 of 平湖街道).
 */
export function matchPerson(
  person: SearchablePerson,
  terms: readonly string[],
): PersonMatch | null {
  const texts = [person.name, person.organization, person.substitute];
  const found = terms.every((term) =>
    texts.some((text) => text.toLowerCase().includes(term.toLowerCase())),
  );
  if (!found || terms.length === 0) return null;
  return {
    name: findMatches(person.name, terms),
    organization: findMatches(person.organization, terms),
    substitute: findMatches(person.substitute, terms),
  };
}
