import { chromium } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sampleRequest, startServe } from '../e2e/serve-process.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config.ts';
import type { BenchRow } from './stats.ts';

interface Facts {
  startedAt: number;
  plannedMs: number;
  addedMs: number;
}

/**
 * How far the projector's displayed countdown is from the truth. The display of "07:52" is
 * right from the instant the true remaining time reaches 7:52.000; every change of the text is
 * timed in the page and compared with that instant, computed from the clock facts and the
 * system clock the server uses.
 */
export async function benchDisplayError(seconds = 8): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-bench-display-'));
  const serve = await startServe(dir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    const headers = { Authorization: `Bearer ${serve.token}` };
    const { meeting } = (await (
      await fetch(`${serve.origin}/api/meetings/sample`, sampleRequest(headers))
    ).json()) as { meeting: { id: string } };
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(serve.screen(`/projector?meeting=${meeting.id}`));
    await page.getByTestId('projector-agenda').waitFor();
    const run = (await (
      await fetch(`${serve.origin}/api/meetings/${meeting.id}/run/next`, {
        method: 'POST',
        headers,
      })
    ).json()) as { clock: Facts };
    await page.getByTestId('countdown').waitFor();
    await page.waitForTimeout(1000); // the clock-sync pings settle

    const changes = await page.evaluate(
      (ms) =>
        new Promise<{ at: number; text: string }[]>((resolve) => {
          const element = document.querySelector('[data-testid="countdown"]') as HTMLElement;
          const seen: { at: number; text: string }[] = [];
          const observer = new MutationObserver(() =>
            seen.push({
              at: performance.timeOrigin + performance.now(),
              text: element.textContent ?? '',
            }),
          );
          observer.observe(element, { childList: true, characterData: true, subtree: true });
          setTimeout(() => {
            observer.disconnect();
            resolve(seen);
          }, ms);
        }),
      seconds * 1000,
    );

    const { startedAt, plannedMs, addedMs } = run.clock;
    const errors = changes.map(({ at, text }) => {
      const [m = 0, s = 0] = text.split(':').map(Number);
      const shownMs = (m * 60 + s) * 1000;
      const dueAt = startedAt + plannedMs + addedMs - shownMs;
      return at - dueAt;
    });
    const worst = errors.reduce((max, e) => Math.max(max, Math.abs(e)), 0);
    return [
      { name: 'display_error_max_ms', unit: 'ms', value: worst },
      { name: 'display_changes_observed', unit: 'count', value: errors.length },
    ];
  } finally {
    await browser.close();
    await serve.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
