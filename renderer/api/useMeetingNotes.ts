import { useCallback } from 'react';
import type { ServerEvent } from '../../electron/api/events.ts';
import type { Note } from '../../electron/api/notes.ts';
import { call } from './client.ts';
import { useLiveEvents } from './live.ts';
import { loadEveryPage } from './notePages.ts';
import { useLoadedOnConnect } from './useLoadedOnConnect.ts';

/** Every note of the meeting, however many pages the server answers them in. */
const loadNotes = (id: string) =>
  loadEveryPage((cursor) => call('notes.listForMeeting', cursor ? { id, cursor } : { id }));

/** Every note of a meeting, kept current by the server's events from every note-taker. */
export function useMeetingNotes(meetingId: string | null) {
  const [notes, setNotes] = useLoadedOnConnect(meetingId, loadNotes);

  useLiveEvents(
    useCallback(
      (event: ServerEvent) => {
        if (event.kind !== 'note.saved' && event.kind !== 'note.deleted') return;
        if (event.note.meetingId !== meetingId) return;
        const note = event.note;
        setNotes((list) => {
          const others = (list ?? []).filter((n) => n.id !== note.id);
          return event.kind === 'note.saved' ? [...others, note] : others;
        });
      },
      [meetingId, setNotes],
    ),
  );

  /** Applies this screen's own answer at once, without waiting for the event. */
  const upsertLocal = useCallback(
    (note: Note) => setNotes((list) => [...(list ?? []).filter((n) => n.id !== note.id), note]),
    [setNotes],
  );
  const removeLocal = useCallback(
    (noteId: string) => setNotes((list) => (list ?? []).filter((n) => n.id !== noteId)),
    [setNotes],
  );

  return { notes: meetingId ? (notes ?? []) : [], upsertLocal, removeLocal };
}
