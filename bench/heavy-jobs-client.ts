import { parentPort, workerData } from 'node:worker_threads';
import { largeMeetingFile } from '../electron/server/test-support/large-meeting.ts';

/**
 * The client side of bench/heavy-jobs.ts, in a worker thread of its own, so that making a
 * 51 MiB file and reading a 26 MB answer are not counted as waits of the server's event loop.
 * Each request from the bench is one call; the answer is posted back.
 */
export type ClientCall =
  | { kind: 'makeFile'; items: number; notes: number }
  | { kind: 'import' }
  | { kind: 'exportSlides'; meetingId: string }
  | { kind: 'readEveryPage'; meetingId: string };

const { url, token } = workerData as { url: string; token: string };
const headers = { Authorization: `Bearer ${token}` };
let file: Uint8Array<ArrayBuffer> | undefined;

async function answer(call: ClientCall): Promise<unknown> {
  switch (call.kind) {
    case 'makeFile':
      file = largeMeetingFile(call.items, call.notes);
      return file.byteLength;
    case 'import': {
      const res = await fetch(`${url}/api/meetings/import-bundle?asCopy=true`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/octet-stream' },
        body: file,
      });
      const body = (await res.json()) as { meeting: { id: string } };
      if (res.status !== 201) throw new Error(`import: ${res.status} ${JSON.stringify(body)}`);
      return body.meeting.id;
    }
    case 'exportSlides': {
      const res = await fetch(`${url}/api/meetings/${call.meetingId}/export/slides.pptx`, {
        headers,
      });
      const bytes = await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`export answered ${res.status}`);
      return bytes.byteLength;
    }
    case 'readEveryPage': {
      let cursor: string | null = '';
      let count = 0;
      while (cursor !== null) {
        const query: string = cursor ? `?cursor=${cursor}` : '';
        const res = await fetch(`${url}/api/meetings/${call.meetingId}/notes${query}`, {
          headers,
        });
        const page = (await res.json()) as { notes: unknown[]; nextCursor: string | null };
        count += page.notes.length;
        cursor = page.nextCursor;
      }
      return count;
    }
    default:
      call satisfies never;
      throw new Error('unknown call');
  }
}

parentPort?.on('message', (call: ClientCall) => {
  answer(call).then(
    (value) => parentPort?.postMessage({ ok: true, value }),
    (error: unknown) => parentPort?.postMessage({ ok: false, message: String(error) }),
  );
});
