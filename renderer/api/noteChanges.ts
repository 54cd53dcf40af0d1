import type { Note } from '../../electron/api/notes.ts';
import type { Revision } from '../../electron/api/revision.ts';
import { isLaterRevision } from './newerRevision.ts';
import type { LoadedNotes } from './notePages.ts';

/**
 * One note's change as a screen hears it: note.saved and note.deleted carry the revision raised
 * for it; the answer to the screen's own note command (create, update, restore, delete) carries
 * none (null), the server answers scripts over HTTP with the note alone.
 */
export interface NoteChange {
  kind: 'note.saved' | 'note.deleted';
  note: Note;
  revision: Revision | null;
}

/** The notes with one change in: a saved note replaces its older copy, a deleted one leaves. */
export function withNoteChange(notes: readonly Note[], change: NoteChange): Note[] {
  const others = notes.filter((n) => n.id !== change.note.id);
  return change.kind === 'note.saved' ? [...others, change.note] : others;
}

/**
 * Whether `a` is an earlier state of a note than `b`. The order is the note's own: its version
 * rises with each save (edit, star, move, reorder, restore), kept on disk across restarts, and
 * each command saves in one transaction, so no two saves share one. A delete keeps the version
 * it removed (no edit follows it, only a restore, which raises it): it comes after the save of
 * that version. Revisions cannot order an answer, which carries none.
 */
export function isEarlierNoteState(a: NoteChange, b: NoteChange): boolean {
  if (a.note.version !== b.note.version) return a.note.version < b.note.version;
  return a.kind === 'note.saved' && b.kind === 'note.deleted';
}

const shownAs = (note: Note): NoteChange => ({ kind: 'note.saved', note, revision: null });

/**
 * Of `known`, the last change a screen heard of a note, and `arrived`, the one to remember:
 * null when `arrived` is earlier, and is to be dropped. An answer sent over HTTP (a screen whose
 * socket is down) travels apart from the events, and another note-taker's later change can be
 * heard first: shown, the answer would undo it until the note's next change. On the socket the
 * server writes the answer right after its commit's flush, before any later event, but the
 * screen does not rest on that order. Two events of
 * different server processes are not compared: the one heard later is of the process the
 * screen is connected to now (a crash may have lost what the earlier one announced). Of two
 * copies of the same state, the one with a revision is kept, so that a load can place it.
 */
export function latestNoteChange(
  known: NoteChange | undefined,
  arrived: NoteChange,
): NoteChange | null {
  if (!known) return arrived;
  const otherProcess =
    known.revision !== null &&
    arrived.revision !== null &&
    known.revision.boot !== arrived.revision.boot;
  if (otherProcess) return arrived;
  if (isEarlierNoteState(arrived, known)) return null;
  return arrived.revision === null && !isEarlierNoteState(known, arrived) ? known : arrived;
}

/**
 * The notes with the answer to the screen's own command in, unless they already show a later
 * state of that note: a reload that landed while the answer was on its way (over HTTP while the
 * socket was down) may have brought another note-taker's edit that was never heard as an event.
 * The answer to an edit (`edit`: star, text, move, reorder) only replaces a note still shown:
 * one no longer shown was deleted after the edit (a delete heard is remembered, and a reload
 * read before the edit's commit listed the note, or heard its creation or restore after).
 */
export function withOwnAnswer(
  notes: readonly Note[],
  answer: NoteChange,
  { edit }: { edit: boolean },
): Note[] {
  const shown = notes.find((n) => n.id === answer.note.id);
  if (shown ? isEarlierNoteState(answer, shownAs(shown)) : edit) return [...notes];
  return withNoteChange(notes, answer);
}

/**
 * A loaded list brought up to the changes heard: each note's last change heard that is later
 * than the load's revision was read after it, so the load may lack it (a note another note-taker
 * saved while the reload was on its way). The events carry one note each, so the load, not the
 * list held, is the base: the held list may lack what was said while the socket was down. An
 * answer to the screen's own command carries no revision; it is taken in when it is a later
 * state of a note the load lists (the load was read before the command's commit).
 */
export function loadedNotes(
  loaded: LoadedNotes<Note>,
  lastHeardPerNote: Iterable<NoteChange>,
): LoadedNotes<Note> {
  let notes = loaded.notes;
  let loadedById: Map<string, Note> | undefined;
  const isAfterLoad = (change: NoteChange): boolean => {
    if (change.revision !== null) return isLaterRevision(change.revision, loaded.revision);
    loadedById ??= new Map(loaded.notes.map((n) => [n.id, n]));
    const inLoad = loadedById.get(change.note.id);
    return inLoad !== undefined && isEarlierNoteState(shownAs(inLoad), change);
  };
  for (const change of lastHeardPerNote) {
    if (isAfterLoad(change)) notes = withNoteChange(notes, change);
  }
  return notes === loaded.notes ? loaded : { notes, revision: loaded.revision };
}
