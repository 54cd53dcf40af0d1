import { useLiveStatus } from '../api/live.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * A stage screen that has lost the server keeps counting from the facts it holds, and says so
 * only with a small dim dot in a corner: the organizer who looks for it sees it, the hall does
 * not read it as part of the show. Gone again as soon as the screen is reconnected.
 */
export function OfflineMark() {
  const { t } = useI18n();
  const { status } = useLiveStatus();
  if (status !== 'closed') return null;
  return (
    <span
      className="offline-mark"
      role="status"
      aria-label={t('live.closed')}
      title={t('live.closed')}
      data-testid="offline-mark"
    />
  );
}
