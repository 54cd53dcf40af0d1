import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceError } from './errors.ts';
import { createWarmWorker, type WarmWorker } from './warm-worker.ts';
import type { HeavyRequestOptions, HeavyWorker } from './worker-thread.ts';

/**
 * The worker kept between exports, with real worker threads: which worker each job gets is
 * seen through the `started` hook, so every check follows from order, not from time.
 */
const asking: HeavyRequestOptions = {
  timeoutMs: 60_000,
  onProgress: () => {},
  outOfMemory: () => new ServiceError('unavailable', 'out of memory'),
  tookTooLong: () => new ServiceError('unavailable', 'too long'),
};
const HEAP_MB = 256;
/** A request the worker answers at once (no notes read yet: none). */
const QUICK = { type: 'meetingFileNotes', from: 0, count: 0 } as const;

let warm: WarmWorker | undefined;
afterEach(() => warm?.close());

function setUp(keepHeapMb = HEAP_MB) {
  const started: HeavyWorker[] = [];
  warm = createWarmWorker({
    warmUp: QUICK,
    keepHeapMb,
    keepForMs: 60_000,
    started: (worker) => started.push(worker),
  });
  const job = (heapLimitMb = HEAP_MB) =>
    (warm as WarmWorker).use(heapLimitMb, async (worker) => {
      await worker.ask(QUICK, asking);
      return worker;
    });
  return { warm, started, job };
}

// Each test starts worker threads: seconds each on a loaded machine.
describe('the warm worker', { timeout: 120_000 }, () => {
  it('runs job after job on the one worker it keeps', async () => {
    const { started, job } = setUp();
    const first = await job();
    expect(await job()).toBe(first);
    expect(await job()).toBe(first);
    expect(started).toEqual([first]);
  });

  it('gives jobs at once a worker each, and keeps one of them', async () => {
    const { started, job } = setUp();
    const [a, b] = await Promise.all([job(), job()]);
    expect(a).not.toBe(b);
    expect(started).toHaveLength(2);
    const kept = await job();
    expect([a, b]).toContain(kept);
    expect(started).toHaveLength(2);
    expect([a, b].filter((worker) => worker.alive())).toEqual([kept]);
  });

  it('replaces a worker that died, or whose heap grew past the limit, with a new one', async () => {
    const died = setUp();
    const first = await died.job();
    first.close();
    const second = await died.job();
    expect(second).not.toBe(first);
    expect(await died.job()).toBe(second);
    warm?.close();

    // Every worker's heap is past 0 MiB: each job ends its worker, and the next gets a new one.
    const grown = setUp(0);
    const a = await grown.job();
    const b = await grown.job();
    expect(b).not.toBe(a);
    expect(a.alive()).toBe(false);
    expect(grown.started).toEqual([a, b, expect.anything()]);
  });

  it('starts a worker of its own for a job that needs another heap limit', async () => {
    const { started, job } = setUp();
    const usual = await job();
    const small = await job(64);
    expect(small).not.toBe(usual);
    expect(small.heapLimitMb).toBe(64);
    expect(started).toHaveLength(2);
  });

  it('ends the worker it keeps when closed, and one in use once its job is done', async () => {
    const { warm: closing, job } = setUp();
    const kept = await job();
    let inUse: HeavyWorker | undefined;
    const running = closing.use(HEAP_MB, async (worker) => {
      inUse = worker;
      closing.close();
      return worker.ask(QUICK, asking);
    });
    await running;
    expect(inUse).toBe(kept);
    expect(kept.alive()).toBe(false);
  });

  it('does not keep the process alive while it waits for a job', () => {
    const script = `
      import { createWarmWorker } from ${JSON.stringify(fileURLToPath(new URL('./warm-worker.ts', import.meta.url)))};
      const warm = createWarmWorker({ warmUp: { type: 'warmUp' }, keepHeapMb: 256, keepForMs: 600000 });
      const asking = { timeoutMs: 60000, onProgress() {}, outOfMemory: () => new Error('memory'), tookTooLong: () => new Error('time') };
      await warm.use(256, (worker) => worker.ask({ type: 'warmUp' }, asking));
      console.log('kept, done');
    `;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-warm-'));
    const file = path.join(dir, 'keeps-a-worker.mjs');
    fs.writeFileSync(file, script);
    // Were it kept alive, the child would wait for its kept worker until it is killed.
    const child = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 60_000 });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('kept, done');
    expect(child.status).toBe(0);
  });
});
