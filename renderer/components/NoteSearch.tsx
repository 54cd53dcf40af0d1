import { useEffect, useState } from 'react';
import { noteKindSchema, type NoteKind, type SearchResult } from '../../electron/api/notes.ts';
import { call } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Highlighted } from './Highlighted.tsx';
import { PeopleHits } from './PeopleHits.tsx';
import type { ParticipantHit } from '../../electron/api/participants.ts';

interface Props {
  /** Limits the search to one meeting when the user asks for it. */
  meetingId: string | null;
  onOpen: (result: SearchResult) => void;
  /** Also finds the meetings' people (the organizer's console; a note-taker may too). */
  onOpenPerson?: (hit: ParticipantHit) => void;
}

/** Full-text search over every meeting's notes, Chinese included. */
export function NoteSearch({ meetingId, onOpen, onOpenPerson }: Props) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<NoteKind | ''>('');
  const [onlyThisMeeting, setOnlyThisMeeting] = useState(false);
  const [results, setResults] = useState<SearchResult[] | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    let current = true;
    // Wait for a pause in typing (an IME composes several keystrokes per character).
    const timer = setTimeout(() => {
      call('notes.search', {
        q,
        ...(kind ? { kind } : {}),
        ...(onlyThisMeeting && meetingId ? { meetingId } : {}),
      })
        .then((r) => current && setResults(r.results))
        .catch(() => current && setResults([]));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, kind, onlyThisMeeting, meetingId]);

  const shown = query.trim() ? results : null;
  return (
    <section className="note-search" aria-label={t('search.heading')}>
      <div className="search-bar">
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t('search.placeholder')}
          aria-label={t('search.heading')}
        />
        <select
          value={kind}
          onChange={(e) => setKind(e.target.value as NoteKind | '')}
          aria-label={t('search.kind')}
        >
          <option value="">{t('search.allKinds')}</option>
          {noteKindSchema.options.map((k) => (
            <option key={k} value={k}>
              {t(`noteKind.${k}`)}
            </option>
          ))}
        </select>
        {meetingId && (
          <label className="inline-check">
            <input
              type="checkbox"
              checked={onlyThisMeeting}
              onChange={(e) => setOnlyThisMeeting(e.target.checked)}
            />
            {t('search.thisMeeting')}
          </label>
        )}
      </div>
      {onOpenPerson && (
        <PeopleHits
          query={query}
          meetingId={onlyThisMeeting ? meetingId : null}
          onOpen={onOpenPerson}
        />
      )}
      {shown && (
        <ol className="search-results" data-testid="search-results">
          {shown.length === 0 && <li className="muted">{t('search.none')}</li>}
          {shown.map((r) => (
            <li key={r.noteId}>
              <button type="button" className="search-hit" onClick={() => onOpen(r)}>
                <span className="muted small">
                  {r.meetingTitle} · {r.meetingDate} · {r.itemHeadline} ·{' '}
                  <span className={`note-kind kind-${r.kind}`}>{t(`noteKind.${r.kind}`)}</span>
                </span>
                <span className="search-text">
                  <Highlighted text={r.text} ranges={r.highlights} />
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
