import { buildIfStale } from './build-if-stale.ts';

/**
 * Tests that start the real bundled server share one build, made here once before the test
 * files run in parallel workers (two workers building at once would race on .vite/).
 */
export default function setup(): void {
  buildIfStale();
}
