import { useI18n } from '../i18n/i18n.tsx';
import '../styles/stage.css';

/**
 * Which meeting a projector or lectern screen shows, in small dim letters in a corner: the
 * organizer checking the screen reads it, the hall does not take it for part of the show.
 */
export function StageMeetingName({ title }: { title: string }) {
  const { t } = useI18n();
  return (
    <span
      className="stage-meeting-name"
      aria-label={t('stage.showing', { title })}
      data-testid="stage-meeting-name"
    >
      {title}
    </span>
  );
}
