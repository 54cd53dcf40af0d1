import { ServiceError } from './errors.ts';
import type { HeavyWorkerRequest } from './heavy-worker.ts';
import { startHeavyWorker, type HeavyRequestOptions, type HeavyWorker } from './worker-thread.ts';

/**
 * One heavy worker kept between jobs, so that the next export does not start a thread and load
 * the Office writers again (0.7 s of a 2 s slide export). It is kept after a job only while it
 * is whole and small: a worker that died, ran out of memory or was stopped is replaced by a new
 * one, and so is one whose heap grew past `keepHeapMb` (a 50,000-note deck leaves hundreds of
 * MiB of garbage that an idle worker would never collect). Kept, it does not keep the process
 * alive, and it is ended after `keepForMs` without a job, or when the server closes.
 *
 * Jobs that run at once each get a worker (the one kept, or a new one); at most one is kept.
 */
export interface WarmWorkerOptions {
  /** What a new kept worker is asked first, to load what its jobs will need. */
  warmUp: HeavyWorkerRequest;
  keepHeapMb: number;
  keepForMs: number;
  /** TEST hook: each worker started, to watch or end it. */
  started?: (worker: HeavyWorker) => void;
}

export interface WarmWorker {
  /** Runs `job` on the kept worker if it has this heap limit, else on a new one. */
  use<T>(heapLimitMb: number, job: (worker: HeavyWorker) => Promise<T>): Promise<T>;
  /** Ends the kept worker, and every worker in use once its job is done. */
  close(): void;
}

/** A warm-up runs in the background; it has no progress and no refusal of its own. */
const WARM_UP: HeavyRequestOptions = {
  timeoutMs: 60_000,
  onProgress: () => {},
  outOfMemory: () => new ServiceError('unavailable', 'warming up ran out of memory'),
  tookTooLong: () => new ServiceError('unavailable', 'warming up took too long'),
};

interface Kept {
  worker: HeavyWorker;
  /** Settles when its warm-up has (the worker answers one request at a time). */
  ready: Promise<unknown>;
  dropTimer: NodeJS.Timeout;
}

export function createWarmWorker(options: WarmWorkerOptions): WarmWorker {
  let kept: Kept | null = null;
  let closed = false;

  function start(heapLimitMb: number): HeavyWorker {
    const worker = startHeavyWorker(heapLimitMb);
    options.started?.(worker);
    return worker;
  }

  /** Keeps `worker` for the next job, loading every writer meanwhile (once loaded, at once). */
  function keep(worker: HeavyWorker): void {
    worker.keepsProcessAlive(false);
    // A failed warm-up ends nothing: the job that takes the worker loads what it needs.
    const ready = worker.ask(options.warmUp, WARM_UP).catch(() => {});
    const dropTimer = setTimeout(() => {
      if (kept?.worker !== worker) return;
      kept = null;
      worker.close();
    }, options.keepForMs);
    dropTimer.unref();
    kept = { worker, ready, dropTimer };
  }

  async function take(heapLimitMb: number): Promise<HeavyWorker> {
    const found = kept;
    kept = null;
    if (found) {
      clearTimeout(found.dropTimer);
      await found.ready;
      if (found.worker.alive() && found.worker.heapLimitMb === heapLimitMb) {
        found.worker.keepsProcessAlive(true);
        return found.worker;
      }
      found.worker.close();
    }
    return start(heapLimitMb);
  }

  async function giveBack(worker: HeavyWorker): Promise<void> {
    const heapUsedMb = worker.alive() ? await worker.heapUsedMb().catch(() => Infinity) : 0;
    if (closed || kept) return worker.close();
    if (worker.alive() && heapUsedMb <= options.keepHeapMb) return keep(worker);
    worker.close();
    keep(start(worker.heapLimitMb));
  }

  return {
    async use(heapLimitMb, job) {
      const worker = await take(heapLimitMb);
      try {
        return await job(worker);
      } finally {
        await giveBack(worker);
      }
    },
    close() {
      closed = true;
      if (kept) clearTimeout(kept.dropTimer);
      kept?.worker.close();
      kept = null;
    },
  };
}
