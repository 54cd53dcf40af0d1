import { parentPort } from 'node:worker_threads';
import type { TextEncodingName } from '../api/import.ts';
import { readTable } from './read-table.ts';
import { TableReadError } from './table-read.ts';

/**
 * Reads an imported table in a worker thread, so parsing a large workbook never holds up the
 * server's event loop (and with it the countdown on the projector).
 */
parentPort?.on('message', (job: { bytes: Uint8Array; encoding?: TextEncodingName }) => {
  readTable(job.bytes, job.encoding).then(
    (table) => parentPort?.postMessage({ ok: true, table }),
    (error: unknown) =>
      parentPort?.postMessage({
        ok: false,
        message: (error as Error).message,
        // A TableReadError's problem crosses the thread as data: the class does not.
        problem: error instanceof TableReadError ? error.problem : null,
      }),
  );
});
