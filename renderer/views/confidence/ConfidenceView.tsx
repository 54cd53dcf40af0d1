import type { AgendaItem } from '../../../electron/api/agenda.ts';
import { itemHeadline } from '../../../electron/api/agenda.ts';
import { limitMsOf, messageShownOn, type RunView } from '../../../electron/api/run.ts';
import { useScreenRole } from '../../api/live.ts';
import { Countdown } from '../../components/Countdown.tsx';
import { OfflineMark } from '../../components/OfflineMark.tsx';
import { StageMeetingName } from '../../components/StageMeetingName.tsx';
import { useStage } from '../../components/useStage.ts';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';

/**
 * 限时 8 分钟, or 限时 6 分钟（原 8 分钟） once a finish-on-time plan shortened it: the speaker
 * reads the limit they are held to, and that it changed, at a glance.
 */
function limitText(t: Translate, item: AgendaItem, limits: RunView['adjustedLimits']): string {
  const minutes = limitMsOf(item, limits) / 60_000;
  if (minutes <= 0) return '';
  if (limits[item.id] === undefined) return t('stage.limit', { minutes });
  return t('stage.limitAdjusted', { minutes, planned: item.plannedMinutes });
}

/**
 * The speaker-facing screen (on the lectern): the time left, as large as the screen allows, the
 * organizer's messages sent to it, and what comes next. It ignores blackout and logo: the
 * speaker still needs the time when the hall screen is dark.
 */
export function ConfidenceView() {
  const { t } = useI18n();
  useScreenRole('lectern');
  const { loaded, meeting, run, current, next } = useStage();
  if (!loaded) return <div className="confidence" />;
  const message = run && messageShownOn(run.messageTarget, 'lectern') ? run.message : '';
  return (
    <div className={message ? 'confidence with-message' : 'confidence'} data-testid="confidence">
      <header className="confidence-now">
        {current
          ? itemHeadline(current) || t('agenda.untitled')
          : (meeting?.title ?? t('projector.noMeeting'))}
        {current && run && limitText(t, current, run.adjustedLimits) && (
          <p className="confidence-limit" data-testid="lectern-limit">
            {limitText(t, current, run.adjustedLimits)}
          </p>
        )}
      </header>
      {current && run ? (
        <Countdown
          clock={run.clock}
          idleMs={limitMsOf(current, run.adjustedLimits)}
          thresholds={run.thresholds}
          className="confidence-countdown"
        />
      ) : (
        <p className="confidence-idle">{t('projector.waiting')}</p>
      )}
      {run?.clock?.pausedAt != null && <p className="stage-paused">{t('stage.paused')}</p>}
      {message && (
        <div className="confidence-message" data-testid="stage-message" role="alert">
          {message}
        </div>
      )}
      <footer className="confidence-next">
        {next && t('stage.next', { name: itemHeadline(next) || t('agenda.untitled') })}
        {next && run && limitText(t, next, run.adjustedLimits) && (
          <span className="confidence-next-limit" data-testid="lectern-next-limit">
            {limitText(t, next, run.adjustedLimits)}
          </span>
        )}
      </footer>
      {meeting && <StageMeetingName title={meeting.title} />}
      <OfflineMark />
    </div>
  );
}
