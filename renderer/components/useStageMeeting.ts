import { useCallback, useEffect, useState } from 'react';
import type { ServerEvent } from '../../electron/api/events.ts';
import type { Stage } from '../../electron/api/stage.ts';
import { call } from '../api/client.ts';
import { withMeetingRead, type HeldMeeting } from '../api/heldMeeting.ts';
import { useLiveEvents, useLiveStatus } from '../api/live.ts';
import { applyToMeeting } from '../api/meetingEvents.ts';
import { newerRevision } from '../api/newerRevision.ts';

const addressedMeeting = () => new URLSearchParams(window.location.search).get('meeting');

/** What a screen takes when the stage cannot be read: no server's revision, so any beats it. */
const NO_STAGE: Stage = { meetingId: null, chosen: false, revision: { boot: '', change: 0 } };

/**
 * The meeting a screen shows: the one the organizer has on stage, switching with it live.
 *
 * - `follow`: the projector and the lectern screen. `?meeting=` in the address is only used
 *   while nobody has put a meeting on stage yet.
 * - `choosable`: the note screen. `?meeting=` is the note-taker's own choice, kept until they
 *   go back to following the stage (`choose(null)`).
 *
 * Follows every change pushed by the server; reloads only after a reconnect.
 */
export function useStageMeeting(mode: 'follow' | 'choosable' = 'follow') {
  const [addressed] = useState(addressedMeeting);
  const [chosenId, setChosenId] = useState(() => (mode === 'choosable' ? addressed : null));
  const [stage, setStage] = useState<Stage | null>(null);
  const [shown, setShown] = useState<HeldMeeting | null>(null);
  const [loaded, setLoaded] = useState(false);
  // Bumped when the meeting shown is deleted: the stage is asked again.
  const [asked, setAsked] = useState(0);
  const { generation } = useLiveStatus();

  useEffect(() => {
    let current = true;
    call('stage.get', {})
      // The reload and a stage.changed cross on their way: the newer stays.
      .then((loaded) => current && setStage((held) => newerRevision(held, loaded)))
      .catch(() => current && setStage(NO_STAGE));
    return () => {
      current = false;
    };
  }, [generation, asked]);

  const stageId = stage && (stage.chosen || !addressed ? stage.meetingId : addressed);
  const shownId = chosenId ?? stageId;
  // Whether the stage was read, not which answer: each reload of the stage is a new object, and
  // the meeting is read again only when the one shown changes, the screen reconnects or a meeting
  // was deleted (its own events keep it current meanwhile), so a reconnect reads it once. After a
  // deletion the read is made again, so a reload read before it cannot land and show it again.
  const stageKnown = stage !== null;

  useEffect(() => {
    if (!stageKnown && !chosenId) return;
    let current = true;
    (async () => {
      const data = shownId ? await call('meetings.get', { id: shownId }).catch(() => null) : null;
      if (current) {
        // The reload and the meeting's events cross on their way: the newer of each part stays.
        setShown((held) => data && withMeetingRead(held, data));
        setLoaded(true);
      }
    })().catch(() => current && setLoaded(true));
    return () => {
      current = false;
    };
  }, [shownId, stageKnown, chosenId, generation, asked]);

  useLiveEvents(
    useCallback((event: ServerEvent) => {
      if (event.kind === 'stage.changed') {
        const arrived = event.stage;
        setStage((held) => newerRevision(held, arrived));
      }
      if (event.kind === 'meeting.deleted') setAsked((n) => n + 1);
      setShown((s) => applyToMeeting(s, event));
    }, []),
  );

  /** Shows another meeting (the note screen's picker), or the stage again with null. */
  const choose = useCallback((meetingId: string | null) => {
    const url = new URL(window.location.href);
    url.searchParams.delete('item');
    if (meetingId) url.searchParams.set('meeting', meetingId);
    else url.searchParams.delete('meeting');
    window.history.replaceState(null, '', url);
    setChosenId(meetingId);
  }, []);

  return {
    // The meeting shown until the next one has arrived: a switch never blanks the screen.
    shown,
    loaded,
    /** The meeting on stage now (null when there is none). */
    stageMeetingId: stageId ?? null,
    /** True while this screen follows the stage, false while it shows a meeting chosen on it. */
    following: chosenId === null,
    choose,
  };
}
