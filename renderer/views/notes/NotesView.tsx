import { useState } from 'react';
import { itemHeadline } from '../../../electron/api/agenda.ts';
import { sortNotes, type Note } from '../../../electron/api/notes.ts';
import { call } from '../../api/client.ts';
import { screenUrl } from '../../api/session.ts';
import { useMeetingNotes } from '../../api/useMeetingNotes.ts';
import { AppHeader } from '../../components/AppHeader.tsx';
import { NoteSearch } from '../../components/NoteSearch.tsx';
import { useStage } from '../../components/useStage.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { phrase, say, type Phrase } from '../../i18n/phrase.ts';
import { callErrorPhrase } from '../console/fieldErrors.ts';
import { MeetingPicker } from './MeetingPicker.tsx';
import { NoteComposer } from './NoteComposer.tsx';
import { NoteRow } from './NoteRow.tsx';

const AUTHOR_KEY = 'roundtable.author';

/**
 * The note-taker's screen: follows the speaker on stage (or stays on a chosen one), shows
 * everyone's notes for that speaker as they arrive, and takes new ones.
 */
export function NotesView() {
  const { t } = useI18n();
  const {
    loaded,
    meeting,
    items,
    run,
    following: onStage,
    stageMeetingId,
    choose,
  } = useStage('choosable');
  const [pinnedItemId, setPinnedItemId] = useState<string | null>(() =>
    new URLSearchParams(window.location.search).get('item'),
  );
  const [author, setAuthor] = useState(() => localStorage.getItem(AUTHOR_KEY) ?? '');
  // Kept as a phrase, not words: a language switch rewords it.
  const [notice, setNotice] = useState<{ ok: boolean; phrase: Phrase } | null>(null);
  const [deleted, setDeleted] = useState<Note | null>(null);
  const { notes, upsertLocal, editedLocal, removeLocal } = useMeetingNotes(meeting?.id ?? null);

  if (!loaded) return <div className="notes-view" />;
  if (!meeting) {
    return (
      <div className="notes-view">
        <AppHeader />
        <p className="empty">{t('projector.noMeeting')}</p>
      </div>
    );
  }

  const following = pinnedItemId === null;
  const itemId = pinnedItemId ?? run?.currentItemId ?? items[0]?.id ?? null;
  const item = items.find((i) => i.id === itemId);
  const itemNotes = sortNotes(notes.filter((n) => n.itemId === itemId));
  const fail = (error: unknown) => setNotice({ ok: false, phrase: callErrorPhrase(error) });

  async function update(change: Parameters<typeof call<'notes.update'>>[1]) {
    try {
      const result = await call('notes.update', change);
      editedLocal(result.note);
      if (result.overwroteNewer) setNotice({ ok: false, phrase: phrase('notes.overwrote') });
      return true;
    } catch (error) {
      fail(error);
      return false;
    }
  }

  async function remove(note: Note) {
    try {
      const answer = await call('notes.delete', { noteId: note.id });
      removeLocal(answer.note);
      setDeleted(note);
    } catch (error) {
      fail(error);
    }
  }

  async function undoDelete() {
    if (!deleted) return;
    try {
      upsertLocal((await call('notes.restore', { noteId: deleted.id })).note);
      setDeleted(null);
    } catch (error) {
      fail(error);
    }
  }

  return (
    <div className="notes-view">
      <AppHeader>
        <label className="author-field">
          {t('notes.author')}
          <input
            value={author}
            maxLength={60}
            onChange={(e) => {
              setAuthor(e.target.value);
              localStorage.setItem(AUTHOR_KEY, e.target.value);
            }}
          />
        </label>
      </AppHeader>
      <div className="notes-body">
        <section className="notes-main" aria-labelledby="notes-item-heading">
          <MeetingPicker
            meeting={meeting}
            following={onStage}
            stageMeetingId={stageMeetingId}
            onChoose={(meetingId) => {
              setPinnedItemId(null);
              choose(meetingId);
            }}
          />
          <div className="item-picker">
            <label className="inline-check">
              <input
                type="checkbox"
                checked={following}
                onChange={(e) => setPinnedItemId(e.target.checked ? null : itemId)}
              />
              {t('notes.follow')}
            </label>
            <select
              value={itemId ?? ''}
              onChange={(e) => setPinnedItemId(e.target.value)}
              aria-label={t('notes.speaker')}
            >
              {items.map((i, index) => (
                <option key={i.id} value={i.id}>
                  {index + 1}. {itemHeadline(i) || t('agenda.untitled')}
                </option>
              ))}
            </select>
          </div>
          {item && (
            <>
              <h1 id="notes-item-heading" className="notes-speaker" data-testid="notes-speaker">
                {itemHeadline(item) || t('agenda.untitled')}
                {item.id === run?.currentItemId && run.clock && (
                  <span className="badge badge-live">{t('run.status.speaking')}</span>
                )}
              </h1>
              {item.topic && <p className="muted">{item.topic}</p>}
              {notice && (
                <p className={notice.ok ? 'notice notice-ok' : 'notice notice-error'} role="alert">
                  {say(t, notice.phrase)}
                </p>
              )}
              {deleted && (
                <p className="notice notice-ok" role="status">
                  {t('notes.deleted')}{' '}
                  <button type="button" onClick={() => void undoDelete()}>
                    {t('notes.undo')}
                  </button>
                </p>
              )}
              <ol className="note-list" aria-label={t('notes.listLabel')}>
                {itemNotes.length === 0 && <li className="empty">{t('notes.empty')}</li>}
                {itemNotes.map((note, index) => (
                  <NoteRow
                    key={note.id}
                    note={note}
                    items={items}
                    onEdit={(text, baseVersion) =>
                      update({ noteId: note.id, text, baseVersion, author })
                    }
                    onStar={() => void update({ noteId: note.id, starred: !note.starred })}
                    onMove={(target) => void update({ noteId: note.id, itemId: target })}
                    onUp={
                      index > 0
                        ? () =>
                            void update({
                              noteId: note.id,
                              beforeNoteId: itemNotes[index - 1]?.id ?? null,
                            })
                        : null
                    }
                    onDown={
                      index < itemNotes.length - 1
                        ? () =>
                            void update({
                              noteId: note.id,
                              beforeNoteId: itemNotes[index + 2]?.id ?? null,
                            })
                        : null
                    }
                    onDelete={() => void remove(note)}
                  />
                ))}
              </ol>
              <NoteComposer
                meetingId={meeting.id}
                itemId={item.id}
                author={author}
                onSaved={upsertLocal}
              />
            </>
          )}
        </section>
        <aside className="notes-side">
          <h2>{t('search.heading')}</h2>
          <NoteSearch
            meetingId={meeting.id}
            onOpen={(result) => {
              if (result.meetingId === meeting.id) setPinnedItemId(result.itemId);
              else
                window.location.assign(
                  screenUrl(`/notes?meeting=${result.meetingId}&item=${result.itemId}`),
                );
            }}
          />
        </aside>
      </div>
    </div>
  );
}
