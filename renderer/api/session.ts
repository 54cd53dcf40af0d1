import { GUEST_ROLES, type GuestRole } from '../../electron/api/sharing.ts';

/**
 * The per-launch token arrives once in the address (?token=…). Keep it for this tab and take it
 * out of the visible address, so it does not end up in screenshots or shared links.
 */
const STORAGE_KEY = 'roundtable.token';
/** What this tab joined as, when it joined with the access code (the organizer has none). */
const ROLE_KEY = 'roundtable.role';

export function readSessionToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(STORAGE_KEY, fromUrl);
    sessionStorage.removeItem(ROLE_KEY);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(STORAGE_KEY) ?? '';
}

let token: string | undefined;
export function sessionToken(): string {
  token ??= readSessionToken();
  return token;
}

/** Forgets this tab's token (it was refused: sharing was turned off, or a new code issued). */
export function forgetSessionToken(): void {
  sessionStorage.removeItem(STORAGE_KEY);
  sessionStorage.removeItem(ROLE_KEY);
  token = '';
}

/** The role this tab joined as; null for the organizer's own screens. */
export function guestRole(): GuestRole | null {
  const stored = sessionStorage.getItem(ROLE_KEY);
  return GUEST_ROLES.find((role) => role === stored) ?? null;
}

/** What trading the code came to; `locked` says how long joining stays shut. */
export type JoinOutcome =
  | { kind: 'ok' }
  | { kind: 'wrong' }
  | { kind: 'locked'; minutes: number }
  | { kind: 'removed' }
  | { kind: 'unavailable' };

/** Trades the organizer's access code for this tab's token. */
export async function joinWithCode(code: string, role: GuestRole): Promise<JoinOutcome> {
  try {
    const res = await fetch('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code, role }),
    });
    if (res.status === 429) {
      const seconds = Number(res.headers.get('Retry-After')) || 60;
      return { kind: 'locked', minutes: Math.max(1, Math.ceil(seconds / 60)) };
    }
    // 403 at the door is said of one thing only: the organizer removed this device.
    if (res.status === 403) return { kind: 'removed' };
    if (res.status === 400 || res.status === 401) return { kind: 'wrong' };
    if (!res.ok) return { kind: 'unavailable' };
    const { token: granted } = (await res.json()) as { token: string };
    sessionStorage.setItem(STORAGE_KEY, granted);
    sessionStorage.setItem(ROLE_KEY, role);
    token = granted;
    return { kind: 'ok' };
  } catch {
    return { kind: 'unavailable' };
  }
}

/** An address of one of the app's screens that another tab or window can open on its own. */
export function screenUrl(pathAndQuery: string): string {
  const url = new URL(pathAndQuery, window.location.origin);
  url.searchParams.set('token', sessionToken());
  return url.toString();
}
