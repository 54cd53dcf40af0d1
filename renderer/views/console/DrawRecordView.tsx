import type { DrawRecord } from '../../../electron/api/draw.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { clockTimeOf } from './runText.ts';

/** The latest draw as it is recorded: who, when, the seed anyone can re-run, and the order. */
export function DrawRecordView({ record, count }: { record: DrawRecord; count: number }) {
  const { t } = useI18n();
  const label = (id: string) => record.pool.find((p) => p.itemId === id)?.label ?? id;
  return (
    <details className="draw-record" data-testid="draw-record">
      <summary>
        {t('draw.recordSummary', {
          time: clockTimeOf(record.drawnAt),
          by: record.drawnBy,
          count,
        })}
      </summary>
      <p className="small">
        {t('draw.seedLabel')} <code data-testid="draw-seed">{record.seed}</code>
      </p>
      <ol className="small">
        {record.order.map((id) => (
          <li key={id}>{label(id)}</li>
        ))}
      </ol>
      <p className="muted small">{t('draw.reproduce')}</p>
    </details>
  );
}
