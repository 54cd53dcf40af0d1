import { useState, type KeyboardEvent } from 'react';
import { noteKindSchema, parseNotePrefix, type NoteKind } from '../../../electron/api/notes.ts';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { phrase, say, type Phrase } from '../../i18n/phrase.ts';
import { callErrorPhrase, isStorageFull } from '../console/fieldErrors.ts';
import { useDraft } from './useDraft.ts';
import type { Note } from '../../../electron/api/notes.ts';

interface Props {
  meetingId: string;
  itemId: string;
  author: string;
  onSaved: (note: Note) => void;
}

/** Typing a note: Enter saves under the speaker, Alt+1…6 or a prefix ("数据：") picks the kind. */
export function NoteComposer({ meetingId, itemId, author, onSaved }: Props) {
  const { t } = useI18n();
  const [text, setText] = useDraft(`${meetingId}.${itemId}`);
  const [kind, setKind] = useState<NoteKind>('takeaway');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');
  // Kept as a phrase, not words: a language switch rewords it.
  const [status, setStatus] = useState<{ ok: boolean; phrase: Phrase } | null>(null);
  const [saving, setSaving] = useState(false);

  async function save() {
    const parsed = parseNotePrefix(text);
    const body = parsed.text.trim();
    if (!body || saving) return;
    const noteKind = parsed.kind ?? kind;
    setSaving(true);
    try {
      const note = await call('notes.create', {
        id: meetingId,
        itemId,
        kind: noteKind,
        text: body,
        author,
        ...(noteKind === 'action' ? { owner, dueDate: dueDate || null } : {}),
      });
      setText('');
      setStatus({ ok: true, phrase: phrase('notes.saved') });
      onSaved(note);
    } catch (error) {
      // The draft stays in the box (and in this browser) whatever the cause: only an
      // acknowledged save clears it.
      const said = isStorageFull(error)
        ? phrase('notes.storageFull')
        : phrase('notes.notSaved', { reason: callErrorPhrase(error) });
      setStatus({ ok: false, phrase: said });
    } finally {
      setSaving(false);
    }
  }

  function onKey(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.nativeEvent.isComposing) return; // the IME is still choosing characters
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void save();
      return;
    }
    const digit = event.altKey ? Number(event.key) : Number.NaN;
    const picked = noteKindSchema.options[digit - 1];
    if (picked) {
      event.preventDefault();
      setKind(picked);
    }
  }

  const prefixKind = parseNotePrefix(text).kind;
  const shownKind = prefixKind ?? kind;
  return (
    <div className="note-composer">
      <div className="kind-picker" role="radiogroup" aria-label={t('notes.kind')}>
        {noteKindSchema.options.map((k, i) => (
          <button
            key={k}
            type="button"
            role="radio"
            aria-checked={shownKind === k}
            className={`note-kind kind-${k}`}
            onClick={() => setKind(k)}
          >
            {t(`noteKind.${k}`)} <kbd>Alt+{i + 1}</kbd>
          </button>
        ))}
      </div>
      <textarea
        value={text}
        rows={3}
        onChange={(e) => {
          setText(e.target.value);
          setStatus(null);
        }}
        onKeyDown={onKey}
        placeholder={t('notes.placeholder')}
        aria-label={t('notes.placeholder')}
        maxLength={10_000}
      />
      {shownKind === 'action' && (
        <div className="action-fields">
          <label>
            {t('notes.owner')}
            <input value={owner} onChange={(e) => setOwner(e.target.value)} maxLength={60} />
          </label>
          <label>
            {t('notes.dueDate')}
            <input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
          </label>
        </div>
      )}
      <div className="composer-footer">
        <button type="button" className="primary" onClick={() => void save()} disabled={saving}>
          {t('notes.save')} <kbd>Enter</kbd>
        </button>
        {status && (
          <span
            className={status.ok ? 'save-ok' : 'save-error'}
            role="status"
            data-testid="save-status"
          >
            {say(t, status.phrase)}
          </span>
        )}
      </div>
    </div>
  );
}
