import { createEmptyMeeting } from './console-steps.ts';
import { expect, test } from './fixtures.ts';

test('the export menu closes on Escape, giving the focus back to its button, and on a click outside', async ({
  page,
  serve,
}) => {
  await createEmptyMeeting(page, serve.openUrl, '导出菜单测试会');
  const button = page.getByText('导出', { exact: true });
  const choice = page.getByRole('button', { name: '计时报告（Excel）' });

  await button.click();
  await expect(choice).toBeVisible();
  await choice.focus();
  await page.keyboard.press('Escape');
  await expect(choice).toBeHidden();
  await expect(button).toBeFocused();

  // Opened from the keyboard, closed the same way.
  await page.keyboard.press('Enter');
  await expect(choice).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(choice).toBeHidden();

  await button.click();
  await expect(choice).toBeVisible();
  await page.getByRole('heading', { level: 1 }).first().click();
  await expect(choice).toBeHidden();
});
