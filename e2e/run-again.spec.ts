import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** The run as the server has it, read with this console's own token. */
const runOf = (page: Page, meetingId: string) =>
  page.evaluate(async (id) => {
    const token = sessionStorage.getItem('roundtable.token') ?? '';
    const res = await fetch(`/api/meetings/${id}/run`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    return (await res.json()) as {
      itemRuns: { itemId: string; actualStartAt: number; turns: number; status: string }[];
    };
  }, meetingId);

test('running a finished speaker again asks first, naming them, and keeps the first record', async ({
  page,
  serve,
}) => {
  await page.goto(serve.openUrl);
  await page.getByRole('button', { name: '载入示例会议' }).click();
  await expect(page).toHaveURL(/meeting=/);
  const meetingId = new URL(page.url()).searchParams.get('meeting') ?? '';

  await page.keyboard.press('Space');
  await expect(page.getByTestId('run-current')).toHaveText('主持人开场');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('run-current')).toHaveText('平湖街道 林一平');
  const first = (await runOf(page, meetingId)).itemRuns[0];
  expect(first).toMatchObject({ status: 'done', turns: 1 });

  const rows = page.getByRole('list', { name: '议程与发言顺序' }).getByRole('listitem');
  await rows.nth(0).getByRole('button', { name: '跳到此项' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('待开始');

  // Space asks; Escape says no, and nothing starts.
  await page.keyboard.press('Space');
  const dialog = page.getByRole('dialog', { name: '再次开始该项？' });
  await expect(dialog).toContainText('主持人开场 已发言完毕');
  await test
    .info()
    .attach('run-again', { body: await page.screenshot(), contentType: 'image/png' });
  await page.keyboard.press('Space'); // a second press does not answer it
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('run-status')).toHaveText('待开始');

  // Asked again, "再次开始" runs the opening a second time on the same record.
  await page.getByRole('button', { name: /^开始/ }).click();
  await dialog.getByRole('button', { name: '再次开始' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('发言中');
  await expect(page.getByTestId('run-current')).toHaveText('主持人开场');
  await page.keyboard.press('s');
  await expect(page.getByTestId('run-status')).toHaveText('待开始');
  const again = (await runOf(page, meetingId)).itemRuns.find((r) => r.itemId === first?.itemId);
  expect(again).toMatchObject({ status: 'done', turns: 2, actualStartAt: first?.actualStartAt });
});
