import { attendanceOf, type DoorPerson, type MeetingStart } from '../../../electron/api/sign-in.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { arrivingName, clockTime } from './doorText.ts';

interface Props {
  person: DoorPerson;
  start: MeetingStart;
  now: number;
  busy: boolean;
  onSignIn: () => void;
}

/** One person at the door: who, from where, whether signed in (when, late) or on leave; a tick. */
export function DoorPersonCard({ person, start, now, busy, onSignIn }: Props) {
  const { t } = useI18n();
  const state = attendanceOf(person, start, now);
  const signed = person.signedInAt !== null;
  const name = arrivingName(person);
  const standsIn = name !== person.name || person.reply === 'substitute';
  return (
    <li className={`door-person${signed ? ' door-signed' : ''}`} data-name={name}>
      <div className="door-who">
        <strong className="door-name">{name}</strong>
        {standsIn && (
          <span className="door-tag door-tag-substitute">
            {t('door.standsInFor', { name: person.name })}
          </span>
        )}
        {person.reply === 'leave' && (
          <span className="door-tag door-tag-leave">{t('door.onLeave')}</span>
        )}
        <span className="door-where">
          {[person.organization, standsIn ? '' : person.position].filter(Boolean).join(' ')}
        </span>
        {person.signedInAt !== null && (
          <span className="door-when">
            {t('door.signedAt', { time: clockTime(person.signedInAt) })}
            {state === 'late' && <span className="door-tag door-tag-late">{t('door.late')}</span>}
          </span>
        )}
      </div>
      <button
        type="button"
        className="door-tick"
        aria-pressed={signed}
        aria-label={t('door.signInName', { name })}
        disabled={signed || busy}
        onClick={onSignIn}
      >
        <span aria-hidden="true">✓</span>
        {!signed && <span className="door-tick-word">{t('door.signIn')}</span>}
      </button>
    </li>
  );
}
