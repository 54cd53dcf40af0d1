import { OfflineMark } from '../../components/OfflineMark.tsx';
import { useScreenRole } from '../../api/live.ts';
import { useChime } from '../../components/useChime.ts';
import { useStage } from '../../components/useStage.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AgendaScreen } from './AgendaScreen.tsx';
import { DrawRevealScreen } from './DrawRevealScreen.tsx';
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

  if (!loaded) return <div className="projector" />;
  if (!meeting) {
    return (
      <div className="projector">
        <p className="projector-empty">{t('projector.noMeeting')}</p>
      </div>
    );
  }
  if (reveal.draw) {
    return <DrawRevealScreen meeting={meeting} draw={reveal.draw} revealed={reveal.revealed} />;
  }
  if (run?.screen === 'blackout') return <div className="blackout" data-testid="blackout" />;
  if (run?.screen === 'logo') {
    return (
      <div className="logo-screen" data-testid="logo-screen">
        <img src={meeting.logo || '/favicon.svg'} alt="" />
        <p>{meeting.title}</p>
      </div>
    );
  }
  if (run && current) {
    return (
      <SpeakerScreen
        meeting={meeting}
        items={items}
        run={run}
        current={current}
        next={next}
        onPhaseChange={chime}
      />
    );
  }
  return <AgendaScreen meeting={meeting} items={items} />;
}
