/**
 * `npm run screenshots`: the README's pictures, taken from the real app with the sample meeting
 * in Debian's Chromium (CHROMIUM_PATH to use another).
 */
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleRequest, startServe } from '../e2e/serve-process.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'docs', 'screenshots');
fs.mkdirSync(outDir, { recursive: true });

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-shots-'));
const serve = await startServe(dataDir);
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_ARGS,
});
try {
  const res = await fetch(
    `${serve.origin}/api/meetings/sample`,
    sampleRequest({ Authorization: `Bearer ${serve.token}` }),
  );
  const { meeting } = (await res.json()) as { meeting: { id: string } };
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
  await page.goto(serve.screen(`/?meeting=${meeting.id}`));
  await page.getByTestId('agenda-totals').waitFor();
  await page.screenshot({ path: path.join(outDir, 'console.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(serve.screen(`/projector?meeting=${meeting.id}`));
  await page.getByTestId('projector-title').waitFor();
  await page.screenshot({ path: path.join(outDir, 'projector.jpg'), quality: 80 });
  // The lot drawing, as the hall sees it: half revealed, then whole.
  await fetch(`${serve.origin}/api/meetings/${meeting.id}/draw`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${serve.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ drawnBy: '会务组', seed: '2026-11-25 公开抽签' }),
  });
  const reveal = page.getByTestId('draw-reveal');
  await reveal.locator('li.shown').nth(4).waitFor();
  await page.screenshot({ path: path.join(outDir, 'projector-draw.png') });
  await reveal.locator('li.shown').nth(10).waitFor();
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(outDir, 'projector-draw-done.png') });
  await page.getByTestId('projector-title').waitFor({ timeout: 20_000 });
  for (const command of ['next', 'next']) {
    await fetch(`${serve.origin}/api/meetings/${meeting.id}/run/${command}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${serve.token}` },
    });
  }
  await page.getByTestId('speaker-name').waitFor();
  await page.screenshot({ path: path.join(outDir, 'projector-speaker.jpg'), quality: 80 });
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(serve.screen(`/?meeting=${meeting.id}`));
  await page.getByTestId('run-current').waitFor();
  await page.screenshot({ path: path.join(outDir, 'console-running.png') });
  await page.getByText('导出', { exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '幻灯片（PowerPoint）' }).click();
  await download;
  await page.getByTestId('export-status').getByText('已导出').waitFor();
  await page.screenshot({ path: path.join(outDir, 'console-export.png') });
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(serve.screen(`/notes?meeting=${meeting.id}`));
  await page.getByTestId('notes-speaker').waitFor();
  await page.getByRole('searchbox').fill('网格员');
  await page.getByTestId('search-results').locator('mark').first().waitFor();
  await page.screenshot({ path: path.join(outDir, 'notes.png') });
  console.log(`screenshots written to ${outDir}`);
} finally {
  await browser.close();
  await serve.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
