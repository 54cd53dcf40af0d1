import { useCallback, useEffect, useState } from 'react';
import type { ServerEvent } from '../../../electron/api/events.ts';
import type { Stage } from '../../../electron/api/stage.ts';
import { call } from '../../api/client.ts';
import { useLiveEvents, useLiveStatus } from '../../api/live.ts';
import { newerRevision } from '../../api/newerRevision.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { openScreen } from '../../platform.ts';
import '../../styles/stage.css';

/** The meeting on stage, as the server says, kept current by its pushes. */
function useStageNow(): Stage | null {
  const [stage, setStage] = useState<Stage | null>(null);
  const { generation } = useLiveStatus();
  useEffect(() => {
    let current = true;
    call('stage.get', {})
      // The reload and a stage.changed cross on their way: the newer stays.
      .then((loaded) => current && setStage((held) => newerRevision(held, loaded)))
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [generation]);
  useLiveEvents(
    useCallback((event: ServerEvent) => {
      if (event.kind === 'stage.changed') {
        const arrived = event.stage;
        setStage((held) => newerRevision(held, arrived));
      }
    }, []),
  );
  return stage;
}

/**
 * The console's screen buttons for the meeting selected: opening the projector or the lectern
 * screen puts it on stage (every projector, lectern and following note screen switches to it);
 * 上台 does the same without opening anything. Says whether it is on stage now.
 */
export function StageControl(props: { meetingId: string; onError: (error: unknown) => void }) {
  const { t } = useI18n();
  const { meetingId, onError } = props;
  const stage = useStageNow();
  const onStage = stage?.chosen === true && stage.meetingId === meetingId;

  async function putOnStage(): Promise<void> {
    try {
      await call('stage.set', { meetingId });
    } catch (error) {
      onError(error);
    }
  }
  const path = (screen: string) => `/${screen}?meeting=${encodeURIComponent(meetingId)}`;
  const openOnStage = (screen: string) => {
    void putOnStage();
    openScreen(path(screen));
  };

  return (
    <>
      <span className="stage-status" data-testid="stage-status">
        {onStage ? (
          <span className="on-stage">{t('stage.onStage')}</span>
        ) : (
          <button type="button" onClick={() => void putOnStage()} title={t('stage.putHint')}>
            {t('stage.put')}
          </button>
        )}
      </span>
      <button type="button" onClick={() => openOnStage('projector')}>
        {t('meeting.openProjector')}
      </button>
      <button type="button" onClick={() => openOnStage('confidence')}>
        {t('run.openConfidence')}
      </button>
      <button type="button" onClick={() => openScreen(path('notes'))}>
        {t('notes.open')}
      </button>
    </>
  );
}
