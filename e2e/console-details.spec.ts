import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { createEmptyMeeting } from './console-steps.ts';
import { sampleRequest } from './serve-process.ts';

const SIZES = [
  [1920, 1080],
  [1280, 720],
  [1024, 768],
] as const;

async function attachAtEverySize(page: Page, name: string) {
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await test.info().attach(`${name}-${width}x${height}`, {
      body: await page.screenshot(),
      contentType: 'image/png',
    });
  }
}

test('an empty agenda says so and cannot be started; the add form stays open for the next item', async ({
  page,
  serve,
}) => {
  await createEmptyMeeting(page, serve.openUrl, '片区交流会');

  const controls = page.getByRole('group', { name: '计时控制' });
  await expect(page.getByTestId('run-next')).toHaveText('还没有议程项：添加后才能开始。');
  await expect(controls.getByRole('button', { name: /^下一位/ })).toBeDisabled();
  await expect(controls.getByRole('button', { name: /^上一位/ })).toBeDisabled();
  await attachAtEverySize(page, 'console-empty-agenda');

  const add = page.getByRole('form', { name: '添加议程项' });
  await add.getByLabel('单位').fill('平湖街道');
  await add.getByLabel('发言人').fill('林一平');
  await add.getByRole('button', { name: '添加议程项' }).click();
  await expect(page.getByTestId('agenda-totals')).toContainText('共 1 项');
  // Still open, and typing goes on in the first field for the next item.
  await expect(add).toBeVisible();
  await expect(add.getByLabel('单位')).toBeFocused();
  await page.keyboard.type('坪地街道');
  await page.keyboard.press('Tab');
  await page.keyboard.type('陈二坪');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('agenda-totals')).toContainText('共 2 项');
  await expect(add.getByLabel('单位')).toBeFocused();

  await expect(page.getByTestId('run-next')).toHaveText('下一位：平湖街道 林一平');
  await expect(controls.getByRole('button', { name: /^下一位/ })).toBeEnabled();
  await attachAtEverySize(page, 'console-add-form-open');
});

test('the key hints on the run buttons are readable, the ← one included', async ({
  page,
  serve,
}) => {
  await page.goto(serve.openUrl);
  await page.getByRole('button', { name: '载入示例会议' }).click();
  const controls = page.getByRole('group', { name: '计时控制' });
  for (const [button, key] of [
    ['上一位', '←'],
    ['+1 分钟', '+'],
    ['−1 分钟', '−'],
  ] as const) {
    const hint = controls.getByRole('button', { name: button }).locator('kbd');
    await expect(hint).toHaveText(key);
    const { glyphWidth, glyphHeight, textSize } = await hint.evaluate((kbd) => {
      const range = document.createRange();
      range.selectNodeContents(kbd);
      const box = range.getBoundingClientRect();
      const size = parseFloat(getComputedStyle(kbd.parentElement as Element).fontSize);
      return { glyphWidth: box.width, glyphHeight: box.height, textSize: size };
    });
    // Drawn in the small monospace letter, each was 0.45 of the text's size wide: a speck.
    expect(glyphWidth, key).toBeGreaterThanOrEqual(textSize * 0.55);
    expect(glyphHeight, key).toBeGreaterThanOrEqual(textSize);
  }
  await page.setViewportSize({ width: 1024, height: 768 });
  await test.info().attach('run-panel-key-hints-1024x768', {
    body: await page.locator('.run-panel').screenshot(),
    contentType: 'image/png',
  });
});

test('on a 1024×768 tablet a note line holds a sentence, not five characters', async ({
  page,
  serve,
}) => {
  const headers = { Authorization: `Bearer ${serve.token}` };
  const sample = await (
    await fetch(`${serve.origin}/api/meetings/sample`, sampleRequest(headers))
  ).json();
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(serve.screen(`/notes?meeting=${sample.meeting.id}&item=${sample.items[1].id}`));
  const note = page.locator('.note-text').first();
  await expect(note).toContainText('面对占全区63.3%的河道征拆量');
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    const charactersPerLine = await note.evaluate(
      (p) => p.clientWidth / parseFloat(getComputedStyle(p).fontSize),
    );
    expect(charactersPerLine, `${width}×${height}`).toBeGreaterThanOrEqual(20);
    // Every button of the note stays on the screen.
    const actions = page.locator('.note-actions').first();
    const box = await actions.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
    await test.info().attach(`notes-${width}x${height}`, {
      body: await page.screenshot(),
      contentType: 'image/png',
    });
  }
});
