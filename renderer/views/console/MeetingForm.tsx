import { useState, type FormEvent } from 'react';
import {
  meetingFieldsSchema,
  SLIDE_THEMES,
  type MeetingFieldsInput,
} from '../../../electron/api/meeting.ts';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { readNumber } from './AgendaItemForm.tsx';
import { say } from '../../i18n/phrase.ts';
import { fieldErrorsFrom, type FieldErrors } from './fieldErrors.ts';
import { FormCheckbox } from './FormCheckbox.tsx';
import { LogoField } from './LogoField.tsx';

const NAME_LISTS = ['attendees', 'nonVotingAttendees', 'absentees'] as const;
type NameList = (typeof NAME_LISTS)[number];
const TEXT_FIELDS = ['venue', 'organizer', 'presider', 'recorder'] as const;

/** The form's own state: people lists are edited as text, one name per 、 or line. */
type Draft = Omit<MeetingFieldsInput, NameList> & Record<NameList, string>;
type YesNoField = 'chime' | 'minutesHeadcount' | 'archived';

const toDraft = (m: MeetingFieldsInput): Draft => ({
  ...m,
  attendees: m.attendees.join('、'),
  nonVotingAttendees: m.nonVotingAttendees.join('、'),
  absentees: m.absentees.join('、'),
});

const splitNames = (text: string) =>
  text
    .split(/[、，,;；\n\r]+/)
    .map((s) => s.trim())
    .filter(Boolean);

interface Props {
  initial: MeetingFieldsInput;
  submitLabel: MessageKey;
  onSubmit: (fields: MeetingFieldsInput) => Promise<void>;
  onCancel?: () => void;
  /** Named so tests and assistive tech can tell the two forms apart. */
  formLabel: string;
}

export function MeetingForm({ initial, submitLabel, onSubmit, onCancel, formLabel }: Props) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => toDraft(initial));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const candidate = {
      ...draft,
      attendees: splitNames(draft.attendees),
      nonVotingAttendees: splitNames(draft.nonVotingAttendees),
      absentees: splitNames(draft.absentees),
    };
    const parsed = meetingFieldsSchema.safeParse(candidate);
    if (!parsed.success) {
      setErrors(fieldErrorsFrom(parsed.error));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await onSubmit(parsed.data);
    } finally {
      setBusy(false);
    }
  }

  const error = (field: string) =>
    errors[field] ? (
      <span className="field-error" role="alert">
        {say(t, errors[field])}
      </span>
    ) : null;

  const checkbox = (field: YesNoField, wide = false) => (
    <FormCheckbox
      name={field}
      label={t(`meeting.${field}`)}
      checked={draft[field]}
      onChange={(checked) => set(field, checked)}
      wide={wide}
    />
  );

  return (
    <form className="meeting-form" aria-label={formLabel} onSubmit={submit} noValidate>
      <label className="wide">
        {t('meeting.title')}
        <input
          name="title"
          value={draft.title}
          onChange={(e) => set('title', e.target.value)}
          aria-invalid={Boolean(errors.title)}
        />
        {error('title')}
      </label>
      <label>
        {t('meeting.date')}
        <input
          type="date"
          name="date"
          value={draft.date}
          onChange={(e) => set('date', e.target.value)}
        />
        {error('date')}
      </label>
      <label>
        {t('meeting.startTime')}
        <input
          type="time"
          name="startTime"
          value={draft.startTime}
          onChange={(e) => set('startTime', e.target.value)}
        />
        {error('startTime')}
      </label>
      {TEXT_FIELDS.map((field) => (
        <label key={field}>
          {t(`meeting.${field}`)}
          <input name={field} value={draft[field]} onChange={(e) => set(field, e.target.value)} />
          {error(field)}
        </label>
      ))}
      {NAME_LISTS.map((field) => (
        <label key={field} className="wide">
          {t(`meeting.${field}`)}
          <textarea
            name={field}
            rows={field === 'attendees' ? 3 : 1}
            value={draft[field]}
            placeholder={t('meeting.namesHint')}
            onChange={(e) => set(field, e.target.value)}
          />
          {error(field)}
        </label>
      ))}
      {(['warningSeconds', 'dangerSeconds'] as const).map((field) => (
        <label key={field}>
          {t(`meeting.${field}`)}
          <input
            name={field}
            inputMode="numeric"
            value={Number.isNaN(draft[field]) ? '' : draft[field]}
            onChange={(e) => set(field, readNumber(e.target.value))}
            aria-invalid={Boolean(errors[field])}
          />
          {error(field)}
        </label>
      ))}
      {checkbox('chime')}
      <label>
        {t('meeting.slideTheme')}
        <select
          name="slideTheme"
          value={draft.slideTheme}
          onChange={(e) => set('slideTheme', e.target.value as Draft['slideTheme'])}
        >
          {SLIDE_THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {t(`meeting.slideTheme.${theme}`)}
            </option>
          ))}
        </select>
      </label>
      <LogoField value={draft.logo} onChange={(logo) => set('logo', logo)} />
      {error('logo')}
      <label className="wide">
        {t('meeting.minutesMark')}
        <input
          name="minutesMark"
          value={draft.minutesMark}
          placeholder={t('meeting.minutesMarkHint')}
          onChange={(e) => set('minutesMark', e.target.value)}
          aria-invalid={Boolean(errors.minutesMark)}
        />
        {error('minutesMark')}
      </label>
      {checkbox('minutesHeadcount', true)}
      {checkbox('archived')}
      <div className="form-actions wide">
        <button type="submit" className="primary" disabled={busy}>
          {t(submitLabel)}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('meeting.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
