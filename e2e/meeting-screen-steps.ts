import type { BrowserContext, Page } from '@playwright/test';
import type { ServeProcess } from './serve-process.ts';

/** One of a meeting's screens (`/projector`, `/confidence`, `/notes`) opened in `context` at a size. */
export async function openMeetingScreen(
  context: BrowserContext,
  serve: ServeProcess,
  meetingId: string,
  path: string,
  size: { width: number; height: number },
): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(size);
  await page.goto(serve.screen(`${path}?meeting=${meetingId}`));
  return page;
}
