import { spawnSync } from 'node:child_process';

/** The pages the server serves must match the code under test. */
export default function globalSetup(): void {
  const result = spawnSync(process.execPath, ['scripts/build-renderer-if-stale.ts'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('building the renderer failed');
}
