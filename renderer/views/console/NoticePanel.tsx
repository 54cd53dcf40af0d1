import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ServerEvent } from '../../../electron/api/events.ts';
import type { Meeting } from '../../../electron/api/meeting.ts';
import type { NoticeView } from '../../../electron/api/notice.ts';
import { call } from '../../api/client.ts';
import { useLiveEvents } from '../../api/live.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ReplyImport } from './ReplyImport.tsx';
import '../../styles/notice.css';

type Settings = NoticeView['settings'];
type Field = keyof Settings;

const TEXT_FIELDS: Field[] = ['addressee', 'contactName', 'contactPhone', 'issuer'];
const DATE_FIELDS: Field[] = ['materialsDue', 'repliesDue', 'issuedOn'];

/**
 * 会议通知: what the notice says that the meeting does not (addressee, deadlines, contact,
 * signature and date), kept with the meeting; the notice itself is exported from the export
 * menu. Below it, the returned 回执 come back in.
 */
export function NoticePanel({
  meeting,
  onError,
}: {
  meeting: Meeting;
  onError: (error: unknown) => void;
}) {
  const { t } = useI18n();
  const [view, setView] = useState<NoticeView | null>(null);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [saved, setSaved] = useState(false);
  const id = meeting.id;

  useEffect(() => {
    let live = true;
    call('notice.get', { id })
      .then((answer) => {
        if (!live) return;
        setView(answer);
        setDraft(answer.settings);
      })
      .catch(onError);
    return () => {
      live = false;
    };
  }, [id, onError]);

  // Saved from another of the organizer's windows: this one shows the same settings, so a save
  // here does not put back what was changed there.
  useLiveEvents(
    useCallback(
      (event: ServerEvent) => {
        if (event.kind !== 'notice.changed' || event.notice.meetingId !== id) return;
        setView(event.notice);
        setDraft(event.notice.settings);
      },
      [id],
    ),
  );

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    try {
      const answer = await call('notice.update', { id, ...draft });
      setView(answer);
      setDraft(answer.settings);
      setSaved(true);
    } catch (error) {
      onError(error);
    }
  }

  const field = (name: Field, type: 'text' | 'date', hint?: string) => (
    <label key={name}>
      {t(`notice.${name}`)}
      <input
        type={type}
        name={name}
        value={draft?.[name] ?? ''}
        placeholder={hint}
        onChange={(e) => {
          setSaved(false);
          setDraft((d) => (d ? { ...d, [name]: e.target.value } : d));
        }}
      />
      {type === 'date' && name === 'issuedOn' && (
        <span className="muted small">{t('notice.issuedOnHint')}</span>
      )}
    </label>
  );

  const issuerHint = view?.defaultIssuer
    ? t('notice.issuerHint', { organizer: view.defaultIssuer })
    : t('notice.issuerHintNone');
  const hints: Partial<Record<Field, string>> = {
    addressee: t('notice.addresseeHint'),
    issuer: issuerHint,
  };
  return (
    <section className="notice-panel" aria-labelledby="notice-heading">
      <header className="section-header">
        <h2 id="notice-heading">{t('notice.heading')}</h2>
      </header>
      <p className="muted small">{t('notice.intro')}</p>
      {draft && (
        <form
          className="notice-form"
          aria-label={t('notice.heading')}
          onSubmit={(e) => void save(e)}
        >
          {TEXT_FIELDS.map((name) => field(name, 'text', hints[name]))}
          {DATE_FIELDS.map((name) => field(name, 'date'))}
          <label className="wide-row">
            {t('notice.requirements')}
            <textarea
              name="requirements"
              rows={3}
              value={draft.requirements}
              onChange={(e) => {
                setSaved(false);
                setDraft({ ...draft, requirements: e.target.value });
              }}
            />
          </label>
          <div className="form-actions wide-row">
            <button type="submit" className="primary">
              {t('notice.save')}
            </button>
            {saved && (
              <span className="muted small" role="status">
                {t('notice.saved')}
              </span>
            )}
          </div>
        </form>
      )}
      <div className="reply-import-row">
        <ReplyImport meetingId={id} onError={onError} />
      </div>
    </section>
  );
}
