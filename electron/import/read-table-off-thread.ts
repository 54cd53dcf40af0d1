import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TextEncodingName } from '../api/import.ts';
import { TableReadError, type TableRead, type TableReadProblem } from './table-read.ts';

/**
 * The worker's file: the TypeScript source when run from source; built, import-worker.js beside
 * serve.js, or import-worker.cjs beside main.cjs in the desktop app (Forge names them .cjs).
 */
function workerFile(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = ['import-worker.ts', 'import-worker.js', 'import-worker.cjs'].map((name) =>
    path.join(here, name),
  );
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new Error(`the import worker is missing (looked for ${candidates.join(', ')})`);
  return found;
}

const TIMEOUT_MS = 30_000;

/** What import-worker.ts posts back: the table, or the message and (when known) the problem. */
type WorkerAnswer =
  { ok: true; table: TableRead } | { ok: false; message: string; problem: TableReadProblem | null };

/**
 * Reads a table in its own worker thread, with its own memory limit and a time limit: a hostile
 * or huge file fails there, not in the server that runs the meeting.
 */
export function readTableOffThread(
  bytes: Uint8Array,
  encoding?: TextEncodingName,
): Promise<TableRead> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile(), { resourceLimits: { maxOldGenerationSizeMb: 512 } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(
        new TableReadError('reading the file took longer than 30 s', {
          reason: 'import.readTimeout',
        }),
      );
    }, TIMEOUT_MS);
    const finish = () => {
      clearTimeout(timer);
      void worker.terminate();
    };
    worker.once('message', (answer: WorkerAnswer) => {
      finish();
      if (answer.ok) resolve(answer.table);
      else if (answer.problem) reject(new TableReadError(answer.message, answer.problem));
      else reject(new Error(answer.message));
    });
    worker.once('error', (error) => {
      finish();
      reject(
        error.message.includes('memory')
          ? new TableReadError('the file needs more memory to read than a roster could', {
              reason: 'import.readTooMuchMemory',
            })
          : error,
      );
    });
    worker.postMessage({ bytes, encoding });
  });
}
