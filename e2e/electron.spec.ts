import { _electron as electron, expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findElectronBinary } from '../scripts/electron-binary.ts';

const binary = findElectronBinary();
const whyMissing = 'missing' in binary ? binary.missing : '';
const mainBundle = path.resolve(import.meta.dirname, '..', '.vite', 'build', 'main.cjs');

test('the desktop app opens the console, and the console opens the projector window', async () => {
  test.skip(
    !('path' in binary),
    `Electron's binary is absent (${whyMissing}) and cannot be downloaded offline; the same pages are tested in Chromium by the other specs`,
  );
  test.skip(
    !fs.existsSync(mainBundle),
    'the main bundle is not built: run `npm run desktop` once (electron-forge builds .vite/build)',
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-electron-'));
  const app = await electron.launch({
    executablePath: 'path' in binary ? binary.path : undefined,
    args: [mainBundle],
    env: { ...process.env, ROUNDTABLE_DATA_DIR: dataDir },
  });
  try {
    const console = await app.firstWindow();
    await expect(console.getByRole('heading', { name: '座谈会会务助手' })).toBeVisible();
    const projectorOpened = app.waitForEvent('window');
    await console.evaluate(() => window.roundtableDesktop?.openScreen('/projector'));
    const projector = await projectorOpened;
    await expect(projector.getByText(/尚无会议|会议议程/)).toBeVisible();
    expect(await console.evaluate(() => typeof (window as { require?: unknown }).require)).toBe(
      'undefined',
    );
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
