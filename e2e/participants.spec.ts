import fs from 'node:fs';
import { addPeopleFromRoster, loadSampleMeeting } from './console-steps.ts';
import { expect, test } from './fixtures.ts';

test('the organizer lists the meeting’s participants from the roster and keeps their replies', async ({
  page,
  serve,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await loadSampleMeeting(page, serve.openUrl);

  const panel = page.getByRole('region', { name: /^参会人员（/ });
  await expect(panel.getByText('尚无参会人员')).toBeVisible();
  const { rows } = await addPeopleFromRoster(page);
  await expect(panel.getByRole('status')).toHaveText('已从名册添加 11 人');
  const counts = panel.getByLabel('人数');
  await expect(counts).toHaveText('应到 11已签到 0请假 0未到 11');
  await expect(rows.nth(2)).toContainText('横岗街道');

  // On leave: the reason is asked for at once.
  await rows.nth(0).getByLabel('回执').selectOption({ label: '请假' });
  await rows.nth(0).getByLabel('请假事由').fill('外出学习');
  await rows.nth(0).getByRole('button', { name: '保存' }).click();
  await expect(rows.nth(0)).toContainText('外出学习');
  await expect(counts).toHaveText('应到 11已签到 0请假 1未到 10');

  await rows.nth(1).getByLabel('身份').selectOption({ label: '列席' });
  await expect(rows.nth(1).getByLabel('身份')).toHaveValue('observer');

  // One by hand, as staff: listed, not counted.
  const add = panel.getByRole('form', { name: '添加参会人员' });
  await add.getByLabel('姓名').fill('周会务');
  await add.getByLabel('单位').fill('区委组织部');
  await add.getByLabel('身份').selectOption({ label: '工作人员' });
  // 联系电话 with the contract's limit: one too long is named at its field and nothing is added.
  const phone = add.getByLabel('联系电话');
  await phone.fill('0755-28940002 转 '.repeat(3));
  await add.getByRole('button', { name: '添加参会人员' }).click();
  await expect(add.getByRole('alert')).toHaveText('联系电话过长：最多 40 个字');
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(rows).toHaveCount(11);
  await phone.fill('0755-28940002');
  await add.getByRole('button', { name: '添加参会人员' }).click();
  await expect(rows).toHaveCount(12);
  await expect(rows.nth(11)).toContainText('周会务');
  await expect(rows.nth(11).locator('.participant-phone')).toHaveText('0755-28940002');
  await expect(add.getByRole('alert')).toBeHidden();
  await expect(phone).toHaveValue('');
  await expect(counts).toHaveText('应到 11已签到 0请假 1未到 10');

  // Moved up, renamed inline, one removed after asking.
  const third = (await rows.nth(2).locator('.participant-name').textContent()) ?? '';
  await rows.nth(2).getByRole('button', { name: '上移' }).click();
  await expect(rows.nth(1).locator('.participant-name')).toHaveText(third);
  await expect(rows.nth(1).getByRole('spinbutton')).toHaveValue('2');
  await rows.nth(1).getByRole('button', { name: '编辑' }).click();
  await rows.nth(1).getByLabel('姓名').fill(`${third}（代）`);
  await rows.nth(1).getByLabel('联系电话').fill('0755-28940001');
  await rows.nth(1).getByRole('button', { name: '保存' }).click();
  await expect(rows.nth(1).locator('.participant-name')).toHaveText(`${third}（代）`);
  await expect(rows.nth(1).locator('.participant-phone')).toHaveText('0755-28940001');
  page.once('dialog', (dialog) => dialog.accept());
  await rows.nth(3).getByRole('button', { name: '删除' }).click();
  await expect(rows).toHaveCount(11);
  await expect(counts).toHaveText('应到 10已签到 0请假 1未到 9');
  // The ranks close up behind the one removed.
  const ranks = () =>
    rows
      .locator('td:first-child input')
      .evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
  expect(await ranks()).toEqual(Array.from({ length: 11 }, (_, k) => String(k + 1)));

  // A rank typed in is a place, saved once when the field is left: 10 moves the first to tenth,
  // in one request (not a move to 1 and then to 10).
  const reorders: unknown[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/participants/reorder')) {
      reorders.push(request.postDataJSON());
    }
  });
  const firstName = (await rows.nth(0).locator('.participant-name').textContent()) ?? '';
  const firstRank = rows.nth(0).getByRole('spinbutton');
  await firstRank.click();
  await firstRank.press('ControlOrMeta+a');
  await firstRank.pressSequentially('10');
  await firstRank.press('Tab');
  await expect(rows.nth(9).locator('.participant-name')).toHaveText(firstName);
  expect(reorders).toHaveLength(1);
  expect(await ranks()).toEqual(Array.from({ length: 11 }, (_, k) => String(k + 1)));
  // Past the last place, or cleared: named at the field, or the stored rank back; nothing sent.
  const tenth = rows.nth(9).getByRole('spinbutton');
  await tenth.fill('12');
  await tenth.press('Enter');
  await expect(rows.nth(9).getByRole('alert')).toHaveText('排序超出允许范围：最多 11');
  await tenth.fill('');
  await tenth.press('Tab');
  await expect(tenth).toHaveValue('10');
  await expect(rows.nth(9).getByRole('alert')).toBeHidden();
  expect(reorders).toHaveLength(1);
  await expect(panel.getByText('纪要的出席、请假、列席名单按此名单')).toBeVisible();

  const shots = test.info().outputPath();
  fs.mkdirSync(shots, { recursive: true });
  await panel.screenshot({ path: `${shots}/participants-1920.png` });

  // Kept by the server: a reload shows the same list.
  const before = await rows.allTextContents();
  await page.reload();
  await expect(rows).toHaveCount(11);
  expect(await rows.allTextContents()).toEqual(before);

  // The console's search finds people by their organization too.
  await page.getByRole('searchbox', { name: '搜索记录' }).fill('坪地');
  const people = page.getByTestId('people-results');
  await expect(people).toContainText('陈二坪');
  await expect(people.locator('mark')).toHaveText('坪地');

  // The door tablet's width: the page does not scroll sideways, every button is reachable.
  await page.setViewportSize({ width: 1024, height: 768 });
  await panel.scrollIntoViewIfNeeded();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await rows.nth(0).scrollIntoViewIfNeeded();
  await expect(rows.nth(0).getByRole('button', { name: '删除' })).toBeInViewport();
  await panel.screenshot({ path: `${shots}/participants-1024.png` });
});
