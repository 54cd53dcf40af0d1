import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sampleRequest, startServe } from '../e2e/serve-process.ts';
import { buildIfStale } from '../scripts/build-if-stale.ts';
import { percentile, type BenchRow } from './stats.ts';

/**
 * From spawning the bundled server (as `npm run serve` does) to its "Roundtable ready:" line, on a fresh data folder
 * (migrations included) and on one that already holds the sample meeting.
 */
export async function benchServeReady(runs = 10): Promise<BenchRow[]> {
  buildIfStale(); // a build is not start-up time
  const fresh: number[] = [];
  const existing: number[] = [];
  const kept = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-bench-ready-'));
  for (let i = 0; i < runs; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-bench-fresh-'));
    let start = performance.now();
    let serve = await startServe(dir);
    fresh.push(performance.now() - start);
    await serve.stop();
    fs.rmSync(dir, { recursive: true, force: true });

    start = performance.now();
    serve = await startServe(kept);
    existing.push(performance.now() - start);
    if (i === 0) {
      await fetch(
        `${serve.origin}/api/meetings/sample`,
        sampleRequest({ Authorization: `Bearer ${serve.token}` }),
      );
    }
    await serve.stop();
  }
  fs.rmSync(kept, { recursive: true, force: true });
  return [
    { name: 'serve_ready_ms', unit: 'ms', value: percentile(fresh, 50) },
    { name: 'serve_ready_p99_ms', unit: 'ms', value: percentile(fresh, 99) },
    { name: 'serve_ready_existing_db_ms', unit: 'ms', value: percentile(existing, 50) },
  ];
}
