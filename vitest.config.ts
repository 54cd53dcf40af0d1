import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'electron/**/*.test.ts',
      'renderer/**/*.test.ts',
      'scripts/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    environment: 'node',
    globalSetup: ['scripts/vitest-global-setup.ts'],
    testTimeout: 20_000,
    // Hooks start the same real servers, databases and files the tests do, on the same loaded
    // two-core CI machine: Vitest's default of 10 s was half the tests' own allowance.
    hookTimeout: 20_000,
  },
});
