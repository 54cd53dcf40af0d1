import { attendanceOf, type MeetingStart } from '../../../electron/api/sign-in.ts';
import type { Participant } from '../../../electron/api/participants.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { clockTime } from '../door/doorText.ts';

interface Props {
  person: Participant;
  start: MeetingStart;
  onSignIn: (signedIn: boolean) => void;
}

/**
 * The console's 签到 column: a tick for who is not signed in; the time (迟到 when after the
 * planned start on the meeting's day) and an undo for who is. Undo is the organizer's alone: the door only ticks.
 */
export function SignInCell({ person, start, onSignIn }: Props) {
  const { t } = useI18n();
  if (person.signedInAt === null) {
    return (
      <td className="participant-signin">
        <button
          type="button"
          aria-label={t('door.signInName', { name: person.name })}
          onClick={() => onSignIn(true)}
        >
          ✓ {t('door.signIn')}
        </button>
      </td>
    );
  }
  const late = attendanceOf(person, start, person.signedInAt) === 'late';
  return (
    <td className="participant-signin">
      <span className="door-when">
        {t('door.signedAt', { time: clockTime(person.signedInAt) })}
      </span>
      {late && <span className="door-tag door-tag-late">{t('door.late')}</span>}{' '}
      <button
        type="button"
        aria-label={t('participants.undoSignInName', { name: person.name })}
        onClick={() => onSignIn(false)}
      >
        {t('participants.undoSignIn')}
      </button>
    </td>
  );
}
