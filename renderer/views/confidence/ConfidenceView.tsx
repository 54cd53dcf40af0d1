import { itemHeadline } from '../../../electron/api/agenda.ts';
import { limitMsOf, messageShownOn } from '../../../electron/api/run.ts';
import { useScreenRole } from '../../api/live.ts';
import { Countdown } from '../../components/Countdown.tsx';
import { OfflineMark } from '../../components/OfflineMark.tsx';
import { StageMeetingName } from '../../components/StageMeetingName.tsx';
import { useStage } from '../../components/useStage.ts';
import { useI18n } from '../../i18n/i18n.tsx';

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
        {next ? t('stage.next', { name: itemHeadline(next) || t('agenda.untitled') }) : ''}
      </footer>
      {meeting && <StageMeetingName title={meeting.title} />}
      <OfflineMark />
    </div>
  );
}
