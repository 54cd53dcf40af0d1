import { formatSpeechOffset, sortNotes } from '../../../electron/api/notes.ts';
import { useMeetingNotes } from '../../api/useMeetingNotes.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** Beside the clock, read-only: what the note-takers are writing about the speaker on stage. */
export function CurrentNotes({ meetingId, itemId }: { meetingId: string; itemId: string | null }) {
  const { t } = useI18n();
  const { notes } = useMeetingNotes(meetingId);
  const shown = sortNotes(notes.filter((n) => n.itemId === itemId));
  return (
    <section className="current-notes" aria-labelledby="current-notes-heading">
      <h3 id="current-notes-heading">{t('notes.currentHeading')}</h3>
      <ol data-testid="console-notes">
        {shown.length === 0 && <li className="muted">{t('notes.empty')}</li>}
        {shown.map((n) => (
          <li key={n.id}>
            <span className={`note-kind kind-${n.kind}`}>{t(`noteKind.${n.kind}`)}</span>{' '}
            {n.starred && '★ '}
            {n.text}
            {n.speechOffsetMs !== null && (
              <span className="muted small"> {formatSpeechOffset(n.speechOffsetMs)}</span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
