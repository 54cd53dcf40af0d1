import { useRef, useState } from 'react';
import {
  IMPORT_FIELDS,
  TEXT_ENCODINGS,
  type ColumnMapping,
  type ImportPreview,
  type TextEncodingName,
} from '../../../electron/api/import.ts';
import { ApiCallError, call } from '../../api/client.ts';
import type { RevisedAgenda } from '../../api/heldMeeting.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { phrase, say, type Phrase } from '../../i18n/phrase.ts';
import { errorPhrase, isStorageFull } from './fieldErrors.ts';

type Target = 'roster' | 'agenda';

interface Props {
  meetingId: string;
  /** The agenda an import answered with. */
  onAgenda: (agenda: RevisedAgenda) => void;
  /** What was imported, kept as a phrase: worded where it is shown. */
  onDone: (message: Phrase) => void;
}

/**
 * Brings a roster or an agenda in from an .xlsx or CSV file: a preview of the rows as read and
 * of which column holds what (changeable), the encoding when it was a guess, every problem by
 * row and column; nothing is written until the organizer imports.
 */
export function TableImport({ meetingId, onAgenda, onDone }: Props) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [target, setTarget] = useState<Target>('agenda');
  // Kept as a phrase, not words: a language switch rewords it.
  const [error, setError] = useState<Phrase | null>(null);
  const [busy, setBusy] = useState(false);

  async function load(
    next: { name: string; bytes: Uint8Array },
    options: { encoding?: TextEncodingName; mapping?: ColumnMapping; target?: Target } = {},
  ) {
    setBusy(true);
    setError(null);
    try {
      const result = await call('import.preview', {
        file: next.bytes,
        fileName: next.name,
        target: options.target ?? target,
        ...(options.encoding ? { encoding: options.encoding } : {}),
        ...(options.mapping ? { mapping: JSON.stringify(options.mapping) } : {}),
      });
      setFile(next);
      setPreview(result);
    } catch (e) {
      setPreview(null);
      setError(reason(e));
    } finally {
      setBusy(false);
    }
  }

  function reason(e: unknown): Phrase {
    if (e instanceof ApiCallError && e.status === 413) return phrase('tableImport.tooLarge');
    if (isStorageFull(e)) return phrase('error.storageFull');
    return errorPhrase(e);
  }

  /** Says why people were not added, so "0 added" never stands alone. */
  function rosterDoneMessage(added: number, already: number): Phrase {
    if (already === 0) return phrase('tableImport.doneRoster', { count: added });
    if (added === 0) return phrase('tableImport.doneRosterNone', { already });
    return phrase('tableImport.doneRosterSome', { count: added, already });
  }

  async function commit() {
    if (!file || !preview) return;
    setBusy(true);
    const common = {
      file: file.bytes,
      fileName: file.name,
      mapping: JSON.stringify(preview.mapping),
      ...(preview.encoding ? { encoding: preview.encoding } : {}),
    };
    try {
      if (target === 'roster') {
        const result = await call('import.roster', common);
        onDone(rosterDoneMessage(result.added, result.alreadyThere));
      } else {
        const result = await call('import.agenda', { id: meetingId, ...common });
        onAgenda(result);
        onDone(phrase('tableImport.doneAgenda', { count: result.added }));
      }
      setPreview(null);
      setFile(null);
    } catch (e) {
      setError(reason(e));
    } finally {
      setBusy(false);
    }
  }

  const columnFor = (field: (typeof IMPORT_FIELDS)[number]) => preview?.mapping[field];
  return (
    <>
      <button type="button" onClick={() => input.current?.click()} disabled={busy}>
        {t('tableImport.button')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={t('tableImport.button')}
        onChange={(e) => {
          const chosen = e.target.files?.[0];
          e.target.value = '';
          if (!chosen) return;
          if (chosen.size > 10 * 1024 * 1024) {
            setError(phrase('tableImport.tooLarge'));
            return;
          }
          void chosen
            .arrayBuffer()
            .then((buffer) => load({ name: chosen.name, bytes: new Uint8Array(buffer) }));
        }}
      />
      {error && !preview && (
        <p className="field-error wide-row" role="alert">
          {t('tableImport.failed', { reason: say(t, error) })}
        </p>
      )}
      {preview && file && (
        <section
          className="table-import"
          aria-label={t('tableImport.heading', { file: file.name })}
        >
          <h3>{t('tableImport.heading', { file: file.name })}</h3>
          <div className="table-import-options">
            <fieldset>
              <legend>{t('tableImport.target')}</legend>
              {(['agenda', 'roster'] as const).map((value) => (
                <label key={value}>
                  <input
                    type="radio"
                    name="import-target"
                    checked={target === value}
                    onChange={() => {
                      setTarget(value);
                      void load(file, { mapping: preview.mapping, target: value });
                    }}
                  />
                  {t(`tableImport.target.${value}`)}
                </label>
              ))}
            </fieldset>
            {preview.format === 'csv' && (
              <label>
                {t('tableImport.encoding')}
                <select
                  value={preview.encoding ?? 'utf-8'}
                  onChange={(e) =>
                    void load(file, {
                      encoding: e.target.value as TextEncodingName,
                      mapping: preview.mapping,
                    })
                  }
                >
                  {TEXT_ENCODINGS.map((encoding) => (
                    <option key={encoding} value={encoding}>
                      {t(`tableImport.encoding.${encoding}`)}
                    </option>
                  ))}
                </select>
                {!preview.encodingCertain && (
                  <span className="muted small">{t('tableImport.encodingGuessed')}</span>
                )}
              </label>
            )}
          </div>
          <div className="table-import-mapping">
            {IMPORT_FIELDS.map((field) => (
              <label key={field}>
                {t(`tableImport.field.${field}`)}
                <select
                  aria-label={t(`tableImport.field.${field}`)}
                  value={columnFor(field) ?? ''}
                  onChange={(e) => {
                    const mapping = { ...preview.mapping };
                    if (e.target.value === '') delete mapping[field];
                    else mapping[field] = Number(e.target.value);
                    void load(file, {
                      mapping,
                      ...(preview.encoding ? { encoding: preview.encoding } : {}),
                    });
                  }}
                >
                  <option value="">{t('tableImport.none')}</option>
                  {preview.headers.map((header, index) => (
                    <option key={index} value={index}>
                      {header || t('tableImport.column', { n: index + 1 })}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <div className="table-import-rows">
            <table>
              <thead>
                <tr>
                  <th>{t('tableImport.row')}</th>
                  {preview.headers.map((header, index) => (
                    <th key={index}>{header}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.slice(0, 8).map((row, index) => (
                  <tr key={index}>
                    <td className="muted">{index + 2}</td>
                    {preview.headers.map((_, column) => (
                      <td key={column}>{row[column] ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted small">{t('tableImport.rowCount', { count: preview.rowCount })}</p>
          </div>
          {preview.problems.length > 0 && (
            <ul className="table-import-problems" role="alert">
              {preview.problems.slice(0, 10).map((p, index) => (
                <li key={index}>
                  {t('tableImport.problem', {
                    where: [
                      p.row !== null ? t('tableImport.atRow', { row: p.row }) : '',
                      p.column ? t('tableImport.atColumn', { column: p.column }) : '',
                    ]
                      .filter(Boolean)
                      .join('，'),
                    message: t(`tableImport.problem.${p.code}`, {
                      value:
                        p.code === 'missingColumn'
                          ? t(`tableImport.field.${p.value as (typeof IMPORT_FIELDS)[number]}`)
                          : p.value,
                    }),
                  })}
                </li>
              ))}
            </ul>
          )}
          {error && (
            <p className="field-error" role="alert">
              {t('tableImport.failed', { reason: say(t, error) })}
            </p>
          )}
          <div className="form-actions">
            <button
              type="button"
              className="primary"
              disabled={busy || preview.problems.length > 0}
              onClick={() => void commit()}
            >
              {t('tableImport.commit', { count: preview.rowCount })}
            </button>
            <button type="button" onClick={() => setPreview(null)}>
              {t('meeting.cancel')}
            </button>
          </div>
        </section>
      )}
    </>
  );
}
