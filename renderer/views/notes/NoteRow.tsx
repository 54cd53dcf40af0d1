import { useState, type KeyboardEvent } from 'react';
import { itemHeadline, type AgendaItem } from '../../../electron/api/agenda.ts';
import { formatSpeechOffset, type Note } from '../../../electron/api/notes.ts';
import { useI18n } from '../../i18n/i18n.tsx';

interface Props {
  note: Note;
  items: AgendaItem[];
  onEdit: (text: string, baseVersion: number) => Promise<boolean>;
  onStar: () => void;
  onMove: (itemId: string) => void;
  onUp: (() => void) | null;
  onDown: (() => void) | null;
  onDelete: () => void;
}

export function NoteRow({ note, items, onEdit, onStar, onMove, onUp, onDown, onDelete }: Props) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<{ text: string; baseVersion: number } | null>(null);
  // Someone else saved this note while it was open here: say so, keep what is being typed.
  const changedElsewhere = editing !== null && note.version > editing.baseVersion;

  async function saveEdit() {
    if (editing && (await onEdit(editing.text, editing.baseVersion))) setEditing(null);
  }
  function onKey(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void saveEdit();
    } else if (event.key === 'Escape') {
      setEditing(null);
    }
  }

  return (
    <li
      className={`note-row${note.starred ? ' starred' : ''}`}
      data-testid="note"
      data-note-id={note.id}
    >
      <span className={`note-kind kind-${note.kind}`}>{t(`noteKind.${note.kind}`)}</span>
      <div className="note-body">
        {editing ? (
          <>
            <textarea
              value={editing.text}
              autoFocus
              rows={2}
              onChange={(e) => setEditing({ ...editing, text: e.target.value })}
              onKeyDown={onKey}
              aria-label={t('notes.edit')}
            />
            {changedElsewhere && (
              <p className="save-error" role="alert">
                {t('notes.changedElsewhere', {
                  author: note.author || t('notes.someone'),
                  text: note.text,
                })}
              </p>
            )}
          </>
        ) : (
          <p className="note-text">{note.text}</p>
        )}
        <p className="muted small note-meta">
          {note.speechOffsetMs !== null && (
            <span className="speech-offset">{formatSpeechOffset(note.speechOffsetMs)}</span>
          )}
          {note.author && <span>{note.author}</span>}
          {note.kind === 'action' && (note.owner || note.dueDate) && (
            <span>
              {t('notes.actionMeta', { owner: note.owner || '—', due: note.dueDate ?? '—' })}
            </span>
          )}
        </p>
      </div>
      <div className="note-actions">
        <button
          type="button"
          onClick={onStar}
          aria-pressed={note.starred}
          aria-label={t('notes.star')}
          title={t('notes.star')}
        >
          {note.starred ? '★' : '☆'}
        </button>
        {editing ? (
          <button type="button" onClick={() => void saveEdit()}>
            {t('notes.save')}
          </button>
        ) : (
          <button
            type="button"
            onClick={() => setEditing({ text: note.text, baseVersion: note.version })}
          >
            {t('notes.edit')}
          </button>
        )}
        <button
          type="button"
          onClick={() => onUp?.()}
          disabled={!onUp}
          aria-label={t('agenda.moveUp')}
        >
          ↑
        </button>
        <button
          type="button"
          onClick={() => onDown?.()}
          disabled={!onDown}
          aria-label={t('agenda.moveDown')}
        >
          ↓
        </button>
        <select
          value=""
          onChange={(e) => e.target.value && onMove(e.target.value)}
          aria-label={t('notes.moveTo')}
        >
          <option value="">{t('notes.moveTo')}</option>
          {items
            .filter((i) => i.id !== note.itemId)
            .map((i) => (
              <option key={i.id} value={i.id}>
                {itemHeadline(i) || t('agenda.untitled')}
              </option>
            ))}
        </select>
        <button type="button" className="danger" onClick={onDelete}>
          {t('notes.delete')}
        </button>
      </div>
    </li>
  );
}
