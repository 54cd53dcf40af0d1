import { useState, type FormEvent } from 'react';
import type { Meeting } from '../../../electron/api/meeting.ts';
import {
  countAttendance,
  PARTICIPANT_ROLES,
  type Participant,
} from '../../../electron/api/participants.ts';
import { call } from '../../api/client.ts';
import { serverNow } from '../../api/serverClock.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ParticipantRow } from './ParticipantRow.tsx';
import { useParticipants } from './useParticipants.ts';

const EMPTY = { name: '', organization: '', position: '', role: 'attendee' as Participant['role'] };

/** The meeting's start as the console's clock reads it (the meeting's date is local). */
const startOf = (meeting: Meeting) => new Date(`${meeting.date}T${meeting.startTime}:00`).getTime();

/**
 * 参会人员: one list from the notice to the minutes. In rank order, with role and reply; the
 * minutes' 出席/请假/列席 come from it once it has anyone, the typed lists otherwise.
 */
export function ParticipantsPanel({
  meeting,
  onError,
}: {
  meeting: Meeting;
  onError: (error: unknown) => void;
}) {
  const { t } = useI18n();
  const [people, setPeople] = useParticipants(meeting.id);
  const [draft, setDraft] = useState(EMPTY);
  const [said, setSaid] = useState<string | null>(null);
  const id = meeting.id;
  const counts = countAttendance(people, startOf(meeting), serverNow());

  // The answer puts the tick in at once; participants.changed brings the same to every screen.
  async function signIn(person: Participant, signedIn: boolean) {
    try {
      const ref = { id, participantId: person.id };
      const answer = await call(signedIn ? 'signIn.signIn' : 'signIn.undo', ref);
      const { signedInAt } = answer.person;
      setPeople((held) => (held ?? []).map((p) => (p.id === person.id ? { ...p, signedInAt } : p)));
    } catch (error) {
      onError(error);
    }
  }

  async function act(work: () => Promise<{ participants: Participant[] }>) {
    try {
      setPeople((await work()).participants);
    } catch (error) {
      onError(error);
    }
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    await act(async () => {
      const answer = await call('participants.add', { id, ...draft });
      setDraft(EMPTY);
      return answer;
    });
  }

  function move(person: Participant, step: -1 | 1) {
    const order = people.map((p) => p.id);
    const at = order.indexOf(person.id);
    order.splice(at, 1);
    order.splice(at + step, 0, person.id);
    void act(() => call('participants.reorder', { id, participantIds: order }));
  }

  function remove(person: Participant) {
    if (!window.confirm(t('participants.removeConfirm', { name: person.name }))) return;
    void act(() => call('participants.remove', { id, participantId: person.id }));
  }

  return (
    <section className="participants-panel" aria-labelledby="participants-heading">
      <header className="section-header">
        <h2 id="participants-heading">{t('participants.heading', { count: people.length })}</h2>
        <span className="header-buttons">
          <button
            type="button"
            onClick={() =>
              void act(async () => {
                const answer = await call('participants.addFromRoster', { id });
                setSaid(t('participants.addedFromRoster', { count: answer.added }));
                return answer;
              })
            }
          >
            {t('participants.fromRoster')}
          </button>
        </span>
      </header>
      <p className="participant-counts" aria-label={t('participants.countsLabel')}>
        <span>{t('participants.expected', { count: counts.expected })}</span>
        <span>{t('participants.signedIn', { count: counts.signedIn })}</span>
        <span>{t('participants.onLeave', { count: counts.onLeave })}</span>
        <span>{t('participants.notYet', { count: counts.notYet })}</span>
      </p>
      {said && (
        <p className="muted small" role="status">
          {said}
        </p>
      )}
      <p className="muted small">
        {people.length > 0 ? t('participants.minutesUseList') : t('participants.minutesUseTyped')}
      </p>
      {people.length > 0 && (
        <div className="participants-scroll">
          <table className="roster-table participants-table">
            <thead>
              <tr>
                <th>{t('participants.rank')}</th>
                <th>{t('participants.name')}</th>
                <th>{t('participants.organization')}</th>
                <th>{t('participants.position')}</th>
                <th>{t('participants.role')}</th>
                <th>{t('participants.reply')}</th>
                <th>{t('participants.signInColumn')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {people.map((person, index) => (
                <ParticipantRow
                  key={person.id}
                  person={person}
                  first={index === 0}
                  last={index === people.length - 1}
                  onChange={(change) =>
                    void act(() =>
                      call('participants.update', { id, participantId: person.id, ...change }),
                    )
                  }
                  onMove={(step) => move(person, step)}
                  onRemove={() => remove(person)}
                  plannedStart={startOf(meeting)}
                  onSignIn={(signedIn) => void signIn(person, signedIn)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form
        className="roster-add participants-add"
        aria-label={t('participants.addOne')}
        onSubmit={(e) => void add(e)}
      >
        {(['name', 'organization', 'position'] as const).map((field) => (
          <input
            key={field}
            aria-label={t(`participants.${field}`)}
            placeholder={t(`participants.${field}`)}
            value={draft[field]}
            onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
          />
        ))}
        <select
          aria-label={t('participants.role')}
          value={draft.role}
          onChange={(e) => setDraft({ ...draft, role: e.target.value as Participant['role'] })}
        >
          {PARTICIPANT_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`participants.role.${role}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t('participants.addOne')}</button>
      </form>
    </section>
  );
}
