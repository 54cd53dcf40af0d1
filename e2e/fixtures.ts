import { test as base } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServe, type ServeProcess } from './serve-process.ts';

interface Fixtures {
  dataDir: string;
  serve: ServeProcess;
}

/** Each test gets its own data folder and its own `serve` process on a random port. */
export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-e2e-'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  serve: async ({ dataDir }, use) => {
    const serve = await startServe(dataDir);
    await use(serve);
    await serve.stop();
  },
});

export { expect } from '@playwright/test';
