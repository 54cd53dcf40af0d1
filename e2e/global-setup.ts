import { buildIfStale } from '../scripts/build-if-stale.ts';

/** The pages and the server under test must match the code. */
export default function globalSetup(): void {
  buildIfStale();
}
