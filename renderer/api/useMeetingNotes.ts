import { useCallback, useEffect, useState } from 'react';
import type { ServerEvent } from '../../electron/api/events.ts';
import type { Note } from '../../electron/api/notes.ts';
import { call } from './client.ts';
import { useLiveEvents, useLiveStatus } from './live.ts';

/** Every note of a meeting, kept current by the server's events from every note-taker. */
export function useMeetingNotes(meetingId: string | null) {
  const [notes, setNotes] = useState<Note[]>([]);
  const [lastRemoteChange, setLastRemoteChange] = useState<Note | null>(null);
  const { generation } = useLiveStatus();

  useEffect(() => {
    if (!meetingId) return;
    let current = true;
    call('notes.listForMeeting', { id: meetingId })
      .then((r) => current && setNotes(r.notes))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [meetingId, generation]);

  useLiveEvents(
    useCallback(
      (event: ServerEvent) => {
        if (event.kind !== 'note.saved' && event.kind !== 'note.deleted') return;
        if (event.note.meetingId !== meetingId) return;
        const note = event.note;
        setNotes((list) => {
          const others = list.filter((n) => n.id !== note.id);
          return event.kind === 'note.saved' ? [...others, note] : others;
        });
        setLastRemoteChange(note);
      },
      [meetingId],
    ),
  );

  /** Applies this screen's own answer at once, without waiting for the event. */
  const upsertLocal = useCallback((note: Note) => {
    setNotes((list) => [...list.filter((n) => n.id !== note.id), note]);
  }, []);
  const removeLocal = useCallback((noteId: string) => {
    setNotes((list) => list.filter((n) => n.id !== noteId));
  }, []);

  return { notes: meetingId ? notes : [], lastRemoteChange, upsertLocal, removeLocal };
}
