import { test as base } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServe, type ServeProcess } from './serve-process.ts';

interface Fixtures {
  dataDir: string;
  serve: ServeProcess;
  closeOtherContexts: void;
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
  // Tablets and second screens a test opens in contexts of their own are closed with the test:
  // left open, they retry their stopped server every second for the rest of the run.
  closeOtherContexts: [
    async ({ browser, context }, use) => {
      await use();
      for (const other of browser.contexts()) if (other !== context) await other.close();
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
