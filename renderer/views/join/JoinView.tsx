import { useState, type FormEvent } from 'react';
import { GUEST_ROLES, type GuestRole } from '../../../electron/api/sharing.ts';
import { joinWithCode } from '../../api/session.ts';
import { AppHeader } from '../../components/AppHeader.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * What a device on the local network sees first: the six-digit code the organizer shows. The
 * code buys a token for this tab; the page then opens as asked (notes, projector, …).
 */
/** Where each role's page is, and which role a page's address suggests. */
const PAGE_OF: Record<GuestRole, string> = {
  notetaker: '/notes',
  projector: '/projector',
  confidence: '/confidence',
};
const roleFromPath = (path: string): GuestRole =>
  GUEST_ROLES.find((role) => PAGE_OF[role] === path) ?? 'notetaker';

export function JoinView() {
  const { t } = useI18n();
  const [role, setRole] = useState<GuestRole>(() => roleFromPath(window.location.pathname));
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const outcome = await joinWithCode(code.replace(/\s/g, ''), role);
    setBusy(false);
    if (outcome === 'ok') window.location.assign(PAGE_OF[role] + window.location.search);
    else setError(t(`join.${outcome}`));
  }

  return (
    <div className="join-view">
      <AppHeader offline />
      <form className="join-form" onSubmit={submit} aria-label={t('join.heading')}>
        <h1>{t('join.heading')}</h1>
        <p className="muted">{t('join.explain')}</p>
        <fieldset className="join-roles">
          <legend>{t('join.role')}</legend>
          {GUEST_ROLES.map((value) => (
            <label key={value}>
              <input
                type="radio"
                name="role"
                value={value}
                checked={role === value}
                onChange={() => setRole(value)}
              />
              <strong>{t(`sharing.role.${value}`)}</strong>
              <span className="muted small">{t(`join.roleHint.${value}`)}</span>
            </label>
          ))}
        </fieldset>
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
