import { z } from 'zod';
import { detail } from '../api/error-reasons.ts';
import { NOTES_PAGE_MAX, type NotesPage } from '../api/notes.ts';
import type { Revision } from '../api/revision.ts';
import type { NoteListPosition, NotePage } from '../store/notes.ts';
import { invalidInput } from './errors.ts';

/**
 * The cursor of a note list: where the previous page ended, as the client hands it back. Opaque
 * to clients (base64url of JSON), checked like any input: a forged one can only pick a place in
 * a list the caller may read anyway.
 */
const cursorSchema = z
  .object({ r: z.number().int().min(0), s: z.boolean(), p: z.number() })
  .strict();

export function readCursor(cursor: string | undefined): NoteListPosition | null {
  if (cursor === undefined) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const parsed = cursorSchema.safeParse(decoded);
  if (!parsed.success) {
    throw invalidInput('cursor', 'not a cursor this server gave', detail('notes.badCursor'));
  }
  return { rowid: parsed.data.r, starred: parsed.data.s, position: parsed.data.p };
}

function writeCursor(last: NoteListPosition): string {
  const json = JSON.stringify({ r: last.rowid, s: last.starred, p: last.position });
  return Buffer.from(json, 'utf8').toString('base64url');
}

/** One page of a note list as the API answers it, read at `revision`. */
export function notesPage(page: NotePage, revision: Revision): NotesPage {
  return { notes: page.notes, nextCursor: page.last && writeCursor(page.last), revision };
}

export const pageLimit = (limit: number | undefined) => limit ?? NOTES_PAGE_MAX;
