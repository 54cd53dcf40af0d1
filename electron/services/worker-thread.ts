import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ServiceError } from './errors.ts';
import type { HeavyWorkerMessage, HeavyWorkerRequest, WorkerFailure } from './heavy-worker.ts';

/**
 * The worker's file: the TypeScript source when run from source; built, beside the server's
 * bundle: heavy-worker.js beside serve.js (where this code may sit in a chunk one folder below),
 * heavy-worker.cjs beside main.cjs in the desktop app (Forge builds every main entry as .cjs).
 */
function workerFile(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    path.join(here, 'heavy-worker.ts'),
    path.join(here, 'heavy-worker.js'),
    path.join(here, 'heavy-worker.cjs'),
    path.join(here, '..', 'heavy-worker.js'),
  ];
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new Error(`the heavy worker is missing (looked for ${candidates.join(', ')})`);
  return found;
}

export interface HeavyWorkerOptions {
  /** The worker's heap (V8's old generation), in MiB: past it, the worker alone stops. */
  heapLimitMb: number;
  timeoutMs: number;
  onProgress(fraction: number): void;
  /** The refusal a job answers with when it needs more memory than `heapLimitMb`. */
  outOfMemory(): ServiceError;
  /** The refusal a job answers with when it runs longer than `timeoutMs`. */
  tookTooLong(): ServiceError;
}

export interface HeavyWorker {
  /** One request, one answer; the next request only after it. */
  ask(request: HeavyWorkerRequest, transfer?: ArrayBuffer[]): Promise<unknown>;
  /** Ends the worker (at once, whatever it is doing). */
  close(): void;
}

function revive(failure: WorkerFailure): Error {
  if (failure.service) {
    return new ServiceError(failure.code, failure.message, failure.field, failure.detail);
  }
  const error = new Error(`in the heavy worker: ${failure.message}`);
  if (failure.stack) error.stack = `${error.message}\n${failure.stack}`;
  return error;
}

/**
 * Starts a worker thread for one heavy job. Running out of memory ends that worker, not the
 * server: the job answers `outOfMemory()` and the server goes on.
 */
export function startHeavyWorker(options: HeavyWorkerOptions): HeavyWorker {
  const worker = new Worker(workerFile(), {
    resourceLimits: { maxOldGenerationSizeMb: options.heapLimitMb },
  });
  let waiting: { resolve(value: unknown): void; reject(error: Error): void } | null = null;
  let ended: Error | null = null;
  const end = (error: Error) => {
    if (ended) return;
    ended = error;
    clearTimeout(timer);
    void worker.terminate();
    waiting?.reject(error);
    waiting = null;
  };
  const timer = setTimeout(() => end(options.tookTooLong()), options.timeoutMs);
  timer.unref();

  worker.on('message', (message: HeavyWorkerMessage) => {
    if (message.type === 'progress') return options.onProgress(message.fraction);
    const answered = waiting;
    waiting = null;
    if (message.type === 'reply') answered?.resolve(message.value);
    else answered?.reject(revive(message.error));
  });
  worker.on('error', (error: Error & { code?: string }) =>
    end(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? options.outOfMemory() : error),
  );
  worker.on('exit', (code) => end(new Error(`the heavy worker stopped (exit code ${code})`)));

  return {
    ask(request, transfer = []) {
      if (ended) return Promise.reject(ended);
      if (waiting)
        return Promise.reject(new Error('the heavy worker answers one request at a time'));
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject };
        worker.postMessage(request, transfer);
      });
    },
    close() {
      end(new Error('the heavy worker was closed'));
    },
  };
}
