/**
 * The per-launch token arrives once in the address (?token=…). Keep it for this tab and take it
 * out of the visible address, so it does not end up in screenshots or shared links.
 */
const STORAGE_KEY = 'roundtable.token';

export function readSessionToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(STORAGE_KEY, fromUrl);
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

/** An address of one of the app's screens that another tab or window can open on its own. */
export function screenUrl(pathAndQuery: string): string {
  const url = new URL(pathAndQuery, window.location.origin);
  url.searchParams.set('token', sessionToken());
  return url.toString();
}
