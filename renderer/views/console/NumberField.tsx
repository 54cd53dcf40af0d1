import { useRef, useState, type KeyboardEvent } from 'react';
import { z } from 'zod';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { say, type Phrase } from '../../i18n/phrase.ts';
import { fieldErrorsFrom, refusedFields } from './fieldErrors.ts';

interface Props {
  /** The setting's name in the contract, so a refusal that blames it is shown here. */
  field: string;
  label: string;
  /** The stored value; shown whenever the field is not being edited. */
  value: number;
  min: number;
  max: number;
  /** Saves the number; rejects when the server refuses it. */
  onCommit: (value: number) => Promise<void>;
  /** A failure that is not about this field (the network, a meeting gone). */
  onError: (error: unknown) => void;
  /**
   * The contract's schema for the number, when the value is checked here before it is sent
   * (a rank that is a place in the list goes to a command that does not check it), worded as
   * the server's refusals are; `labelKey` names the field in that message.
   */
  check?: { schema: z.ZodType<number>; labelKey: MessageKey };
}

/**
 * A stored whole number edited as text and saved once, when the organizer leaves the field or
 * presses Enter: typing "12" would otherwise save 1 and then 12, and clearing the field on the
 * way to a new number would send nothing sensible. An empty field, or Escape, puts the stored
 * value back; an unchanged one sends nothing; a refusal is shown at the field with the typed
 * text kept, to correct.
 */
export function NumberField({ field, label, value, min, max, onCommit, onError, check }: Props) {
  const { t } = useI18n();
  const [typed, setTyped] = useState<string | null>(null);
  const [refused, setRefused] = useState<Phrase | null>(null);
  // Enter saves, and the blur that may follow while it is on its way must not save again.
  const saving = useRef(false);

  const restore = () => {
    setTyped(null);
    setRefused(null);
  };

  async function commit() {
    if (typed === null || saving.current) return;
    const text = typed.trim();
    if (text === '' || Number(text) === value) {
      restore();
      return;
    }
    if (check) {
      const parsed = z.object({ [field]: check.schema }).safeParse({ [field]: Number(text) });
      if (!parsed.success) {
        setRefused(fieldErrorsFrom(parsed.error, { [field]: check.labelKey })[field] ?? null);
        return;
      }
    }
    saving.current = true;
    try {
      await onCommit(Number(text));
      restore();
    } catch (error) {
      const atField = refusedFields(error, [field])?.[field];
      if (atField) setRefused(atField);
      else {
        restore();
        onError(error);
      }
    } finally {
      saving.current = false;
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      void commit();
    } else if (event.key === 'Escape') {
      restore();
    }
  }

  const errorId = `${field}-error`;
  return (
    <>
      <input
        type="number"
        name={field}
        aria-label={label}
        min={min}
        max={max}
        step={1}
        value={typed ?? String(value)}
        aria-invalid={refused !== null}
        aria-describedby={refused ? errorId : undefined}
        onChange={(e) => setTyped(e.target.value)}
        onBlur={() => void commit()}
        onKeyDown={onKeyDown}
      />
      {refused && (
        <span id={errorId} className="field-error" role="alert">
          {say(t, refused)}
        </span>
      )}
    </>
  );
}
