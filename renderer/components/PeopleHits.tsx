import { useEffect, useState } from 'react';
import type { ParticipantHit } from '../../electron/api/participants.ts';
import { call } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Highlighted } from './Highlighted.tsx';

interface Props {
  query: string;
  meetingId: string | null;
  onOpen?: (hit: ParticipantHit) => void;
}

/** The people of every meeting (or one) whose name, organization or substitute matches. */
export function PeopleHits({ query, meetingId, onOpen }: Props) {
  const { t } = useI18n();
  const [hits, setHits] = useState<ParticipantHit[]>([]);

  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    let current = true;
    // As the notes: after a pause in typing, since an IME composes several keys per character.
    const timer = setTimeout(() => {
      call('participants.search', { q, ...(meetingId ? { meetingId } : {}) })
        .then((r) => current && setHits(r.results))
        .catch(() => current && setHits([]));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, meetingId]);

  if (!query.trim() || hits.length === 0) return null;
  return (
    <section aria-label={t('search.people')}>
      <h4 className="muted small">{t('search.people')}</h4>
      <ol className="search-results" data-testid="people-results">
        {hits.map((hit) => (
          <li key={hit.participantId}>
            <button type="button" className="search-hit" onClick={() => onOpen?.(hit)}>
              <span className="muted small">
                {hit.meetingTitle} · {hit.meetingDate} · {t(`participants.role.${hit.role}`)}
              </span>
              <span className="search-text">
                <Highlighted text={hit.name} ranges={hit.highlights.name} />
                {hit.organization && (
                  <>
                    {' · '}
                    <Highlighted text={hit.organization} ranges={hit.highlights.organization} />
                  </>
                )}
                {hit.position && ` · ${hit.position}`}
                {hit.highlights.substitute.length > 0 && (
                  <>
                    {' · '}
                    {t('participants.substituteShort')}
                    <Highlighted text={hit.substitute} ranges={hit.highlights.substitute} />
                  </>
                )}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
