import type { MeetingSummary } from '../../../electron/api/meeting.ts';
import { useI18n } from '../../i18n/i18n.tsx';

interface Props {
  meetings: MeetingSummary[] | null;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onNew: () => void;
  onSample: () => void;
  /** Shown under the list (the sharing switch). */
  footer?: React.ReactNode;
}

export function MeetingList({ meetings, selectedId, onSelect, onNew, onSample, footer }: Props) {
  const { t } = useI18n();
  return (
    <nav className="meeting-list" aria-labelledby="meetings-heading">
      <h2 id="meetings-heading">{t('meetings.heading')}</h2>
      <div className="list-actions">
        <button type="button" className="primary" onClick={onNew}>
          {t('meetings.new')}
        </button>
        <button type="button" onClick={onSample}>
          {t('meetings.sample')}
        </button>
      </div>
      {meetings && meetings.length === 0 && <p className="empty">{t('meetings.empty')}</p>}
      <ul>
        {meetings?.map((m) => (
          <li key={m.id}>
            <button
              type="button"
              className={m.id === selectedId ? 'meeting-link selected' : 'meeting-link'}
              aria-current={m.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(m.id)}
            >
              <span className="meeting-link-title">{m.title}</span>
              <span className="muted small">
                {t('meetings.summary', {
                  date: m.date,
                  count: m.itemCount,
                  minutes: m.plannedMinutes,
                })}
                {m.archived && ` · ${t('meetings.archived')}`}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {footer}
    </nav>
  );
}
