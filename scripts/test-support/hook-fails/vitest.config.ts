import { defineConfig } from 'vitest/config';

/** A suite whose only test never runs: its hook fails. Run by failure-excerpt.test.ts. */
export default defineConfig({
  test: { include: ['*.fixture.ts'], environment: 'node' },
});
