import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ServerEvent } from '../../../electron/api/events.ts';
import type { RosterEntry } from '../../../electron/api/roster.ts';
import { call } from '../../api/client.ts';
import { useLiveEvents } from '../../api/live.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const EMPTY = { organization: '', name: '', position: '' };

/** The speakers' roster, kept across meetings: add, edit, move, retire and bring back. */
export function RosterPanel({ onError }: { onError: (error: unknown) => void }) {
  const { t } = useI18n();
  const [entries, setEntries] = useState<RosterEntry[]>([]);
  const [draft, setDraft] = useState(EMPTY);
  const [editing, setEditing] = useState<string | null>(null);
  const [edit, setEdit] = useState(EMPTY);

  useEffect(() => {
    call('roster.list')
      .then((r) => setEntries(r.entries))
      .catch(() => {});
  }, []);
  useLiveEvents(
    useCallback((event: ServerEvent) => {
      if (event.kind === 'roster.saved') setEntries(event.entries);
    }, []),
  );

  async function update(entryId: string, change: Partial<RosterEntry> & { index?: number }) {
    try {
      await call('roster.update', { entryId, ...change });
      setEntries((await call('roster.list')).entries);
    } catch (error) {
      onError(error);
    }
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    try {
      await call('roster.add', draft);
      setDraft(EMPTY);
      setEntries((await call('roster.list')).entries);
    } catch (error) {
      onError(error);
    }
  }

  return (
    <details className="roster-panel">
      <summary>{t('roster.heading', { count: entries.filter((e) => !e.retired).length })}</summary>
      <div className="roster-body">
        <table className="roster-table">
          <thead>
            <tr>
              <th>{t('roster.organization')}</th>
              <th>{t('roster.name')}</th>
              <th>{t('roster.position')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, index) =>
              editing === entry.id ? (
                <tr key={entry.id}>
                  {(['organization', 'name', 'position'] as const).map((field) => (
                    <td key={field}>
                      <input
                        aria-label={t(`roster.${field}`)}
                        value={edit[field]}
                        onChange={(e) => setEdit({ ...edit, [field]: e.target.value })}
                      />
                    </td>
                  ))}
                  <td className="roster-actions">
                    <button
                      type="button"
                      className="primary"
                      onClick={() => {
                        setEditing(null);
                        void update(entry.id, edit);
                      }}
                    >
                      {t('agenda.save')}
                    </button>
                    <button type="button" onClick={() => setEditing(null)}>
                      {t('meeting.cancel')}
                    </button>
                  </td>
                </tr>
              ) : (
                <tr key={entry.id} className={entry.retired ? 'retired' : undefined}>
                  <td>{entry.organization}</td>
                  <td>{entry.name}</td>
                  <td>{entry.position}</td>
                  <td className="roster-actions">
                    <button
                      type="button"
                      aria-label={t('agenda.moveUp')}
                      disabled={index === 0}
                      onClick={() => void update(entry.id, { index: index - 1 })}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      aria-label={t('agenda.moveDown')}
                      disabled={index === entries.length - 1}
                      onClick={() => void update(entry.id, { index: index + 1 })}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      onClick={() => {
                        setEditing(entry.id);
                        setEdit({
                          organization: entry.organization,
                          name: entry.name,
                          position: entry.position,
                        });
                      }}
                    >
                      {t('agenda.edit')}
                    </button>
                    <button
                      type="button"
                      onClick={() => void update(entry.id, { retired: !entry.retired })}
                    >
                      {entry.retired ? t('roster.restore') : t('roster.retire')}
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
        <form className="roster-add" aria-label={t('roster.add')} onSubmit={(e) => void add(e)}>
          {(['organization', 'name', 'position'] as const).map((field) => (
            <input
              key={field}
              aria-label={t(`roster.${field}`)}
              placeholder={t(`roster.${field}`)}
              value={draft[field]}
              onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
            />
          ))}
          <button type="submit">{t('roster.add')}</button>
        </form>
      </div>
    </details>
  );
}
