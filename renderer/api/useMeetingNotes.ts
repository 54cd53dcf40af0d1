import { useCallback, useRef } from 'react';
import type { ServerEvent } from '../../electron/api/events.ts';
import type { Note } from '../../electron/api/notes.ts';
import { call } from './client.ts';
import { useLiveEvents } from './live.ts';
import {
  latestNoteChange,
  loadedNotes,
  withNoteChange,
  withOwnAnswer,
  type NoteChange,
} from './noteChanges.ts';
import { loadEveryPage, type LoadedNotes } from './notePages.ts';
import { useLoadedOnConnect } from './useLoadedOnConnect.ts';

/** Every note of the meeting, however many pages the server answers them in. */
const loadNotes = (id: string) =>
  loadEveryPage((cursor) => call('notes.listForMeeting', cursor ? { id, cursor } : { id }));

/**
 * Every note of a meeting, kept current by the server's events from every note-taker and by the
 * answers to this screen's own note commands. A reload and the events cross on their way: a
 * load landing is brought up to the changes heard after it was read, so a note saved meanwhile
 * never disappears. An answer and the events cross too: one older than what the screen heard
 * of its note is dropped, so it never undoes another note-taker's later edit or delete.
 */
export function useMeetingNotes(meetingId: string | null) {
  // Only each note's last change is kept, so this holds at most one entry per note of the
  // meeting; a load takes in those later than it.
  const lastHeard = useRef(new Map<string, NoteChange>());
  const keep = useCallback(
    (_held: LoadedNotes<Note> | null, loaded: LoadedNotes<Note>) => {
      // What a server process before this one announced may have been lost in a crash: the
      // restarted server's notes, read now, are what is so.
      for (const [id, change] of lastHeard.current) {
        if (change.revision && change.revision.boot !== loaded.revision.boot) {
          lastHeard.current.delete(id);
        }
      }
      return loadedNotes(
        loaded,
        [...lastHeard.current.values()].filter((c) => c.note.meetingId === meetingId),
      );
    },
    [meetingId],
  );
  const [held, setHeld] = useLoadedOnConnect(meetingId, loadNotes, keep);

  /** Remembers a change heard of a note; false when it is earlier than what was heard. */
  const remember = useCallback((change: NoteChange): boolean => {
    const latest = latestNoteChange(lastHeard.current.get(change.note.id), change);
    if (latest) lastHeard.current.set(change.note.id, latest);
    return latest !== null;
  }, []);

  useLiveEvents(
    useCallback(
      (event: ServerEvent) => {
        if (event.kind !== 'note.saved' && event.kind !== 'note.deleted') return;
        if (event.note.meetingId !== meetingId || !remember(event)) return;
        setHeld((list) => list && { ...list, notes: withNoteChange(list.notes, event) });
      },
      [meetingId, remember, setHeld],
    ),
  );

  /** Shows the answer to this screen's own command at once, without waiting for its event. */
  const answered = useCallback(
    (answer: NoteChange, edit: boolean) => {
      if (!remember(answer)) return;
      setHeld((list) => list && { ...list, notes: withOwnAnswer(list.notes, answer, { edit }) });
    },
    [remember, setHeld],
  );
  /** A note created or restored here. */
  const upsertLocal = useCallback(
    (note: Note) => answered({ kind: 'note.saved', note, revision: null }, false),
    [answered],
  );
  /** A note edited here (star, text, move, reorder): shown only while the note still is. */
  const editedLocal = useCallback(
    (note: Note) => answered({ kind: 'note.saved', note, revision: null }, true),
    [answered],
  );
  /** `note` as the delete's answer gives it: the version that was deleted. */
  const removeLocal = useCallback(
    (note: Note) => answered({ kind: 'note.deleted', note, revision: null }, false),
    [answered],
  );

  return { notes: meetingId ? (held?.notes ?? []) : [], upsertLocal, editedLocal, removeLocal };
}
