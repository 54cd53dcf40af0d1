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

/**
 * Adds the sample's 11 people to the 参会人员 panel from the roster (参会人员 must be empty),
 * and answers the panel and its rows, in rank order.
 */
export async function addPeopleFromRoster(page: Page) {
  const panel = page.getByRole('region', { name: /^参会人员（/ });
  await panel.getByRole('button', { name: '从名册添加' }).click();
  const rows = panel.locator('tbody tr');
  await expect(rows).toHaveCount(11);
  return { panel, rows };
}

/**
 * The sample's people from the roster, the second (陈二坪) on leave for 外出学习 and the third
 * (黄三横) sending 王代表: the cases a screen listing people shows differently.
 */
export async function addPeopleOneOnLeaveOneSubstituted(page: Page) {
  const { panel, rows } = await addPeopleFromRoster(page);
  await rows.nth(1).getByLabel('回执').selectOption({ label: '请假' });
  await rows.nth(1).getByLabel('请假事由').fill('外出学习');
  await rows.nth(1).getByRole('button', { name: '保存' }).click();
  await rows.nth(2).getByLabel('回执').selectOption({ label: '委托他人' });
  await rows.nth(2).getByLabel('代参会人姓名').fill('王代表');
  await rows.nth(2).getByRole('button', { name: '保存' }).click();
  await expect(panel.getByLabel('人数')).toHaveText('应到 11已签到 0请假 1未到 10');
  return { panel, rows };
}
