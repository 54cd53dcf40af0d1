import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiError, ApiErrorCode } from '../api/contract.ts';

/** Headers on every answer. No CORS header, ever: other origins get nothing readable. */
export const BASE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
} as const;

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extraHeaders: Record<string, string> = {},
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...BASE_HEADERS,
    ...extraHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(payload),
    'Cache-Control': 'no-store',
  });
  res.end(payload);
}

/**
 * Content-Disposition with the file's real (often Chinese) name, RFC 5987/6266: an ASCII
 * fallback for old clients and the UTF-8 name for everyone else.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function sendFile(
  res: ServerResponse,
  file: { fileName: string; contentType: string; body: Uint8Array },
): void {
  res.writeHead(200, {
    ...BASE_HEADERS,
    'Content-Type': file.contentType,
    'Content-Length': file.body.byteLength,
    'Content-Disposition': contentDisposition(file.fileName),
    'Cache-Control': 'no-store',
  });
  res.end(file.body);
}

export const STATUS_OF: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  internal: 500,
  unavailable: 503,
  storage_full: 507,
};

export function sendError(
  res: ServerResponse,
  code: ApiErrorCode,
  message: string,
  field?: string,
  status = STATUS_OF[code],
): void {
  const body: ApiError = { error: field ? { code, message, field } : { code, message } };
  sendJson(res, status, body);
}

export class BodyTooLargeError extends Error {}

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`;

/**
 * The request body, up to `limitBytes`. A larger one is refused as soon as it passes the limit
 * (a declared Content-Length over it, before a byte is read); the caller answers 413 and the
 * connection is closed after the answer rather than read to its end.
 */
export function readBodyBytes(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => {
      req.removeAllListeners('data');
      req.pause();
      reject(new BodyTooLargeError(`larger than ${sizeText(limitBytes)}`));
    };
    if (Number(req.headers['content-length'] ?? 0) > limitBytes) return tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) return tooLarge();
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function readBody(req: IncomingMessage, limitBytes: number): Promise<string> {
  return (await readBodyBytes(req, limitBytes)).toString('utf8');
}
