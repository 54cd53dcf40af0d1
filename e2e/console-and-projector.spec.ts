import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { sampleRequest, startServe } from './serve-process.ts';

const agendaRows = (page: Page) =>
  page.getByRole('list', { name: '议程与发言顺序' }).getByRole('listitem');
const projectorRows = (page: Page) => page.getByTestId('projector-agenda').locator('li');

async function attachScreenshot(page: Page, name: string) {
  await test
    .info()
    .attach(name, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
}

/** A page that reloads loses this mark; live updates must keep it. */
async function markNoReload(page: Page) {
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
}
async function expectNotReloaded(page: Page) {
  expect(
    await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload),
  ).toBe(true);
}

test('an organizer creates a meeting, checking what they type first', async ({ page, serve }) => {
  await page.goto(serve.openUrl);
  await expect(page.getByRole('heading', { name: '座谈会会务助手' })).toBeVisible();
  await expect(page).not.toHaveURL(/token=/);
  await expect(page.getByText('还没有会议')).toBeVisible();

  await page.getByRole('button', { name: '新建会议' }).click();
  const form = page.getByRole('form', { name: '新建会议' });
  await form.getByRole('button', { name: '创建会议' }).click();
  await expect(form.getByRole('alert')).toHaveText('会议名称不能为空');

  await form.getByLabel('会议名称').fill('街道党建工作交流会');
  await form.getByLabel('日期').fill('2026-12-01');
  await form.getByLabel('地点').fill('区委第二会议室');
  await form.getByLabel('主持人').fill('戴斌');
  await form.getByLabel('出席', { exact: true }).fill('张勇、戴斌、林一平');
  await form.getByLabel('列席', { exact: true }).fill('组织部干部科');
  await form.getByLabel('请假', { exact: true }).fill('王九华');
  await form.getByRole('button', { name: '创建会议' }).click();

  const details = page.getByRole('form', { name: '会议信息' });
  await expect(details.getByLabel('会议名称')).toHaveValue('街道党建工作交流会');
  await expect(details.getByLabel('出席')).toHaveValue('张勇、戴斌、林一平');
  await expect(details.getByLabel('请假')).toHaveValue('王九华');
  await expect(page.getByRole('navigation').getByText('街道党建工作交流会')).toBeVisible();
  await expect(page.getByText('议程为空')).toBeVisible();

  const add = page.getByRole('form', { name: '添加议程项' });
  await add.getByLabel('单位').fill('平湖街道');
  await add.getByLabel('发言人').fill('林一平');
  await add.getByLabel('时长（分钟）').fill('１０');
  await add.getByRole('button', { name: '添加议程项' }).click();
  await expect(agendaRows(page)).toHaveCount(1);
  await expect(agendaRows(page).first()).toContainText('平湖街道 林一平');
  await expect(agendaRows(page).first()).toContainText('10 分钟');
  await attachScreenshot(page, 'console-new-meeting');

  // The next meeting starts from this one.
  await page.getByRole('button', { name: '复制为新会议' }).click();
  await expect(page.getByRole('form', { name: '会议信息' }).getByLabel('会议名称')).toHaveValue(
    '街道党建工作交流会（副本）',
  );
  await expect(agendaRows(page)).toHaveCount(1);
  await expect(page.getByRole('navigation').getByRole('listitem')).toHaveCount(2);
});

test('the sample meeting is edited and reordered while the projector follows live, and survives a restart', async ({
  page,
  context,
  serve,
  dataDir,
}) => {
  await page.goto(serve.openUrl);
  await page.getByRole('button', { name: '载入示例会议' }).click();
  await expect(agendaRows(page)).toHaveCount(13);
  await expect(page.getByTestId('agenda-totals')).toHaveText(
    '共 13 项，计划 113 分钟，预计 10:53 结束',
  );
  await expect(page).toHaveURL(/meeting=/);
  const meetingId = new URL(page.url()).searchParams.get('meeting');
  expect(meetingId).toBeTruthy();

  const projector = await context.newPage();
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await projector.goto(serve.screen(`/projector?meeting=${meetingId}`));
  await expect(projector.getByTestId('projector-title')).toHaveText(/经验交流座谈会/);
  await expect(projectorRows(projector)).toHaveCount(13);
  await expect(projectorRows(projector).nth(1)).toContainText('平湖街道 林一平');
  await markNoReload(projector);
  await attachScreenshot(projector, 'projector-sample');

  // Edit an item.
  await agendaRows(page).nth(1).getByRole('button', { name: '编辑' }).click();
  const edit = page.getByRole('form', { name: '编辑' });
  await edit.getByLabel('题目').fill('河道整治攻坚：四条河征拆全面完成');
  await edit.getByLabel('时长（分钟）').fill('9');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(projectorRows(projector).nth(1)).toContainText('河道整治攻坚：四条河征拆全面完成');
  await expect(projectorRows(projector).nth(1)).toContainText('9 分钟');

  // Reorder with a button: 平湖 moves down below 坪地.
  await agendaRows(page).nth(1).getByRole('button', { name: '下移' }).click();
  await expect(projectorRows(projector).nth(1)).toContainText('坪地街道');
  await expect(projectorRows(projector).nth(2)).toContainText('平湖街道');

  // Reorder with the keyboard: 宝龙 (row 12) goes up twice, and keeps the focus.
  await agendaRows(page).nth(11).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(agendaRows(page).nth(9)).toContainText('宝龙街道');
  await expect(agendaRows(page).nth(9)).toBeFocused();
  await expect(projectorRows(projector).nth(9)).toContainText('宝龙街道');

  // Delete with the keyboard, after confirming.
  page.once('dialog', (dialog) => dialog.accept());
  await agendaRows(page).nth(10).focus();
  await page.keyboard.press('Delete');
  await expect(projectorRows(projector)).toHaveCount(12);
  await expect(projector.getByTestId('projector-agenda')).not.toContainText('吉华街道');

  // Add an item at the end and rename the meeting.
  const add = page.getByRole('form', { name: '添加议程项' });
  await page.getByText('添加议程项', { exact: true }).first().click();
  await add.getByLabel('类型').selectOption('break');
  await add.getByLabel('名称').fill('茶歇');
  await add.getByLabel('时长（分钟）').fill('10');
  await add.getByRole('button', { name: '添加议程项' }).click();
  await expect(projectorRows(projector)).toHaveCount(13);
  await expect(projectorRows(projector).last()).toContainText('茶歇');

  const details = page.getByRole('form', { name: '会议信息' });
  await details.getByLabel('会议名称').fill('龙岗区基层工作经验交流座谈会');
  await details.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await expect(projector.getByTestId('projector-title')).toHaveText('龙岗区基层工作经验交流座谈会');
  await expectNotReloaded(projector);
  await attachScreenshot(page, 'console-edited');
  await attachScreenshot(projector, 'projector-edited');
  const orderBefore = await projectorRows(projector).allInnerTexts();

  // Restart the server on the same data folder: a new port and token, the same meeting.
  await serve.stop();
  const again = await startServe(dataDir);
  try {
    await page.goto(again.screen(`/?meeting=${meetingId}`));
    await expect(page.getByRole('form', { name: '会议信息' }).getByLabel('会议名称')).toHaveValue(
      '龙岗区基层工作经验交流座谈会',
    );
    await expect(agendaRows(page)).toHaveCount(13);
    await projector.goto(again.screen(`/projector?meeting=${meetingId}`));
    await expect(projectorRows(projector)).toHaveCount(13);
    expect(await projectorRows(projector).allInnerTexts()).toEqual(orderBefore);
  } finally {
    await again.stop();
  }
});

test('the console switches to English and back, and remembers the choice', async ({
  page,
  serve,
}) => {
  await page.goto(serve.openUrl);
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(page.getByRole('button', { name: 'Load the sample meeting' })).toBeVisible();
  await page.getByRole('button', { name: 'Load the sample meeting' }).click();
  await expect(page.getByTestId('agenda-totals')).toHaveText(
    '13 items, 113 min planned, ends about 10:53',
  );
  await attachScreenshot(page, 'console-english');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Roundtable' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: '座谈会会务助手' })).toBeVisible();
});

test('the projector says when there is no meeting yet, then shows the one the organizer creates', async ({
  page,
  serve,
}) => {
  await page.goto(serve.screen('/projector'));
  await expect(page.getByText('尚无会议')).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 720 });
  const res = await fetch(
    `${serve.origin}/api/meetings/sample`,
    sampleRequest({ Authorization: `Bearer ${serve.token}` }),
  );
  expect(res.status).toBe(201);
  await page.reload();
  await expect(projectorRows(page)).toHaveCount(13);
  await attachScreenshot(page, 'projector-1280x720');
});
