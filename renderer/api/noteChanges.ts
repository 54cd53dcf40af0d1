import type { Note } from '../../electron/api/notes.ts';
import type { Revision } from '../../electron/api/revision.ts';
import { isLaterRevision } from './newerRevision.ts';
import type { LoadedNotes } from './notePages.ts';

/** What note.saved and note.deleted carry: one note's change, at one revision. */
export interface NoteChange {
  kind: 'note.saved' | 'note.deleted';
  note: Note;
  revision: Revision;
}

/** The notes with one change in: a saved note replaces its older copy, a deleted one leaves. */
export function withNoteChange(notes: readonly Note[], change: NoteChange): Note[] {
  const others = notes.filter((n) => n.id !== change.note.id);
  return change.kind === 'note.saved' ? [...others, change.note] : others;
}

/**
 * A loaded list brought up to the changes heard: each note's last change heard that is later
 * than the load's revision was read after it, so the load may lack it (a note another note-taker
 * saved while the reload was on its way). The events carry one note each, so the load, not the
 * list held, is the base: the held list may lack what was said while the socket was down.
 */
export function loadedNotes(
  loaded: LoadedNotes<Note>,
  lastHeardPerNote: Iterable<NoteChange>,
): LoadedNotes<Note> {
  let notes = loaded.notes;
  for (const change of lastHeardPerNote) {
    if (isLaterRevision(change.revision, loaded.revision)) notes = withNoteChange(notes, change);
  }
  return notes === loaded.notes ? loaded : { notes, revision: loaded.revision };
}
