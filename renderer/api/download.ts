import type { ApiError } from '../../electron/api/contract.ts';
import { ApiCallError } from './client.ts';
import { sessionToken } from './session.ts';

export interface DownloadProgress {
  /** Bytes received so far, and the whole when the server said (it does for every export). */
  received: number;
  total: number | null;
}

/** The server is making another file of the meeting (429): try again after `retryAfterSeconds`. */
export class BusyDownloadError extends ApiCallError {
  readonly retryAfterSeconds: number;
  constructor(error: ApiError['error'], retryAfterSeconds: number) {
    super(429, error);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The file name from Content-Disposition, preferring the UTF-8 (RFC 5987) form. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (extended) return decodeURIComponent(extended);
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/**
 * Fetches a file the server makes (an export) and hands it to the browser as a download; the
 * desktop app shows its save dialog for it. Progress is reported as the bytes arrive.
 */
export async function downloadFile(
  path: string,
  fallbackName: string,
  onProgress: (progress: DownloadProgress) => void,
): Promise<string> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Authorization: `Bearer ${sessionToken()}` } });
  } catch (error) {
    throw new ApiCallError(0, { code: 'network', message: String(error) });
  }
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => undefined)) as ApiError | undefined;
    const error = body?.error ?? { code: 'internal', message: `HTTP ${response.status}` };
    if (error.code === 'busy') {
      throw new BusyDownloadError(error, Number(response.headers.get('Retry-After')) || 5);
    }
    throw new ApiCallError(response.status, error);
  }
  const total = Number(response.headers.get('Content-Length')) || null;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress({ received, total });
  }
  const name = fileNameOf(response.headers.get('Content-Disposition'), fallbackName);
  const url = URL.createObjectURL(
    new Blob(chunks, { type: response.headers.get('Content-Type') ?? '' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
