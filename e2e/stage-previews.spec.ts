import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

async function openSample(page: Page, openUrl: string) {
  await page.goto(openUrl);
  await page.getByRole('button', { name: '载入示例会议' }).click();
  await expect(page).toHaveURL(/meeting=/);
  return new URL(page.url()).searchParams.get('meeting') ?? '';
}

/** The console's thumbnail of a screen, as a frame whose page can be asked. */
const preview = (page: Page, testId: string) => page.frameLocator(`[data-testid="${testId}"]`);

test('the console shows the real projector and lectern screen, which are not a lectern screen', async ({
  page,
  context,
  serve,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const meetingId = await openSample(page, serve.openUrl);
  const projector = preview(page, 'preview-projector');
  const lectern = preview(page, 'preview-lectern');
  await expect(projector.getByTestId('projector-agenda')).toBeVisible();
  await expect(lectern.getByTestId('confidence')).toBeVisible();

  await page.keyboard.press('Space');
  await expect(projector.getByTestId('speaker-name')).toContainText('戴斌');
  await expect(lectern.getByTestId('confidence')).toContainText('主持人开场');

  // Only the thumbnail of the lectern is open: the preset still counts no lectern screen, so it
  // goes to the projector, and the console says so. The thumbnail shows it where the hall sees it.
  await page.keyboard.press('h');
  await expect(page.getByTestId('message-redirected')).toHaveText('未连接提词屏，已改在投影上显示');
  await expect(projector.getByTestId('stage-message')).toHaveText('请抓紧时间');
  await expect(lectern.getByTestId('stage-message')).toHaveCount(0);
  await page.keyboard.press('c');
  await expect(projector.getByTestId('stage-message')).toHaveCount(0);

  await page.keyboard.press('x');
  await expect(projector.getByTestId('blackout')).toBeVisible();
  await page.keyboard.press('x');
  await expect(projector.getByTestId('speaker-name')).toContainText('戴斌');

  // A real lectern screen does count: 请结束发言 goes to it, and its thumbnail shows it.
  const real = await context.newPage();
  await real.goto(serve.screen(`/confidence?meeting=${meetingId}`));
  await expect(real.getByTestId('confidence')).toBeVisible();
  await page.bringToFront();
  await expect(async () => {
    await page.keyboard.press('e');
    await expect(page.getByTestId('current-message')).toHaveAttribute('data-target', 'lectern', {
      timeout: 1000,
    });
  }).toPass();
  await expect(page.getByTestId('message-redirected')).toBeHidden();
  await expect(real.getByTestId('stage-message')).toHaveText('请结束发言');
  await expect(lectern.getByTestId('stage-message')).toHaveText('请结束发言');
  await expect(projector.getByTestId('stage-message')).toHaveCount(0);

  // Hidden, the frames are gone (and stay hidden after a reload); shown again, they come back.
  await page.getByRole('button', { name: '隐藏场内画面' }).click();
  await expect(page.locator('.stage-previews iframe')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('button', { name: '显示场内画面' })).toBeVisible();
  await expect(page.locator('.stage-previews iframe')).toHaveCount(0);
  await page.getByRole('button', { name: '显示场内画面' }).click();
  await expect(projector.getByTestId('speaker-name')).toContainText('戴斌');
});

test('the thumbnails fit beside the run controls at 1920, 1280 and 1024 wide', async ({
  page,
  serve,
}) => {
  await openSample(page, serve.openUrl);
  await page.keyboard.press('Space');
  await page.keyboard.press('h');
  const projector = preview(page, 'preview-projector');
  await expect(projector.getByTestId('stage-message')).toHaveText('请抓紧时间');
  for (const [width, height] of [
    [1920, 1080],
    [1280, 720],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.evaluate(() => window.scrollTo(0, 0));
    // The run controls are all on the first screen, whole, and the page does not scroll sideways.
    const controls = page.getByRole('group', { name: '计时控制' });
    const box = await controls.boundingBox();
    expect(box && box.y + box.height <= height, `controls at ${width}`).toBe(true);
    const sideways = await page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
    expect(sideways, `sideways at ${width}`).toBe(false);
    const frame = await page.getByTestId('preview-projector').boundingBox();
    const holder = await page.locator('.preview-box').first().boundingBox();
    // The 1920×1080 page is scaled to its box, not cut off.
    expect(frame && holder && Math.abs(frame.width - holder.width) <= 2).toBe(true);
    const shot = await page.screenshot();
    if (process.env.SHOTS_DIR) {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(`${process.env.SHOTS_DIR}/console-previews-${width}x${height}.png`, shot);
    }
    await test
      .info()
      .attach(`console-${width}x${height}`, { body: shot, contentType: 'image/png' });
  }
});
