import { useRef, useState, type FormEvent } from 'react';
import {
  agendaItemFieldsSchema,
  agendaItemKindSchema,
  type AgendaItemFieldsInput,
} from '../../../electron/api/agenda.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { say } from '../../i18n/phrase.ts';
import { fieldErrorsFrom, type FieldErrors } from './fieldErrors.ts';

export const emptyItemDraft: AgendaItemFieldsInput = {
  kind: 'exchange',
  title: '',
  speaker: '',
  speakerPosition: '',
  organization: '',
  topic: '',
  plannedMinutes: 8,
  warningSeconds: null,
  dangerSeconds: null,
};

const TEXT_FIELDS = ['organization', 'speaker', 'speakerPosition', 'topic', 'title'] as const;
const THRESHOLDS = ['warningSeconds', 'dangerSeconds'] as const;

/** Full-width digits (８) are what a Chinese IME types; read them as the digits they are. */
export function readNumber(text: string): number {
  const ascii = text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return ascii === '' ? Number.NaN : Number(ascii);
}

interface Props {
  initial: AgendaItemFieldsInput;
  submitLabel: 'agenda.add' | 'agenda.save';
  formLabel: string;
  onSubmit: (fields: AgendaItemFieldsInput) => Promise<boolean>;
  onCancel?: () => void;
}

/** One form for adding and for editing an agenda item. */
export function AgendaItemForm({ initial, submitLabel, formLabel, onSubmit, onCancel }: Props) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  const [minutesText, setMinutesText] = useState(String(initial.plannedMinutes));
  const [thresholdText, setThresholdText] = useState({
    warningSeconds: initial.warningSeconds === null ? '' : String(initial.warningSeconds),
    dangerSeconds: initial.dangerSeconds === null ? '' : String(initial.dangerSeconds),
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // An empty threshold means "as the meeting says".
    const threshold = (text: string) => (text.trim() === '' ? null : readNumber(text));
    const parsed = agendaItemFieldsSchema.safeParse({
      ...draft,
      plannedMinutes: readNumber(minutesText),
      warningSeconds: threshold(thresholdText.warningSeconds),
      dangerSeconds: threshold(thresholdText.dangerSeconds),
    });
    if (!parsed.success) {
      setErrors(fieldErrorsFrom(parsed.error, { title: 'agenda.title' }));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      if ((await onSubmit(parsed.data)) && submitLabel === 'agenda.add') {
        setDraft({ ...emptyItemDraft, kind: draft.kind, plannedMinutes: draft.plannedMinutes });
        // Ready for the next item: its kind is kept, so typing starts at the first text field.
        form.current?.querySelector<HTMLInputElement>('input[name]')?.focus();
      }
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

  return (
    <form
      ref={form}
      className="agenda-item-form"
      aria-label={formLabel}
      onSubmit={submit}
      noValidate
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onCancel) {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <label>
        {t('agenda.kind')}
        <select
          name="kind"
          value={draft.kind}
          onChange={(e) => setDraft({ ...draft, kind: agendaItemKindSchema.parse(e.target.value) })}
        >
          {agendaItemKindSchema.options.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kind.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      {TEXT_FIELDS.map((field) => (
        <label key={field} className={field === 'topic' ? 'wide' : undefined}>
          {t(`agenda.${field}`)}
          <input
            name={field}
            value={draft[field]}
            onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
          />
          {error(field)}
        </label>
      ))}
      <label>
        {t('agenda.minutes')}
        <input
          name="plannedMinutes"
          inputMode="numeric"
          value={minutesText}
          onChange={(e) => setMinutesText(e.target.value)}
          aria-invalid={Boolean(errors.plannedMinutes)}
        />
        {error('plannedMinutes')}
      </label>
      {THRESHOLDS.map((field) => (
        <label key={field}>
          {t(`agenda.${field}`)}
          <input
            name={field}
            inputMode="numeric"
            placeholder={t('agenda.thresholdFollowsMeeting')}
            value={thresholdText[field]}
            onChange={(e) => setThresholdText({ ...thresholdText, [field]: e.target.value })}
          />
          {error(field)}
        </label>
      ))}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t(submitLabel)}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('agenda.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
