import type { MethodOutput, MethodParsedInput } from '../api/contract.ts';
import { detail } from '../api/error-reasons.ts';
import { itemHeadline } from '../core/agenda.ts';
import { elapsedMs } from '../core/clock.ts';
import { positionBetween, type Note } from '../core/notes.ts';
import { findMatches, searchTerms, trigramMatchExpression } from '../core/search.ts';
import type { ServiceContext } from './context.ts';
import { invalidInput, notFound } from './errors.ts';
import { notesPage, pageLimit, readCursor } from './note-pages.ts';
import { currentRevision, raiseRevision } from './revisions.ts';

function itemOf(ctx: ServiceContext, meetingId: string, itemId: string) {
  const held = ctx.store.hot.meetingRun(meetingId);
  if (!held) throw notFound('meeting', meetingId);
  const item = held.items.find((i) => i.id === itemId);
  // A note for an item that was deleted meanwhile is bad input, not a missing route.
  if (!item)
    throw invalidInput(
      'itemId',
      `agenda item ${itemId} is not on this meeting's agenda (deleted?)`,
      detail('notes.itemGone'),
    );
  return item;
}

/** One page of an item's notes, starred first, then in order. */
export function listItemNotes(ctx: ServiceContext, input: MethodParsedInput<'notes.listForItem'>) {
  itemOf(ctx, input.id, input.itemId);
  const after = readCursor(input.cursor);
  const page = ctx.store.notes.pageForItem(input.itemId, after, pageLimit(input.limit));
  return notesPage(page, currentRevision(ctx));
}

/** One page of a meeting's notes, in the order they were written. */
export function listMeetingNotes(
  ctx: ServiceContext,
  input: MethodParsedInput<'notes.listForMeeting'>,
) {
  if (!ctx.store.meetings.get(input.id)) throw notFound('meeting', input.id);
  const after = readCursor(input.cursor);
  const page = ctx.store.notes.pageForMeeting(input.id, after, pageLimit(input.limit));
  return notesPage(page, currentRevision(ctx));
}

/** Answers only after the commit: a note the screen shows as saved is on disk. */
export function createNote(ctx: ServiceContext, input: MethodParsedInput<'notes.create'>): Note {
  const note = ctx.store.transaction(() => {
    itemOf(ctx, input.id, input.itemId);
    const now = ctx.now();
    const clock = ctx.store.hot.meetingRun(input.id)?.run.state.clock ?? null;
    const created: Note = {
      id: ctx.newId(),
      meetingId: input.id,
      itemId: input.itemId,
      kind: input.kind,
      text: input.text,
      starred: input.starred ?? false,
      position: ctx.store.notes.nextPosition(input.itemId),
      speechOffsetMs: clock && clock.itemId === input.itemId ? elapsedMs(clock, now) : null,
      owner: input.owner ?? '',
      dueDate: input.dueDate ?? null,
      author: input.author ?? '',
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    ctx.store.notes.save(created);
    return created;
  });
  ctx.emit({ kind: 'note.saved', note, revision: raiseRevision(ctx) });
  return note;
}

function existingNote(ctx: ServiceContext, noteId: string) {
  const note = ctx.store.notes.get(noteId);
  if (!note) throw notFound('note', noteId);
  return note;
}

/**
 * Concurrent edits of different notes touch different rows and never collide. Two edits of the
 * same note: the later one is kept, and `overwroteNewer` tells its author that they replaced a
 * version they had not seen (the other note-taker sees the new text arrive live).
 */
export function updateNote(
  ctx: ServiceContext,
  input: MethodParsedInput<'notes.update'>,
): MethodOutput<'notes.update'> {
  const { noteId, baseVersion, beforeNoteId, itemId, ...fields } = input;
  const outcome = ctx.store.transaction(() => {
    const { deleted, ...current } = existingNote(ctx, noteId);
    if (deleted) throw notFound('note', noteId);
    const targetItem = itemId ?? current.itemId;
    if (itemId !== undefined) itemOf(ctx, current.meetingId, itemId);
    let position = current.position;
    if (itemId !== undefined && itemId !== current.itemId) {
      position = ctx.store.notes.nextPosition(itemId);
    }
    if (beforeNoteId !== undefined) {
      const siblings = ctx.store.notes.listForItem(targetItem).filter((n) => n.id !== noteId);
      const at =
        beforeNoteId === null ? siblings.length : siblings.findIndex((n) => n.id === beforeNoteId);
      if (at < 0) {
        const message = `note ${beforeNoteId} is not beside this one`;
        throw invalidInput('beforeNoteId', message, detail('notes.notBeside'));
      }
      position = positionBetween(siblings[at - 1]?.position, siblings[at]?.position);
    }
    const next: Note = {
      ...current,
      ...fields,
      itemId: targetItem,
      position,
      version: current.version + 1,
      updatedAt: ctx.now(),
    };
    ctx.store.notes.save(next);
    return {
      note: next,
      overwroteNewer: baseVersion !== undefined && baseVersion < current.version,
    };
  });
  ctx.emit({ kind: 'note.saved', note: outcome.note, revision: raiseRevision(ctx) });
  return outcome;
}

export function deleteNote(ctx: ServiceContext, input: { noteId: string }) {
  const note = ctx.store.transaction(() => {
    const { deleted, ...current } = existingNote(ctx, input.noteId);
    if (deleted) throw notFound('note', input.noteId);
    ctx.store.notes.markDeleted(current.id, ctx.now());
    return current;
  });
  ctx.emit({ kind: 'note.deleted', note, revision: raiseRevision(ctx) });
  return { note };
}

/** Undo of a delete: the note comes back where it was. */
export function restoreNote(ctx: ServiceContext, input: { noteId: string }) {
  const note = ctx.store.transaction(() => {
    const { deleted: _deleted, ...current } = existingNote(ctx, input.noteId);
    itemOf(ctx, current.meetingId, current.itemId);
    const restored = { ...current, version: current.version + 1, updatedAt: ctx.now() };
    ctx.store.notes.save(restored);
    return restored;
  });
  ctx.emit({ kind: 'note.saved', note, revision: raiseRevision(ctx) });
  return { note };
}

export function searchNotes(
  ctx: ServiceContext,
  input: MethodParsedInput<'notes.search'>,
): MethodOutput<'notes.search'> {
  const terms = searchTerms(input.q);
  const limit = input.limit ?? 50;
  const joined = terms.join('');
  const typed = input.q.trim();
  // The words together (as typed, or run together the Chinese way) rank first.
  const phrases = terms.length > 1 ? [...new Set([typed, joined])] : [];
  const allTerms = trigramMatchExpression(terms);
  // Without a term of three characters the index cannot help: scan instead.
  const matches = allTerms
    ? [...phrases.map((p) => trigramMatchExpression([p])).filter((m) => m !== null), allTerms]
    : [];
  const isExact = (text: string) => phrases.some((p) => text.includes(p));
  const rows = ctx.store.notes
    .search({
      matches,
      scanTerm: terms.reduce((a, b) => ([...b].length > [...a].length ? b : a), ''),
      kind: input.kind ?? null,
      meetingId: input.meetingId ?? null,
      // Enough candidates that filters by kind or meeting still fill a page.
      cap: Math.max(400, limit * 8),
    })
    // The index narrows by the longer terms; every term must still occur in a result.
    .filter((row) => terms.every((t) => row.note.text.toLowerCase().includes(t.toLowerCase())))
    .sort((a, b) => Number(isExact(b.note.text)) - Number(isExact(a.note.text)))
    .slice(0, limit);
  return {
    results: rows.map((row) => ({
      meetingId: row.note.meetingId,
      meetingTitle: row.meetingTitle,
      meetingDate: row.meetingDate,
      itemId: row.note.itemId,
      itemHeadline: itemHeadline(row.itemHeadline),
      noteId: row.note.id,
      kind: row.note.kind,
      text: row.note.text,
      highlights: findMatches(row.note.text, terms),
    })),
  };
}

export const noteHandlers = (ctx: ServiceContext) => ({
  'notes.listForItem': (input: MethodParsedInput<'notes.listForItem'>) => listItemNotes(ctx, input),
  'notes.listForMeeting': (input: MethodParsedInput<'notes.listForMeeting'>) =>
    listMeetingNotes(ctx, input),
  'notes.create': (input: MethodParsedInput<'notes.create'>) => createNote(ctx, input),
  'notes.update': (input: MethodParsedInput<'notes.update'>) => updateNote(ctx, input),
  'notes.delete': (input: { noteId: string }) => deleteNote(ctx, input),
  'notes.restore': (input: { noteId: string }) => restoreNote(ctx, input),
  'notes.search': (input: MethodParsedInput<'notes.search'>) => searchNotes(ctx, input),
});
