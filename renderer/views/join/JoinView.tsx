import { useState, type FormEvent } from 'react';
import { joinWithCode } from '../../api/session.ts';
import { AppHeader } from '../../components/AppHeader.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * What a device on the local network sees first: the six-digit code the organizer shows. The
 * code buys a token for this tab; the page then opens as asked (notes, projector, …).
 */
export function JoinView() {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const outcome = await joinWithCode(code.replace(/\s/g, ''));
    setBusy(false);
    if (outcome === 'ok') window.location.reload();
    else setError(t(`join.${outcome}`));
  }

  return (
    <div className="join-view">
      <AppHeader offline />
      <form className="join-form" onSubmit={submit} aria-label={t('join.heading')}>
        <h1>{t('join.heading')}</h1>
        <p className="muted">{t('join.explain')}</p>
        <input
          value={code}
          onChange={(e) => setCode(e.target.value)}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={8}
          aria-label={t('join.code')}
          placeholder="000000"
          autoFocus
        />
        <button type="submit" className="primary" disabled={busy}>
          {t('join.submit')}
        </button>
        {error && (
          <p className="save-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </div>
  );
}
