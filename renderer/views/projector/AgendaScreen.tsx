import type { AgendaItem } from '../../../electron/api/agenda.ts';
import { itemHeadline } from '../../../electron/api/agenda.ts';
import type { Meeting } from '../../../electron/api/meeting.ts';
import type { RunView } from '../../../electron/api/run.ts';
import type { SignInCounts } from '../../../electron/api/sign-in.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SignInCountsStrip } from './SignInCountsStrip.tsx';

interface Props {
  meeting: Meeting;
  items: AgendaItem[];
  /** A finish-on-time plan's limits (minutes by item id): the hall sees the new ones. */
  limits: Readonly<Record<string, number>>;
  /** 应到/已签到/请假/未到 under the agenda, when the organizer shows them; null otherwise. */
  counts?: SignInCounts['counts'] | null;
  /** Which items have been on stage: the footer says whether the meeting is yet to begin. */
  itemRuns?: RunView['itemRuns'];
}

/** Before the first item, between items, or after the last one. */
function footerKey(items: readonly AgendaItem[], itemRuns: RunView['itemRuns']) {
  if (itemRuns.length === 0) return 'projector.waiting';
  const over = new Set(itemRuns.filter((r) => r.status !== 'running').map((r) => r.itemId));
  return items.every((item) => over.has(item.id)) ? 'projector.ended' : 'projector.between';
}

/** Before the run (and between items with nothing on stage): the meeting and its agenda. */
export function AgendaScreen({ meeting, items, limits, counts = null, itemRuns = [] }: Props) {
  const { t } = useI18n();
  // “6 分钟（原 8 分钟）” needs twice the column “8 分钟” does.
  const adjusted = items.some((item) => limits[item.id] !== undefined);
  return (
    <div className="projector">
      <header className="projector-header">
        <h1 className="projector-title" data-testid="projector-title">
          {meeting.title}
        </h1>
        <p className="projector-meta">
          {[meeting.date, meeting.startTime, meeting.venue].filter(Boolean).join('　')}
        </p>
      </header>
      <section className="projector-agenda" aria-label={t('projector.agenda')}>
        <h2>{t('projector.agenda')}</h2>
        <ol
          className={adjusted ? 'limits-adjusted' : undefined}
          data-testid="projector-agenda"
          style={{ ['--rows' as string]: Math.max(items.length, 6) }}
        >
          {items.map((item, index) => (
            <li key={item.id} className={`kind-${item.kind}`}>
              <span className="p-order">{index + 1}</span>
              <span className="p-who">
                {itemHeadline(item) || t('agenda.untitled')}
                <small>
                  {(item.title ? [item.speaker, item.speakerPosition] : [item.speakerPosition])
                    .filter(Boolean)
                    .join(' ')}
                </small>
              </span>
              <span className="p-topic">{item.topic}</span>
              <span className="p-minutes">
                {limits[item.id] === undefined
                  ? t('projector.minutes', { minutes: item.plannedMinutes })
                  : t('projector.minutesAdjusted', {
                      minutes: limits[item.id] as number,
                      planned: item.plannedMinutes,
                    })}
              </span>
            </li>
          ))}
        </ol>
      </section>
      {counts && <SignInCountsStrip counts={counts} />}
      <footer className="projector-footer">{t(footerKey(items, itemRuns))}</footer>
    </div>
  );
}
