import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { BASE_HEADERS } from './http-util.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Pages may load only their own scripts and talk only to this server. Only pages of this same
 * server may frame them: the console shows the projector and the lectern screen as thumbnails
 * (StagePreviews); any other origin still cannot frame them.
 */
const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
  "form-action 'none'",
].join('; ');

/**
 * Serves the built renderer. Every path without a file extension is a screen of the single-page
 * app (/, /projector, …) and gets index.html.
 */
export function createStaticHandler(rootDir: string) {
  const root = path.resolve(rootDir);

  return function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...BASE_HEADERS, Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const pathname = decodedPath(url);
    if (pathname === undefined) {
      res.writeHead(400, BASE_HEADERS);
      res.end();
      return;
    }
    const isScreen = path.extname(pathname) === '';
    const file = path.resolve(root, isScreen ? 'index.html' : `.${pathname}`);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(404, BASE_HEADERS);
      res.end();
      return;
    }
    fs.readFile(file, (error, data) => {
      if (error) {
        const missingBuild = isScreen;
        res.writeHead(missingBuild ? 503 : 404, {
          ...BASE_HEADERS,
          'Content-Type': 'text/plain; charset=utf-8',
        });
        res.end(
          missingBuild
            ? `Roundtable's pages are not built (${file} is missing). Run: npm run build`
            : 'Not found',
        );
        return;
      }
      const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
      const hashedAsset = pathname.startsWith('/assets/');
      res.writeHead(200, {
        ...BASE_HEADERS,
        'Content-Type': type,
        'Content-Length': data.length,
        'Cache-Control': hashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
        ...(type.startsWith('text/html')
          ? { 'Content-Security-Policy': PAGE_POLICY, 'X-Frame-Options': 'SAMEORIGIN' }
          : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : data);
    });
  };
}

/**
 * The path as a file name, or undefined if it does not decode or holds a NUL. The server refuses
 * those before this (parseRequestTarget); a NUL reaching fs.readFile would make it throw.
 */
function decodedPath(url: URL): string | undefined {
  try {
    const pathname = decodeURIComponent(url.pathname);
    return pathname.includes('\0') ? undefined : pathname;
  } catch {
    return undefined;
  }
}
