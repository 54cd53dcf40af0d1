import type { ReactNode } from 'react';
import { useLiveStatus } from '../api/live.ts';
import { LOCALES, useI18n } from '../i18n/i18n.tsx';

const LOCALE_NAMES = { 'zh-CN': '中文', en: 'English' } as const;

export function AppHeader({ children }: { children?: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const { status } = useLiveStatus();
  return (
    <header className="app-header">
      <h1>{t('app.name')}</h1>
      <div className="header-tools">
        {children}
        <span className={`live-status live-${status}`} role="status">
          {t(`live.${status}`)}
        </span>
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
