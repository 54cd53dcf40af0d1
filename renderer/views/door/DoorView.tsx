import { useState, type FormEvent } from 'react';
import {
  countAttendance,
  matchesDoorQuery,
  type DoorPerson,
} from '../../../electron/api/sign-in.ts';
import { call } from '../../api/client.ts';
import { serverNow } from '../../api/serverClock.ts';
import { AppHeader } from '../../components/AppHeader.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { phrase, say, type Phrase } from '../../i18n/phrase.ts';
import { callErrorPhrase } from '../console/fieldErrors.ts';
import { DoorPersonCard } from './DoorPersonCard.tsx';
import { arrivingName, clockTime, meetingStartOf } from './doorText.ts';
import { usePinyinInitials } from './pinyinInitials.ts';
import { useDoorList } from './useDoorList.ts';

/**
 * 签到 at the door, on a tablet or a phone: type a few characters of a name, an organization or
 * the pinyin initials, and tick. Every door device and the console see each tick at once.
 */
export function DoorView() {
  const { t } = useI18n();
  const [list, setList] = useDoorList();
  const initialsOf = usePinyinInitials();
  const [query, setQuery] = useState('');
  const [busyId, setBusyId] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; phrase: Phrase } | null>(null);

  if (!list) return <div className="door-view" />;
  const { meetingId } = list;
  if (!meetingId) {
    return (
      <div className="door-view">
        <AppHeader />
        <p className="empty">{t('door.noMeeting')}</p>
      </div>
    );
  }

  const now = serverNow();
  const start = meetingStartOf(list);
  const counts = countAttendance(list.people, start, now);
  const shown = list.people.filter((p) => matchesDoorQuery(p, query, initialsOf));

  async function signIn(person: DoorPerson) {
    setBusyId(person.id);
    try {
      const answer = await call('signIn.signIn', {
        id: meetingId as string,
        participantId: person.id,
      });
      const name = arrivingName(answer.person);
      const at = clockTime(answer.person.signedInAt ?? now);
      setNotice(
        answer.alreadySignedIn
          ? { ok: false, phrase: phrase('door.already', { name, time: at }) }
          : { ok: true, phrase: phrase('door.done', { name }) },
      );
      setList((held) =>
        held && held.meetingId === answer.meetingId
          ? {
              ...held,
              people: held.people.map((p) => (p.id === answer.person.id ? answer.person : p)),
            }
          : held,
      );
      setQuery('');
    } catch (error) {
      setNotice({ ok: false, phrase: callErrorPhrase(error) });
    } finally {
      setBusyId(null);
    }
  }

  // Enter signs in the one person the search leaves, so a queue moves without the mouse.
  function submit(event: FormEvent) {
    event.preventDefault();
    const waiting = shown.filter((p) => p.signedInAt === null);
    if (query.trim() !== '' && waiting.length === 1) void signIn(waiting[0] as DoorPerson);
  }

  return (
    <div className="door-view">
      <AppHeader />
      <main className="door-main">
        <h2 className="door-title">
          {t('door.heading')} · {list.title}
        </h2>
        <p className="door-counts participant-counts" aria-label={t('participants.countsLabel')}>
          <span>{t('participants.expected', { count: counts.expected })}</span>
          <span>{t('participants.signedIn', { count: counts.signedIn })}</span>
          <span>{t('participants.onLeave', { count: counts.onLeave })}</span>
          <span>{t('participants.notYet', { count: counts.notYet })}</span>
        </p>
        <form className="door-search" role="search" onSubmit={submit}>
          <input
            type="search"
            aria-label={t('door.searchLabel')}
            placeholder={t('door.search')}
            value={query}
            autoComplete="off"
            onChange={(e) => setQuery(e.target.value)}
          />
        </form>
        {notice && (
          <p className={notice.ok ? 'door-notice ok' : 'door-notice'} role="status">
            {say(t, notice.phrase)}
          </p>
        )}
        {list.people.length === 0 && <p className="empty">{t('door.empty')}</p>}
        {list.people.length > 0 && shown.length === 0 && (
          <p className="empty">{t('door.none', { query: query.trim() })}</p>
        )}
        <ul className="door-people" aria-label={t('door.heading')}>
          {shown.map((person) => (
            <DoorPersonCard
              key={person.id}
              person={person}
              start={start}
              now={now}
              busy={busyId === person.id}
              onSignIn={() => void signIn(person)}
            />
          ))}
        </ul>
      </main>
    </div>
  );
}
