import { EXPORT_NAMES } from '../../../electron/api/bundle.ts';
import { screenUrl } from '../../api/session.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** Downloads of what the meeting leaves behind (a save dialog in the desktop app). */
export function ExportMenu({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  return (
    <details className="export-menu">
      <summary>{t('export.menu')}</summary>
      <ul>
        {EXPORT_NAMES.map((name) => (
          <li key={name}>
            <a
              href={screenUrl(`/api/meetings/${encodeURIComponent(meetingId)}/export/${name}`)}
              download
            >
              {t(`export.${name}`)}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
