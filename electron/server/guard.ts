import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The server answers only requests addressed to it by a loopback literal and its own port.
 * That refuses DNS rebinding (a foreign name resolving to 127.0.0.1 still carries the foreign
 * name in Host) before any route runs.
 */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

export function isAllowedHost(req: IncomingMessage, hosts: Set<string>): boolean {
  const host = req.headers.host;
  return typeof host === 'string' && hosts.has(host.toLowerCase());
}

/** The token from `Authorization: Bearer …` or `?token=`. */
export function presentedToken(req: IncomingMessage, url: URL): string | undefined {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && auth.startsWith('Bearer ')) return auth.slice(7).trim();
  return url.searchParams.get('token') ?? undefined;
}

export function tokenMatches(presented: string | undefined, token: string): boolean {
  if (presented === undefined) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A browser page may open the WebSocket only from one of our own origins. Clients that are not
 * browsers send no Origin; they cannot be driven by a foreign page, and still need the token.
 */
export function isAllowedOrigin(req: IncomingMessage, hosts: Set<string>): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    const parsed = new URL(origin);
    return parsed.protocol === 'http:' && hosts.has(parsed.host.toLowerCase());
  } catch {
    return false;
  }
}

/**
 * The request's target as a URL, or why it is refused (400). Node's parser lets through targets
 * that `new URL` throws on (`http://[/`, `//[`), and a path may decode to a NUL (which makes
 * fs calls throw) or not decode at all: all are refused here, once, before any route sees them.
 */
export function parseRequestTarget(target: string | undefined): URL | string {
  let url: URL;
  try {
    url = new URL(target ?? '/', 'http://127.0.0.1');
  } catch {
    return 'the request target is not a valid URL';
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return 'the path is not valid percent-encoded UTF-8';
  }
  if (path.includes('\0')) return 'the path contains a NUL character';
  return url;
}
