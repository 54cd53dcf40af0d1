import { useState } from 'react';
import {
  PARTICIPANT_REPLIES,
  PARTICIPANT_ROLES,
  participantRank,
  type Participant,
  type UpdateParticipantInput,
} from '../../../electron/api/participants.ts';
import type { MeetingStart } from '../../../electron/api/sign-in.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { NumberField } from './NumberField.tsx';
import { SignInCell } from './SignInCell.tsx';

type Change = Omit<UpdateParticipantInput, 'id' | 'participantId'>;

interface Props {
  person: Participant;
  first: boolean;
  last: boolean;
  onChange: (change: Change) => void;
  onMove: (step: -1 | 1) => void;
  /** Puts the person at this place in the list (1 is first); rejects when refused. */
  onMoveTo: (rank: number) => Promise<void>;
  /** How many are listed: the last place a rank can name. */
  count: number;
  onError: (error: unknown) => void;
  onRemove: () => void;
  /** The meeting's date and planned start: a sign-in after it on that day is late. */
  start: MeetingStart;
  onSignIn: (signedIn: boolean) => void;
}

const TEXT_FIELDS = ['name', 'organization', 'position'] as const;

/** One person: role and reply change at once; name, unit, post and the reply's detail by 编辑. */
export function ParticipantRow({
  person,
  first,
  last,
  onChange,
  onMove,
  onMoveTo,
  count,
  onError,
  onRemove,
  start,
  onSignIn,
}: Props) {
  const { t } = useI18n();
  const [edit, setEdit] = useState<Record<string, string> | null>(null);
  const detail =
    person.reply === 'leave'
      ? person.leaveReason
      : person.reply === 'substitute'
        ? person.substitute
        : '';

  if (edit) {
    const detailField =
      person.reply === 'leave'
        ? 'leaveReason'
        : person.reply === 'substitute'
          ? 'substitute'
          : null;
    // One block under the person's rank, not a field per column: the columns are sized for the
    // list's short words, and five fields and two buttons in them ran past the table's edge.
    return (
      <tr className="participant-editing">
        <td>{person.rank}</td>
        <td colSpan={7}>
          <div className="participant-edit">
            {TEXT_FIELDS.map((field) => (
              <input
                key={field}
                aria-label={t(`participants.${field}`)}
                placeholder={t(`participants.${field}`)}
                value={edit[field]}
                onChange={(e) => setEdit({ ...edit, [field]: e.target.value })}
              />
            ))}
            <input
              aria-label={t('participants.phone')}
              placeholder={t('participants.phone')}
              inputMode="tel"
              value={edit.phone}
              onChange={(e) => setEdit({ ...edit, phone: e.target.value })}
            />
            {detailField && (
              <input
                aria-label={t(`participants.${detailField}`)}
                placeholder={t(`participants.${detailField}`)}
                value={edit[detailField]}
                onChange={(e) => setEdit({ ...edit, [detailField]: e.target.value })}
              />
            )}
            <span className="roster-actions participant-edit-actions">
              <button
                type="button"
                className="primary"
                onClick={() => {
                  setEdit(null);
                  onChange(edit);
                }}
              >
                {t('agenda.save')}
              </button>
              <button type="button" onClick={() => setEdit(null)}>
                {t('meeting.cancel')}
              </button>
            </span>
          </div>
        </td>
      </tr>
    );
  }

  return (
    <tr className={`participant reply-${person.reply}`}>
      <td className="participant-rank">
        <NumberField
          field="rank"
          label={t('participants.rankOf', { name: person.name })}
          value={person.rank}
          min={1}
          max={count}
          onCommit={onMoveTo}
          onError={onError}
          check={{ schema: participantRank.max(count), labelKey: 'participants.rank' }}
        />
      </td>
      <td className="participant-name">{person.name}</td>
      <td className="participant-words">{person.organization}</td>
      <td className="participant-words">
        {person.position}
        {person.phone && <span className="participant-phone">{person.phone}</span>}
      </td>
      <td>
        <select
          aria-label={t('participants.role')}
          value={person.role}
          onChange={(e) => onChange({ role: e.target.value as Participant['role'] })}
        >
          {PARTICIPANT_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`participants.role.${role}`)}
            </option>
          ))}
        </select>
      </td>
      <td className="participant-reply">
        <select
          aria-label={t('participants.reply')}
          value={person.reply}
          onChange={(e) => {
            const reply = e.target.value as Participant['reply'];
            onChange({ reply });
            // A leave wants its reason, a substitute a name: asked for at once.
            if (reply === 'leave' || reply === 'substitute') setEdit(draftOf(person));
          }}
        >
          {PARTICIPANT_REPLIES.map((reply) => (
            <option key={reply} value={reply}>
              {t(`participants.reply.${reply}`)}
            </option>
          ))}
        </select>
        {detail && <span className="participant-detail">{detail}</span>}
      </td>
      <SignInCell person={person} start={start} onSignIn={onSignIn} />
      <td className="roster-actions">
        <button
          type="button"
          aria-label={t('agenda.moveUp')}
          disabled={first}
          onClick={() => onMove(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label={t('agenda.moveDown')}
          disabled={last}
          onClick={() => onMove(1)}
        >
          ↓
        </button>
        <button type="button" onClick={() => setEdit(draftOf(person))}>
          {t('agenda.edit')}
        </button>
        <button type="button" className="danger" onClick={onRemove}>
          {t('participants.remove')}
        </button>
      </td>
    </tr>
  );
}

const draftOf = (person: Participant): Record<string, string> => ({
  name: person.name,
  organization: person.organization,
  position: person.position,
  phone: person.phone,
  leaveReason: person.leaveReason,
  substitute: person.substitute,
});
