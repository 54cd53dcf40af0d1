import { itemHeadline, speakerOrdinal, type AgendaItem } from '../../../electron/api/agenda.ts';
import type { Meeting } from '../../../electron/api/meeting.ts';
import {
  limitMsOf,
  messageShownOn,
  type ClockPhase,
  type RunView,
} from '../../../electron/api/run.ts';
import { Countdown } from '../../components/Countdown.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

interface Props {
  meeting: Meeting;
  items: AgendaItem[];
  run: RunView;
  current: AgendaItem;
  next: AgendaItem | undefined;
  onPhaseChange?: (phase: ClockPhase) => void;
}

/** The hall's view of a speech: who speaks, on what, how long is left, and who is next. */
export function SpeakerScreen({ meeting, items, run, current, next, onPhaseChange }: Props) {
  const { t } = useI18n();
  const ordinal = speakerOrdinal(items, current);
  const name = current.speaker || current.title;
  // A message for the speaker alone (the lectern screen) is not the hall's business.
  const message = messageShownOn(run.messageTarget, 'projector') ? run.message : '';
  return (
    <div
      className={message ? 'stage with-message' : 'stage'}
      data-testid="speaker-screen"
      data-item-id={current.id}
    >
      <header className="stage-meeting">{meeting.title}</header>
      <section className="speaker-card">
        <p className="speaker-ordinal">
          {ordinal ? t('stage.ordinal', { n: ordinal }) : t(`kind.${current.kind}`)}
        </p>
        {current.organization && <p className="speaker-org">{current.organization}</p>}
        <h1 className="speaker-name" data-testid="speaker-name">
          {name}
          {current.speakerPosition && <small>{current.speakerPosition}</small>}
        </h1>
        {current.topic && <p className="speaker-topic">{current.topic}</p>}
      </section>
      <Countdown
        clock={run.clock}
        idleMs={limitMsOf(current, run.adjustedLimits)}
        thresholds={run.thresholds}
        className="stage-countdown"
        onPhaseChange={onPhaseChange}
      />
      {run.clock?.pausedAt != null && <p className="stage-paused">{t('stage.paused')}</p>}
      {message && (
        <div className="stage-message" data-testid="stage-message" role="alert">
          {message}
        </div>
      )}
      <footer className="stage-next" data-testid="stage-next">
        {next
          ? t('stage.next', { name: itemHeadline(next) || t('agenda.untitled') })
          : t('stage.last')}
      </footer>
    </div>
  );
}
