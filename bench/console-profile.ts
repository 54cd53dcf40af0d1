import { chromium } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startServe } from '../e2e/serve-process.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config.ts';
import { percentile, type BenchRow } from './stats.ts';
import { framesFromTrace, type TraceEvent } from './trace-frames.ts';

/**
 * Counts React commits without React DevTools: React reports each commit to this hook when it
 * is present before React loads.
 */
const COUNT_COMMITS = `
  window.__commits = 0;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject() { return 1; },
    onCommitFiberRoot() { window.__commits += 1; },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    checkDCE() {},
  };
`;

/**
 * The organizer's console in Chromium: how long until it can be used, and, while a countdown
 * runs, how long its frames take and how often React commits (only when something visible
 * changes: the countdown's text once a second).
 */
export async function benchConsoleProfile(seconds = 10): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-bench-console-'));
  const serve = await startServe(dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    await page.addInitScript(COUNT_COMMITS);
    const startedAt = performance.now();
    await page.goto(serve.openUrl);
    const load = page.getByRole('button', { name: '载入示例会议' });
    // A trial click waits until the button is visible, stable, enabled and not covered.
    await load.click({ trial: true });
    const interactiveMs = performance.now() - startedAt;

    await load.click();
    await page.getByTestId('run-status').getByText('未开始').waitFor();
    await page.keyboard.press('Space');
    await page.getByTestId('run-status').getByText('发言中').waitFor();
    await page.waitForTimeout(1000);

    const cdp = await page.context().newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (data) =>
      events.push(...(data.value as unknown as TraceEvent[])),
    );
    await cdp.send('Tracing.start', {
      categories: [
        'toplevel',
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'disabled-by-default-devtools.timeline.frame',
      ].join(','),
      transferMode: 'ReportEvents',
    });
    // The trace's first second is left out: starting to trace costs the page time itself.
    await page.waitForTimeout(1000);
    const commitsBefore = (await page.evaluate('window.__commits')) as number;
    await page.waitForTimeout(seconds * 1000);
    const commits = ((await page.evaluate('window.__commits')) as number) - commitsBefore;
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await done;

    const traceStart = events.reduce(
      (min, e) => (e.ph === 'M' ? min : Math.min(min, e.ts)),
      Infinity,
    );
    const { frameMs, presented, taskMs } = framesFromTrace(events, traceStart + 1_000_000);
    const overAFrame = (ms: number) => ms > 16.7;
    return [
      { name: 'console_interactive_ms', unit: 'ms', value: interactiveMs },
      {
        name: 'console_long_frames_count',
        unit: 'count',
        value: frameMs.filter(overAFrame).length,
      },
      { name: 'console_frames_p99_ms', unit: 'ms', value: percentile(frameMs, 99) },
      {
        name: 'console_long_tasks_count',
        unit: 'count',
        value: taskMs.filter(overAFrame).length,
      },
      { name: 'console_frames_presented_per_s', unit: 'fps', value: presented / seconds },
      { name: 'console_react_commits_per_s', unit: '/s', value: commits / seconds },
    ];
  } finally {
    await browser.close();
    await serve.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
