import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHARE_ENV, Worker } from 'node:worker_threads';
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

/** What one request of a job needs: its time limit, its progress, and its refusals. */
export interface HeavyRequestOptions {
  timeoutMs: number;
  onProgress(fraction: number): void;
  /** The refusal the request answers with when it needs more than the worker's heap. */
  outOfMemory(): ServiceError;
  /** The refusal the request answers with when it runs longer than `timeoutMs`. */
  tookTooLong(): ServiceError;
}

export interface HeavyWorker {
  /** The worker's heap (V8's old generation), in MiB: past it, the worker alone stops. */
  readonly heapLimitMb: number;
  /**
   * One request, one answer; the next request only after it. Past its time limit, or out of
   * memory, the worker is ended and the request refused.
   */
  ask(
    request: HeavyWorkerRequest,
    options: HeavyRequestOptions,
    transfer?: ArrayBuffer[],
  ): Promise<unknown>;
  /** False once it has ended: closed, out of memory, stopped by a time limit or a fault. */
  alive(): boolean;
  /** The heap it uses now, garbage not yet collected included, in MiB. */
  heapUsedMb(): Promise<number>;
  /** Whether it keeps the process alive: not while it waits, kept, for its next job. */
  keepsProcessAlive(keeps: boolean): void;
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

interface Asked {
  options: HeavyRequestOptions;
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * Starts a worker thread for heavy jobs, with its own memory limit. Running out of memory ends
 * that worker, not the server: the request answers its `outOfMemory()` and the server goes on.
 */
export function startHeavyWorker(heapLimitMb: number): HeavyWorker {
  const worker = new Worker(workerFile(), {
    resourceLimits: { maxOldGenerationSizeMb: heapLimitMb },
    // The server's environment as it is at each job (where LibreOffice is, ROUNDTABLE_SOFFICE),
    // not a copy from when a kept worker started. The worker only reads it.
    env: SHARE_ENV,
  });
  let asked: Asked | null = null;
  let ended = false;
  const answered = () => {
    const was = asked;
    asked = null;
    if (was) clearTimeout(was.timer);
    return was;
  };
  const end = (why: (options: HeavyRequestOptions) => Error) => {
    if (ended) return;
    ended = true;
    void worker.terminate();
    const was = answered();
    was?.reject(why(was.options));
  };

  worker.on('message', (message: HeavyWorkerMessage) => {
    if (message.type === 'progress') return asked?.options.onProgress(message.fraction);
    const was = answered();
    if (message.type === 'reply') was?.resolve(message.value);
    else was?.reject(revive(message.error));
  });
  worker.on('error', (error: Error & { code?: string }) =>
    end((options) => (error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? options.outOfMemory() : error)),
  );
  worker.on('exit', (code) => end(() => new Error(`the heavy worker stopped (exit code ${code})`)));

  return {
    heapLimitMb,
    ask(request, options, transfer = []) {
      if (ended) return Promise.reject(new Error('the heavy worker has ended'));
      if (asked) return Promise.reject(new Error('the heavy worker answers one request at a time'));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => end(() => options.tookTooLong()), options.timeoutMs);
        timer.unref();
        asked = { options, resolve, reject, timer };
        worker.postMessage(request, transfer);
      });
    },
    alive: () => !ended,
    async heapUsedMb() {
      return (await worker.getHeapStatistics()).used_heap_size / 2 ** 20;
    },
    keepsProcessAlive(keeps) {
      if (keeps) worker.ref();
      else worker.unref();
    },
    close() {
      end(() => new Error('the heavy worker was closed'));
    },
  };
}
