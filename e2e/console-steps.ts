import { expect, type Page } from '@playwright/test';

/** Opens the console and creates an empty meeting through its form, as an organizer would. */
export async function createEmptyMeeting(page: Page, openUrl: string, title: string) {
  await page.goto(openUrl);
  await page.getByRole('button', { name: '新建会议' }).click();
  const form = page.getByRole('form', { name: '新建会议' });
  await form.getByLabel('会议名称').fill(title);
  await form.getByRole('button', { name: '创建会议' }).click();
  await expect(page.getByTestId('agenda-totals')).toContainText('共 0 项');
}

/** Opens the console and loads the sample meeting, waiting until its 13 items are listed. */
export async function loadSampleMeeting(page: Page, openUrl: string) {
  await page.goto(openUrl);
  await page.getByRole('button', { name: '载入示例会议' }).click();
  await expect(page.getByTestId('agenda-totals')).toContainText('共 13 项');
}
