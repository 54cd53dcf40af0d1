import { z } from 'zod';
import { NOTE_KINDS, type Note } from '../core/notes.ts';
import { isoDate } from './meeting.ts';
import { revisionSchema } from './revision.ts';

export const noteKindSchema = z.enum(NOTE_KINDS);

export const noteSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  itemId: z.string(),
  kind: noteKindSchema,
  text: z.string(),
  starred: z.boolean(),
  position: z.number(),
  speechOffsetMs: z.number().nullable(),
  owner: z.string(),
  dueDate: z.string().nullable(),
  author: z.string(),
  version: z.number(),
  createdAt: z.number(),
  updatedAt: z.number(),
}) satisfies z.ZodType<Note>;
export type { Note };

// The limits of a note's fields, wherever a note comes from (a request or a meeting file).
export const noteText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(10_000, 'at most 10,000 characters');
export const noteOwner = z.string().trim().max(60, 'at most 60 characters');
export const noteAuthor = z.string().trim().max(60, 'at most 60 characters');

export const createNoteInput = z
  .object({
    id: z.string().min(1),
    itemId: z.string().min(1),
    kind: noteKindSchema,
    text: noteText,
    starred: z.boolean().optional(),
    owner: noteOwner.optional(),
    dueDate: isoDate.nullable().optional(),
    author: noteAuthor.optional(),
  })
  .strict();

/**
 * Note lists come in pages: a meeting may hold 50,000 notes (13 MB of JSON), too much for one
 * answer. Without `limit` a page holds NOTES_PAGE_MAX notes; `nextCursor` of an answer, passed
 * back as `cursor`, gives the next page, until it is null.
 */
export const NOTES_PAGE_MAX = 1000;
const notePageInput = {
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(NOTES_PAGE_MAX, `at most ${NOTES_PAGE_MAX}`).optional(),
};
export const notesPageSchema = z.object({
  notes: z.array(noteSchema),
  /** Where the next page starts; null on the last page. */
  nextCursor: z.string().nullable(),
  /**
   * What the page read includes: every note change announced up to it. A screen reloading the
   * notes brings the pages up to the changes it heard meanwhile (renderer/api/noteChanges.ts).
   */
  revision: revisionSchema,
});
export type NotesPage = z.infer<typeof notesPageSchema>;

export const listItemNotesInput = z
  .object({ id: z.string().min(1), itemId: z.string().min(1), ...notePageInput })
  .strict();
export const listMeetingNotesInput = z.object({ id: z.string().min(1), ...notePageInput }).strict();

export const updateNoteInput = z
  .object({
    noteId: z.string().min(1),
    kind: noteKindSchema.optional(),
    text: noteText.optional(),
    starred: z.boolean().optional(),
    owner: noteOwner.optional(),
    dueDate: isoDate.nullable().optional(),
    author: noteAuthor.optional(),
    /** Moves the note to another speaker (appended there). */
    itemId: z.string().min(1).optional(),
    /** Places the note just before this one (same item); null: at the end. */
    beforeNoteId: z.string().min(1).nullable().optional(),
    /** The version the editor started from: a newer one on the server is overwritten, and said so. */
    baseVersion: z.number().int().optional(),
  })
  .strict();

export const noteRefInput = z.object({ noteId: z.string().min(1) }).strict();

export const searchInput = z
  .object({
    q: z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters'),
    kind: noteKindSchema.optional(),
    meetingId: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .strict();

export const searchResultSchema = z.object({
  meetingId: z.string(),
  meetingTitle: z.string(),
  meetingDate: z.string(),
  itemId: z.string(),
  /** The speaker's organization and name, or the item's title. */
  itemHeadline: z.string(),
  noteId: z.string(),
  kind: noteKindSchema,
  text: z.string(),
  /** [start, end) ranges of `text` that matched, to highlight. */
  highlights: z.array(z.tuple([z.number(), z.number()])),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
export type NoteKind = z.infer<typeof noteKindSchema>;

export { formatSpeechOffset, parseNotePrefix, sortNotes } from '../core/notes.ts';
