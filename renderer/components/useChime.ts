import { useCallback, useRef } from 'react';
import type { ClockPhase } from '../../electron/api/run.ts';
import { isPreviewFrame } from '../api/preview.ts';

/**
 * The chime at the warning and at zero, from the sound shipped in resources/. Browsers may
 * refuse sound before the page was clicked once; the projector then stays silent rather than
 * failing.
 */
export function useChime(enabled: boolean): (phase: ClockPhase) => void {
  const audio = useRef<HTMLAudioElement | null>(null);
  return useCallback(
    (phase: ClockPhase) => {
      // The console's thumbnail of the projector stays silent: the hall hears the real one.
      if (!enabled || isPreviewFrame() || (phase !== 'warning' && phase !== 'overtime')) return;
      audio.current ??= new Audio('/chime.wav');
      audio.current.currentTime = 0;
      audio.current.play().catch(() => undefined);
    },
    [enabled],
  );
}
