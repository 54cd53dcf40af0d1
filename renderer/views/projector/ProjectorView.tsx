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
  // "请按座次入座", switched on from the console, until it is switched off.
  if (seating?.settings.onProjector && seating.meetingId === meeting.id) {
    return named(<SeatingScreen seating={seating} />);
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
  return named(<AgendaScreen meeting={meeting} items={items} limits={run?.adjustedLimits ?? {}} />);
}
