/** One page of a note list, as the server answers it. */
export interface Page<T> {
  notes: T[];
  nextCursor: string | null;
}

/**
 * Every note of a list the server answers in pages (at most NOTES_PAGE_MAX each, see
 * electron/api/notes.ts): the pages are followed until the last. A note edited between two
 * pages may come twice; the later copy is kept. What changes meanwhile arrives as events.
 */
export async function loadEveryPage<T extends { id: string }>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
): Promise<T[]> {
  const byId = new Map<string, T>();
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    for (const note of page.notes) byId.set(note.id, note);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return [...byId.values()];
}
