import { useEffect, useState } from 'react';
import { serverNow } from '../../api/serverClock.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** A lock's end to the second: a minute lock ending at 10:31:20 must not read "until 10:31". */
function clockTimeWithSeconds(epochMs: number): string {
  const d = new Date(epochMs);
  return [d.getHours(), d.getMinutes(), d.getSeconds()]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');
}

/**
 * While joining is shut after too many wrong codes (the server has already replaced the code):
 * says so and until when, and goes away by itself then (one timer for that moment, no ticking).
 */
export function JoinLockedNotice({ lockedUntil }: { lockedUntil: number | null }) {
  const { t } = useI18n();
  const [, setEnded] = useState(0);
  useEffect(() => {
    if (lockedUntil === null) return;
    const timer = setTimeout(() => setEnded(lockedUntil), lockedUntil - serverNow());
    return () => clearTimeout(timer);
  }, [lockedUntil]);
  if (lockedUntil === null || serverNow() >= lockedUntil) return null;
  return (
    <p className="notice notice-error" role="status" data-testid="share-locked">
      {t('sharing.lockedNotice', { time: clockTimeWithSeconds(lockedUntil) })}
    </p>
  );
}
