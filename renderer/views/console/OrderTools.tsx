import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { AgendaItem } from '../../../electron/api/agenda.ts';
import type { DrawRecord } from '../../../electron/api/draw.ts';
import type { ServerEvent } from '../../../electron/api/events.ts';
import type { Meeting } from '../../../electron/api/meeting.ts';
import type { RunView } from '../../../electron/api/run.ts';
import { call } from '../../api/client.ts';
import type { RevisedAgenda } from '../../api/heldMeeting.ts';
import { useLiveEvents } from '../../api/live.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { say, type Phrase } from '../../i18n/phrase.ts';
import { DrawRecordView } from './DrawRecordView.tsx';
import { RosterPanel } from './RosterPanel.tsx';
import { TableImport } from './TableImport.tsx';

interface Props {
  meeting: Meeting;
  items: AgendaItem[];
  run: RunView | null;
  /** The agenda a command answered with. */
  onAgenda: (agenda: RevisedAgenda) => void;
  onError: (error: unknown) => void;
}

/** Setting the speaking order: from the roster, in roster order, or by drawing lots. */
export function OrderTools({ meeting, items, run, onAgenda, onError }: Props) {
  const { t } = useI18n();
  const [draws, setDraws] = useState<DrawRecord[]>([]);
  const [drawing, setDrawing] = useState(false);
  const [drawnBy, setDrawnBy] = useState(meeting.recorder);
  const [seed, setSeed] = useState('');
  const [notice, setNotice] = useState<Phrase | null>(null);
  const begun = (run?.itemRuns.length ?? 0) > 0;
  const speeches = items.filter((i) => i.kind === 'exchange').length;

  useEffect(() => {
    let current = true;
    call('draw.list', { id: meeting.id })
      .then((result) => current && setDraws(result.draws))
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [meeting.id]);
  useLiveEvents(
    useCallback(
      (event: ServerEvent) => {
        if (event.kind === 'draw.made' && event.draw.meetingId === meeting.id) {
          setDraws((list) =>
            list.some((d) => d.id === event.draw.id) ? list : [...list, event.draw],
          );
        }
      },
      [meeting.id],
    ),
  );

  async function agendaAction(method: 'agenda.fillFromRoster' | 'agenda.orderByRoster') {
    try {
      onAgenda(await call(method, { id: meeting.id }));
    } catch (error) {
      onError(error);
    }
  }

  async function draw(event: FormEvent) {
    event.preventDefault();
    if (draws.length > 0 && !window.confirm(t('draw.redrawConfirm', { count: draws.length }))) {
      return;
    }
    try {
      const record = await call('draw.make', {
        id: meeting.id,
        ...(seed.trim() ? { seed: seed.trim() } : {}),
        ...(drawnBy.trim() ? { drawnBy: drawnBy.trim() } : {}),
        ...(draws.length > 0 ? { confirm: true } : {}),
      });
      setDraws((list) => (list.some((d) => d.id === record.id) ? list : [...list, record]));
      setDrawing(false);
      setSeed('');
    } catch (error) {
      onError(error);
    }
  }

  const latest = draws.at(-1);
  return (
    <div className="order-tools">
      <div className="order-buttons">
        <button type="button" onClick={() => void agendaAction('agenda.fillFromRoster')}>
          {t('roster.fill')}
        </button>
        <button
          type="button"
          onClick={() => void agendaAction('agenda.orderByRoster')}
          disabled={begun}
        >
          {t('roster.order')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => setDrawing((open) => !open)}
          disabled={begun || speeches < 2}
          title={begun ? t('draw.begun') : undefined}
          aria-expanded={drawing}
        >
          {t('draw.button')}
        </button>
        <TableImport meetingId={meeting.id} onAgenda={onAgenda} onDone={setNotice} />
        <RosterPanel onError={onError} />
      </div>
      {drawing && (
        <form className="draw-form" aria-label={t('draw.heading')} onSubmit={(e) => void draw(e)}>
          <p className="muted small">{t('draw.explain', { count: speeches })}</p>
          <label>
            {t('draw.drawnBy')}
            <input value={drawnBy} onChange={(e) => setDrawnBy(e.target.value)} maxLength={60} />
          </label>
          <label>
            {t('draw.seed')}
            <input
              value={seed}
              onChange={(e) => setSeed(e.target.value)}
              maxLength={200}
              placeholder={t('draw.seedHint')}
            />
          </label>
          <div className="form-actions">
            <button type="submit" className="primary">
              {t('draw.start')}
            </button>
            <button type="button" onClick={() => setDrawing(false)}>
              {t('meeting.cancel')}
            </button>
          </div>
        </form>
      )}
      {notice && (
        <p className="muted small" role="status">
          {say(t, notice)}
        </p>
      )}
      {latest && <DrawRecordView record={latest} count={draws.length} />}
    </div>
  );
}
