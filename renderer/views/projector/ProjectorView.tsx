import type { ReactNode } from 'react';
import { OfflineMark } from '../../components/OfflineMark.tsx';
import { StageMeetingName } from '../../components/StageMeetingName.tsx';
import { useScreenRole } from '../../api/live.ts';
import { useChime } from '../../components/useChime.ts';
import { useSeating } from '../../components/useSeating.ts';
import { useStage } from '../../components/useStage.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AgendaScreen } from './AgendaScreen.tsx';
import { DrawRevealScreen } from './DrawRevealScreen.tsx';
import { SeatingScreen } from './SeatingScreen.tsx';
import { SpeakerScreen } from './SpeakerScreen.tsx';
import { useSignInCounts } from './useSignInCounts.ts';
import { useDrawReveal } from './useDrawReveal.ts';

/** The hall's screen, with the discreet mark of a lost connection over whatever it shows. */
export function ProjectorView() {
  return (
    <>
      <ProjectorScreen />
      <OfflineMark />
    </>
  );
}

/**
 * The agenda before the run, the speaker card and countdown during it, and black or the logo
 * when the organizer says so.
 */
function ProjectorScreen() {
  const { t } = useI18n();
  useScreenRole('projector');
  const { loaded, meeting, items, run, current, next } = useStage();
  const chime = useChime(run?.chime ?? false);
  const reveal = useDrawReveal(meeting?.id ?? null);
  const [seating] = useSeating(meeting?.id ?? null);
  const counts = useSignInCounts(meeting?.id ?? null);

  if (!loaded) return <div className="projector" />;
  if (!meeting) {
    return (
      <div className="projector">
        <p className="projector-empty">{t('projector.noMeeting')}</p>
      </div>
    );
  }
  // Which meeting this is, discreetly, on everything but black.
  const named = (screen: ReactNode) => (
    <>
      {screen}
      <StageMeetingName title={meeting.title} />
    </>
  );
  if (reveal.draw) {
    return named(
      <DrawRevealScreen meeting={meeting} draw={reveal.draw} revealed={reveal.revealed} />,
    );
  }
  if (run?.screen === 'blackout') return <div className="blackout" data-testid="blackout" />;
  if (run?.screen === 'logo') {
    return named(
      <div className="logo-screen" data-testid="logo-screen">
        <img src={meeting.logo || '/favicon.svg'} alt="" />
        <p>{meeting.title}</p>
      </div>,
    );
  }
  const shown = seating?.meetingId === meeting.id ? seating : null;
  // "请按座次入座", switched on from the console, until it is switched off. It takes the whole
  // screen before the sign-in counts: finding one's seat is what the hall must do first.
  if (shown?.settings.onProjector) {
    return named(<SeatingScreen seating={shown} />);
  }
  if (run && current) {
    return named(
      <SpeakerScreen
        meeting={meeting}
        items={items}
        run={run}
        current={current}
        next={next}
        onPhaseChange={chime}
      />,
    );
  }
  // The sign-in counts, when switched on, until the first speaker starts (then they are history).
  const started = run?.itemRuns.some((r) => r.actualStartAt !== null) ?? false;
  return named(
    <AgendaScreen
      meeting={meeting}
      items={items}
      limits={run?.adjustedLimits ?? {}}
      itemRuns={run?.itemRuns ?? []}
      counts={shown?.settings.countsOnProjector && !started ? counts : null}
    />,
  );
}
