import { useState, type FormEvent } from 'react';
import { GUEST_ROLES, type GuestRole } from '../../../electron/api/sharing.ts';
import { joinWithCode } from '../../api/session.ts';
import { AppHeader } from '../../components/AppHeader.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { phrase, say, type Phrase } from '../../i18n/phrase.ts';
import { PAGE_OF_ROLE, roleSuggestedBy } from './rolePages.ts';

/**
 * What a device on the local network sees first: what it is for, and the six-digit code the
 * organizer shows. The code buys a token for this tab; the page then opens that role's screen.
 */
export function JoinView() {
  const { t } = useI18n();
  const [role, setRole] = useState<GuestRole>(() => roleSuggestedBy(window.location.pathname));
  const [code, setCode] = useState('');
  // Kept as a phrase, not words: a language switch rewords it.
  const [error, setError] = useState<Phrase | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const outcome = await joinWithCode(code.replace(/\s/g, ''), role);
    setBusy(false);
    // replace, not assign: the back button then leaves instead of returning to a spent code.
    if (outcome.kind === 'ok') window.location.replace(PAGE_OF_ROLE[role] + window.location.search);
    else if (outcome.kind === 'locked')
      setError(phrase('join.locked', { minutes: outcome.minutes }));
    else setError(phrase(`join.${outcome.kind}`));
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
            {say(t, error)}
          </p>
        )}
      </form>
    </div>
  );
}
