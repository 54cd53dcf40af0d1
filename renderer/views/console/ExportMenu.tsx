import { useCallback, useEffect, useRef, useState } from 'react';
import { EXPORT_NAMES, SEATING_EXPORTS, type ExportName } from '../../../electron/api/bundle.ts';
import type { ServerEvent } from '../../../electron/api/events.ts';
import { nobodyToSeat } from '../../../electron/api/seating.ts';
import { BusyDownloadError, downloadFile, type DownloadProgress } from '../../api/download.ts';
import { useLiveEvents } from '../../api/live.ts';
import { useSeating } from '../../components/useSeating.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { phrase, say, type Phrase } from '../../i18n/phrase.ts';
import { errorPhrase } from './fieldErrors.ts';
import { NewsBriefSourcesOption } from './NewsBriefSourcesOption.tsx';

/** The last seating entry in the menu: the reason they are greyed is said under it, once. */
const LAST_SEATING_EXPORT = EXPORT_NAMES.filter((name) => SEATING_EXPORTS.has(name)).at(-1);

interface Busy extends DownloadProgress {
  name: ExportName;
  /** How far the server has come making the file (its job.progress events), 0 to 1. */
  made: number;
}

/**
 * What the meeting leaves behind, one click each: the file is made on the server (a progress
 * bar says so), then downloaded, or saved where the user chooses in the desktop app. Once it is
 * saved the menu closes, leaving a note of what was saved under it until the menu is opened
 * again; a failure keeps the menu open with its reason, to try again. With nobody to seat, the
 * seating chart and name cards are greyed ahead of time with what to do (the server would refuse
 * them); the chart is kept up live, so adding people makes them available at once.
 */
export function ExportMenu({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<Busy | null>(null);
  // Kept as a phrase, not words: a language switch rewords it.
  const [outcome, setOutcome] = useState<{ ok: boolean; phrase: Phrase } | null>(null);
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDetailsElement>(null);
  const [seating] = useSeating(meetingId);
  // Until the chart has loaded nothing is greyed: the server's refusal still stands behind it.
  const seatingUnavailable = seating !== null && nobodyToSeat(seating.chart);
  const unavailable = (name: ExportName) => seatingUnavailable && SEATING_EXPORTS.has(name);

  // The server says how far it has come making the file, before the first byte arrives.
  useLiveEvents(
    useCallback(
      (event: ServerEvent) => {
        if (event.kind !== 'job.progress' || event.job.meetingId !== meetingId) return;
        const { name, fraction } = event.job;
        setBusy((held) => (held && held.name === name ? { ...held, made: fraction } : held));
      },
      [meetingId],
    ),
  );

  async function exportAs(name: ExportName) {
    setOutcome(null);
    setBusy({ name, received: 0, total: null, made: 0 });
    try {
      const saved = await downloadFile(
        `/api/meetings/${encodeURIComponent(meetingId)}/export/${name}`,
        name,
        (progress) => setBusy({ name, made: 1, ...progress }),
      );
      setOutcome({ ok: true, phrase: phrase('export.done', { file: saved }) });
      if (menu.current) menu.current.open = false;
    } catch (error) {
      const reason =
        error instanceof BusyDownloadError
          ? phrase('export.busy', { seconds: String(error.retryAfterSeconds) })
          : errorPhrase(error);
      setOutcome({
        ok: false,
        phrase: phrase('export.failed', { what: phrase(`export.${name}`), reason }),
      });
    } finally {
      setBusy(null);
    }
  }

  // As menus do: a click or tap outside closes it (a <details> alone stays open over the page).
  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      const element = menu.current;
      if (element && event.target instanceof Node && !element.contains(event.target)) {
        element.open = false;
      }
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  /** Escape closes the menu and gives the focus back to its button, as menus do. */
  function closeOnEscape(event: React.KeyboardEvent<HTMLDetailsElement>) {
    if (event.key !== 'Escape' || !event.currentTarget.open) return;
    event.preventDefault();
    event.stopPropagation();
    event.currentTarget.open = false;
    event.currentTarget.querySelector('summary')?.focus();
  }

  const optionFailed = useCallback(
    (error: unknown) => setOutcome({ ok: false, phrase: errorPhrase(error) }),
    [],
  );

  const percent = busy?.total ? Math.round((busy.received / busy.total) * 100) : null;
  const madePercent = busy ? Math.round(busy.made * 100) : 0;
  // While made: the server's progress, once known; while downloading: the bytes received.
  const barPercent = busy?.received ? percent : madePercent > 0 ? madePercent : null;
  return (
    <div className="export-menu-wrap">
      <details
        ref={menu}
        className="export-menu"
        onKeyDown={closeOnEscape}
        onToggle={(e) => {
          const opened = e.currentTarget.open;
          setOpen(opened);
          // Opening again starts afresh: the last note has been seen.
          if (opened && outcome?.ok) setOutcome(null);
        }}
      >
        <summary>{t('export.menu')}</summary>
        <div className="export-panel">
          <ul>
            {EXPORT_NAMES.map((name) => (
              <li key={name}>
                <button
                  type="button"
                  className={unavailable(name) ? 'export-unavailable' : undefined}
                  disabled={busy !== null || unavailable(name)}
                  aria-describedby={unavailable(name) ? 'export-nobody-to-seat' : undefined}
                  onClick={() => void exportAs(name)}
                >
                  {t(`export.${name}`)}
                </button>
                {unavailable(name) && name === LAST_SEATING_EXPORT && (
                  <p className="export-unavailable-reason" id="export-nobody-to-seat">
                    {t('export.nobodyToSeat')}
                  </p>
                )}
                {name === 'news-brief.md' && (
                  <NewsBriefSourcesOption
                    meetingId={meetingId}
                    open={open}
                    disabled={busy !== null}
                    onError={optionFailed}
                  />
                )}
              </li>
            ))}
          </ul>
          <div
            className="export-status"
            role="status"
            aria-live="polite"
            data-testid="export-status"
          >
            {busy && (
              <>
                <span>
                  {busy.received > 0
                    ? t('export.receiving', { percent: String(percent ?? '…') })
                    : madePercent > 0
                      ? t('export.makingPercent', {
                          what: t(`export.${busy.name}`),
                          percent: String(madePercent),
                        })
                      : t('export.making', { what: t(`export.${busy.name}`) })}
                </span>
                <progress
                  aria-label={t(`export.${busy.name}`)}
                  {...(barPercent !== null ? { value: barPercent, max: 100 } : {})}
                />
              </>
            )}
            {!busy && outcome && !outcome.ok && (
              <span className="field-error">{say(t, outcome.phrase)}</span>
            )}
          </div>
        </div>
      </details>
      {/* Outside the menu: a closed <details> shows nothing but its summary. */}
      {!open && outcome?.ok && (
        <p className="export-done" role="status" data-testid="export-done">
          <span>{say(t, outcome.phrase)}</span>
          <button type="button" aria-label={t('export.dismiss')} onClick={() => setOutcome(null)}>
            ×
          </button>
        </p>
      )}
    </div>
  );
}
