import { useCallback, useRef } from 'react';
import type { ServerEvent } from '../../electron/api/events.ts';
import type { Note } from '../../electron/api/notes.ts';
import { call } from './client.ts';
import { useLiveEvents } from './live.ts';
import { loadedNotes, withNoteChange, type NoteChange } from './noteChanges.ts';
import { loadEveryPage, type LoadedNotes } from './notePages.ts';
import { useLoadedOnConnect } from './useLoadedOnConnect.ts';

/** Every note of the meeting, however many pages the server answers them in. */
const loadNotes = (id: string) =>
  loadEveryPage((cursor) => call('notes.listForMeeting', cursor ? { id, cursor } : { id }));

/**
 * Every note of a meeting, kept current by the server's events from every note-taker. A reload
 * and the events cross on their way: a load landing is brought up to the changes heard after it
 * was read, so a note saved meanwhile never disappears.
 */
export function useMeetingNotes(meetingId: string | null) {
  // Only each note's last change is kept, so this holds at most one entry per note of the
  // meeting; a load takes in those later than it.
  const lastHeard = useRef(new Map<string, NoteChange>());
  const keep = useCallback(
    (_held: LoadedNotes<Note> | null, loaded: LoadedNotes<Note>) =>
      loadedNotes(
        loaded,
        [...lastHeard.current.values()].filter((c) => c.note.meetingId === meetingId),
      ),
    [meetingId],
  );
  const [held, setHeld] = useLoadedOnConnect(meetingId, loadNotes, keep);

  useLiveEvents(
    useCallback(
      (event: ServerEvent) => {
        if (event.kind !== 'note.saved' && event.kind !== 'note.deleted') return;
        if (event.note.meetingId !== meetingId) return;
        lastHeard.current.set(event.note.id, event);
        setHeld((list) => list && { ...list, notes: withNoteChange(list.notes, event) });
      },
      [meetingId, setHeld],
    ),
  );

  /** Applies this screen's own answer at once, without waiting for the event. */
  const upsertLocal = useCallback(
    (note: Note) =>
      setHeld(
        (list) => list && { ...list, notes: [...list.notes.filter((n) => n.id !== note.id), note] },
      ),
    [setHeld],
  );
  const removeLocal = useCallback(
    (noteId: string) =>
      setHeld((list) => list && { ...list, notes: list.notes.filter((n) => n.id !== noteId) }),
    [setHeld],
  );

  return { notes: meetingId ? (held?.notes ?? []) : [], upsertLocal, removeLocal };
}
