import { useEffect, useState } from 'react';
import type { SharingState } from '../../../electron/api/sharing.ts';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The organizer's switch for letting other devices on the local network join, with the code. */
export function SharingPanel({ onError }: { onError: (e: unknown) => void }) {
  const { t } = useI18n();
  const [state, setState] = useState<SharingState | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('sharing.get').then(setState, onError);
  }, [onError]);

  async function toggle() {
    setBusy(true);
    try {
      setState(await call('sharing.set', { enabled: !state?.enabled }));
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  }

  if (!state) return null;
  return (
    <section className="sharing-panel" aria-labelledby="sharing-heading" data-testid="sharing">
      <header className="section-header">
        <h3 id="sharing-heading">{t('sharing.heading')}</h3>
        <button type="button" onClick={() => void toggle()} disabled={busy}>
          {state.enabled ? t('sharing.turnOff') : t('sharing.turnOn')}
        </button>
      </header>
      {state.enabled ? (
        <>
          <p className="small">{t('sharing.on')}</p>
          <ul className="share-urls">
            {state.urls.map((u) => (
              <li key={u}>
                <code>{u}notes</code>
              </li>
            ))}
          </ul>
          <p className="share-code" data-testid="share-code">
            {t('sharing.code', { code: state.code })}
          </p>
          <p className="muted small">{t('sharing.guestRights')}</p>
        </>
      ) : (
        <p className="muted small">{t('sharing.off')}</p>
      )}
    </section>
  );
}
