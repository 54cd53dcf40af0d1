import { useState } from 'react';
import { EXPORT_NAMES, type ExportName } from '../../../electron/api/bundle.ts';
import { downloadFile, type DownloadProgress } from '../../api/download.ts';
import { useI18n } from '../../i18n/i18n.tsx';

interface Busy extends DownloadProgress {
  name: ExportName;
}

/**
 * What the meeting leaves behind, one click each: the file is made on the server (a progress
 * bar says so), then downloaded, or saved where the user chooses in the desktop app.
 */
export function ExportMenu({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<Busy | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  async function exportAs(name: ExportName) {
    setOutcome(null);
    setBusy({ name, received: 0, total: null });
    try {
      const saved = await downloadFile(
        `/api/meetings/${encodeURIComponent(meetingId)}/export/${name}`,
        name,
        (progress) => setBusy({ name, ...progress }),
      );
      setOutcome({ ok: true, text: t('export.done', { file: saved }) });
    } catch (error) {
      setOutcome({
        ok: false,
        text: t('export.failed', { what: t(`export.${name}`), reason: (error as Error).message }),
      });
    } finally {
      setBusy(null);
    }
  }

  const percent = busy?.total ? Math.round((busy.received / busy.total) * 100) : null;
  return (
    <details className="export-menu">
      <summary>{t('export.menu')}</summary>
      <div className="export-panel">
        <ul>
          {EXPORT_NAMES.map((name) => (
            <li key={name}>
              <button type="button" disabled={busy !== null} onClick={() => void exportAs(name)}>
                {t(`export.${name}`)}
              </button>
            </li>
          ))}
        </ul>
        <div className="export-status" role="status" aria-live="polite" data-testid="export-status">
          {busy && (
            <>
              <span>
                {busy.received === 0
                  ? t('export.making', { what: t(`export.${busy.name}`) })
                  : t('export.receiving', { percent: String(percent ?? '…') })}
              </span>
              <progress
                aria-label={t(`export.${busy.name}`)}
                {...(percent !== null ? { value: percent, max: 100 } : {})}
              />
            </>
          )}
          {!busy && outcome && (
            <span className={outcome.ok ? 'export-ok' : 'field-error'}>{outcome.text}</span>
          )}
        </div>
      </div>
    </details>
  );
}
