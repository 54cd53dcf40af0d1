import { useCallback, useEffect, useState } from 'react';
import type { ServerEvent } from '../../../electron/api/events.ts';
import type { MeetingSummary } from '../../../electron/api/meeting.ts';
import { call } from '../../api/client.ts';
import { useLiveEvents, useLiveStatus } from '../../api/live.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import '../../styles/stage.css';

/**
 * Says clearly which meeting the note screen shows (the one on stage, or one the note-taker
 * chose), lets them choose another, and brings them back to following the stage.
 */
export function MeetingPicker(props: {
  meeting: { id: string; title: string };
  following: boolean;
  /** The meeting on stage now. */
  stageMeetingId: string | null;
  onChoose: (meetingId: string | null) => void;
}) {
  const { t } = useI18n();
  const { meeting, following, stageMeetingId, onChoose } = props;
  const meetings = useMeetingSummaries();
  const choices = meetings.filter((m) => !m.archived || m.id === meeting.id);
  return (
    <div
      className={following ? 'notes-meeting' : 'notes-meeting chosen'}
      data-testid="notes-meeting"
    >
      <span className="notes-meeting-title" data-testid="notes-meeting-title">
        {following
          ? t('stage.showing', { title: meeting.title })
          : stageMeetingId === meeting.id
            ? t('stage.showingChosenOnStage', { title: meeting.title })
            : t('stage.showingChosen', { title: meeting.title })}
      </span>
      <label>
        {t('stage.pick')}{' '}
        <select
          value={following ? '' : meeting.id}
          onChange={(e) => onChoose(e.target.value || null)}
        >
          <option value="">{t('stage.follow')}</option>
          {choices.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}（{m.date}）
            </option>
          ))}
        </select>
      </label>
      {!following && (
        <button type="button" onClick={() => onChoose(null)}>
          {t('stage.back')}
        </button>
      )}
    </div>
  );
}

/** Every meeting, kept current by the pushed saves and deletions. */
function useMeetingSummaries(): MeetingSummary[] {
  const [meetings, setMeetings] = useState<MeetingSummary[]>([]);
  const [changed, setChanged] = useState(0);
  const { generation } = useLiveStatus();
  useEffect(() => {
    let current = true;
    call('meetings.list', {})
      .then((r) => current && setMeetings(r.meetings))
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [generation, changed]);
  useLiveEvents(
    useCallback((event: ServerEvent) => {
      if (event.kind === 'meeting.saved' || event.kind === 'meeting.deleted') {
        setChanged((n) => n + 1);
      }
    }, []),
  );
  return meetings;
}
