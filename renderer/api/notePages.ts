import type { Revision } from '../../electron/api/revision.ts';

/** One page of a note list, as the server answers it. */
export interface Page<T> {
  notes: T[];
  nextCursor: string | null;
  revision: Revision;
}

/** Every note of a list, and the revision of its first page: it includes every change before. */
export interface LoadedNotes<T> {
  notes: T[];
  revision: Revision;
}

/**
 * Every note of a list the server answers in pages (at most NOTES_PAGE_MAX each, see
 * electron/api/notes.ts): the pages are followed until the last. A note edited between two
 * pages may come twice; the later copy is kept. What changes meanwhile arrives as events; the
 * first page's revision, the earliest read, says which of them the list may lack.
 */
export async function loadEveryPage<T extends { id: string }>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
): Promise<LoadedNotes<T>> {
  const byId = new Map<string, T>();
  let revision: Revision | undefined;
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    revision ??= page.revision;
    for (const note of page.notes) byId.set(note.id, note);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return { notes: [...byId.values()], revision: revision as Revision };
}
