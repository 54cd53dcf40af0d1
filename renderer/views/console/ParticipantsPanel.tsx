import { useState, type FormEvent } from 'react';
import type { Meeting } from '../../../electron/api/meeting.ts';
import {
  addParticipantInput,
  countAttendance,
  PARTICIPANT_ROLES,
  type Participant,
  type ParticipantList,
} from '../../../electron/api/participants.ts';
import { call } from '../../api/client.ts';
import { serverNow } from '../../api/serverClock.ts';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { say } from '../../i18n/phrase.ts';
import { meetingStartOf } from '../door/doorText.ts';
import { fieldErrorsFrom, refusedFields, type FieldErrors } from './fieldErrors.ts';
import { ParticipantRow } from './ParticipantRow.tsx';
import { useParticipants } from './useParticipants.ts';

const EMPTY = {
  name: '',
  organization: '',
  position: '',
  phone: '',
  role: 'attendee' as Participant['role'],
};
const TYPED_FIELDS = ['name', 'organization', 'position', 'phone'] as const;
/** The add form's fields as its messages name them (“联系电话过长：最多 40 个字”). */
const ADD_LABELS: Record<string, MessageKey> = {
  name: 'participants.name',
  organization: 'participants.organization',
  position: 'participants.position',
  phone: 'participants.phone',
};

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
  const { people, showAnswer, showSignedIn } = useParticipants(meeting.id);
  const [draft, setDraft] = useState(EMPTY);
  const [addErrors, setAddErrors] = useState<FieldErrors>({});
  const [said, setSaid] = useState<string | null>(null);
  const id = meeting.id;
  const start = meetingStartOf(meeting);
  const counts = countAttendance(people, start, serverNow());

  // The answer puts the tick in at once; participants.changed brings the same to every screen.
  async function signIn(person: Participant, signedIn: boolean) {
    try {
      const ref = { id, participantId: person.id };
      const answer = await call(signedIn ? 'signIn.signIn' : 'signIn.undo', ref);
      const { signedInAt } = answer.person;
      showSignedIn(person.id, signedInAt);
    } catch (error) {
      onError(error);
    }
  }

  async function act(work: () => Promise<ParticipantList>) {
    try {
      showAnswer(await work());
    } catch (error) {
      onError(error);
    }
  }

  // Checked by the contract's own schema first, so a phone over the limit is named at its field
  // before anything is sent; a refusal from the server is shown at its field the same way.
  async function add(event: FormEvent) {
    event.preventDefault();
    const parsed = addParticipantInput.safeParse({ id, ...draft });
    if (!parsed.success) {
      setAddErrors(fieldErrorsFrom(parsed.error, ADD_LABELS));
      return;
    }
    setAddErrors({});
    try {
      showAnswer(await call('participants.add', parsed.data));
      setDraft(EMPTY);
    } catch (error) {
      const atField = refusedFields(error, Object.keys(ADD_LABELS));
      if (atField) setAddErrors(atField);
      else onError(error);
    }
  }

  function move(person: Participant, step: -1 | 1) {
    const order = people.map((p) => p.id);
    const at = order.indexOf(person.id);
    order.splice(at, 1);
    order.splice(at + step, 0, person.id);
    void act(() => call('participants.reorder', { id, participantIds: order }));
  }

  // A rank typed in the list is a place: the person moves there and the ranks close up 1, 2, 3…,
  // as ↑ and ↓ leave them.
  async function moveTo(person: Participant, rank: number) {
    const order = people.map((p) => p.id).filter((p) => p !== person.id);
    order.splice(rank - 1, 0, person.id);
    showAnswer(await call('participants.reorder', { id, participantIds: order }));
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
                  onMoveTo={(rank) => moveTo(person, rank)}
                  count={people.length}
                  onError={onError}
                  onRemove={() => remove(person)}
                  start={start}
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
        {TYPED_FIELDS.map((field) => (
          <span key={field} className={`participants-add-field participants-add-${field}`}>
            <input
              aria-label={t(`participants.${field}`)}
              placeholder={t(`participants.${field}`)}
              inputMode={field === 'phone' ? 'tel' : undefined}
              value={draft[field]}
              aria-invalid={Boolean(addErrors[field])}
              aria-describedby={addErrors[field] ? `participants-add-${field}-error` : undefined}
              onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
            />
            {addErrors[field] && (
              <span id={`participants-add-${field}-error`} className="field-error" role="alert">
                {say(t, addErrors[field])}
              </span>
            )}
          </span>
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
