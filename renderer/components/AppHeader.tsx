import type { ReactNode } from 'react';
import { useLiveStatus } from '../api/live.ts';
import { LOCALES, useI18n } from '../i18n/i18n.tsx';

const LOCALE_NAMES = { 'zh-CN': '中文', en: 'English' } as const;

/** The live connection's state; rendering it opens the connection. */
function LiveStatusBadge() {
  const { t } = useI18n();
  const { status } = useLiveStatus();
  return (
    <span className={`live-status live-${status}`} role="status">
      {t(`live.${status}`)}
    </span>
  );
}

/** `offline`: for the page that asks for the access code, which has no token to connect with. */
export function AppHeader({
  children,
  offline = false,
}: {
  children?: ReactNode;
  offline?: boolean;
}) {
  const { t, locale, setLocale } = useI18n();
  return (
    <header className="app-header">
      <h1>{t('app.name')}</h1>
      <div className="header-tools">
        {children}
        {!offline && <LiveStatusBadge />}
        <label className="locale-picker">
          <span className="visually-hidden">{t('app.language')}</span>
          <select
            value={locale}
            aria-label={t('app.language')}
            onChange={(e) => setLocale(e.target.value as (typeof LOCALES)[number])}
          >
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}
