import { expect, type Page } from '@playwright/test';
import { remainingMs, type ClockFacts } from '../electron/core/clock.ts';
import type { ServeProcess } from './serve-process.ts';

/** "04:37" → 277000 (shown rounded up: 276.001 to 277 s); overtime ("+00:12") counts as negative. */
export function shownMs(text: string | null): number {
  const match = /^(\+?)(\d+):(\d\d)$/.exec(text ?? '');
  if (!match) throw new Error(`not a countdown: ${text}`);
  const ms = (Number(match[2]) * 60 + Number(match[3])) * 1000;
  return match[1] ? -ms : ms;
}

/**
 * A screen's countdown read just before and just after the server answers the run's state, and
 * the remaining time the server's own facts give at its answer: a screen on the server's time
 * shows that figure between its two reads.
 */
export async function countdownBesideServer(page: Page, serve: ServeProcess, meetingId: string) {
  const countdown = page.getByTestId('countdown');
  const before = shownMs(await countdown.textContent());
  const res = await fetch(`${serve.origin}/api/meetings/${meetingId}/run`, {
    headers: { Authorization: `Bearer ${serve.token}` },
  });
  const run = (await res.json()) as { serverNow: number; clock: ClockFacts };
  const after = shownMs(await countdown.textContent());
  return { before, after, remaining: remainingMs(run.clock, run.serverNow) };
}

/**
 * The screen counts down on the server's time, give or take a second and a half: the remaining
 * time the server's facts give lies between what it showed before and after asking. Answers
 * the figures.
 */
export async function expectCountdownOnServerTime(
  page: Page,
  serve: ServeProcess,
  meetingId: string,
) {
  const figures = await countdownBesideServer(page, serve, meetingId);
  expect(figures.remaining).toBeGreaterThan(figures.after - 1500);
  expect(figures.remaining).toBeLessThan(figures.before + 1500);
  return figures;
}
