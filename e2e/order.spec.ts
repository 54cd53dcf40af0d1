import { expect, test } from './fixtures.ts';
import { createEmptyMeeting } from './console-steps.ts';

test('the organizer draws lots; the projector reveals the order one by one and the agenda follows', async ({
  page,
  serve,
}) => {
  await page.goto(serve.openUrl);
  await page.getByRole('button', { name: '载入示例会议' }).click();
  await expect(page.getByTestId('agenda-totals')).toContainText('共 13 项');
  const meetingId = new URL(page.url()).searchParams.get('meeting');
  const projector = await page.context().newPage();
  await projector.setViewportSize({ width: 1280, height: 720 });
  await projector.goto(serve.screen(`/projector?meeting=${meetingId}`));
  await expect(projector.getByTestId('projector-title')).toBeVisible();

  await page.getByRole('button', { name: '抽签排序…' }).click();
  const form = page.getByRole('form', { name: '抽签确定发言顺序' });
  await form.getByLabel('抽签人').fill('会务组 小王');
  await form.getByRole('button', { name: '开始抽签' }).click();

  const reveal = projector.getByTestId('draw-reveal');
  await expect(reveal).toBeVisible();
  await expect(reveal.locator('li.shown')).toHaveCount(3, { timeout: 5000 });
  await test.info().attach('projector-draw-reveal', {
    body: await projector.screenshot(),
    contentType: 'image/png',
  });
  await expect(reveal.locator('li.shown')).toHaveCount(11, { timeout: 15_000 });
  await test.info().attach('projector-draw-done', {
    body: await projector.screenshot(),
    contentType: 'image/png',
  });

  // The console keeps the record; the agenda is in the drawn order.
  const record = page.getByTestId('draw-record');
  await expect(record).toContainText('由 会务组 小王 抽签');
  await record.locator('summary').click();
  const seed = await page.getByTestId('draw-seed').textContent();
  expect(seed).toMatch(/^[0-9a-f]{16}$/);
  const drawn = await record.locator('ol li').allTextContents();
  const rows = page.getByRole('list', { name: '议程与发言顺序' }).getByRole('listitem');
  const agenda = await rows.locator('.who strong').allTextContents();
  expect(agenda.slice(1, 12)).toEqual(drawn);
  expect(agenda[0]).toBe('主持人开场');

  // Drawing again asks first and keeps both records.
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: '抽签排序…' }).click();
  await form.getByRole('button', { name: '开始抽签' }).click();
  await expect(record).toContainText('共 2 次');

  // After the reveal the projector goes back to the agenda, in the new order.
  await expect(projector.getByTestId('projector-title')).toBeVisible({ timeout: 30_000 });
});

test('the organizer fills a new meeting from the roster and reorders by dragging', async ({
  page,
  serve,
}) => {
  await page.goto(serve.openUrl);
  await page.getByRole('button', { name: '载入示例会议' }).click(); // brings the roster
  // Loaded and shown before the next click: its arrival would close a form opened meanwhile.
  await expect(page.getByTestId('agenda-totals')).toContainText('共 13 项');
  await page.getByRole('button', { name: '新建会议' }).click();
  const form = page.getByRole('form', { name: '新建会议' });
  await form.getByLabel('会议名称').fill('第二季度基层党建交流会');
  await form.getByRole('button', { name: '创建会议' }).click();
  await expect(page.getByTestId('agenda-totals')).toContainText('共 0 项');

  await page.getByRole('button', { name: '从名册填入发言人' }).click();
  await expect(page.getByTestId('agenda-totals')).toContainText('共 11 项');
  const names = () =>
    page.getByRole('list', { name: '议程与发言顺序' }).locator('.who strong').allTextContents();
  expect((await names())[0]).toBe('平湖街道 林一平');

  const rows = page.getByRole('list', { name: '议程与发言顺序' }).getByRole('listitem');
  await rows.nth(3).dragTo(rows.nth(0));
  await expect.poll(names).toEqual(expect.arrayContaining(['龙岗街道 李四龙']));
  await expect.poll(async () => (await names())[0]).toBe('龙岗街道 李四龙');
  await page.reload();
  await expect.poll(async () => (await names())[0]).toBe('龙岗街道 李四龙');

  await page.getByRole('button', { name: '按名册顺序排列' }).click();
  await expect.poll(async () => (await names())[0]).toBe('平湖街道 林一平');

  // Retire a secretary in the roster: filling the next meeting leaves them out.
  await page.getByText(/^发言名册/).click();
  const roster = page.locator('.roster-table');
  await roster
    .getByRole('row', { name: /龙城街道/ })
    .getByRole('button', { name: '停用' })
    .click();
  await expect(roster.getByRole('row', { name: /龙城街道/ })).toHaveClass(/retired/);
  await test
    .info()
    .attach('console-roster', { body: await page.screenshot(), contentType: 'image/png' });
});

test('the organizer imports speakers from a spreadsheet after a preview that names every problem', async ({
  page,
  serve,
}) => {
  await createEmptyMeeting(page, serve.openUrl, '片区交流会');

  // A file with a bad duration: the preview says where, and importing is not offered.
  const chooser = page.getByLabel('从 Excel/CSV 导入…');
  await chooser.setInputFiles({
    name: '名单.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('单位,姓名,时长\n平湖街道,林一平,八分钟\n', 'utf8'),
  });
  const preview = page.getByRole('region', { name: '导入预览：名单.csv' });
  await expect(preview.getByRole('alert')).toContainText(
    '第 2 行，“时长”列：“八分钟”不是 1 到 600 之间的分钟数',
  );
  await expect(preview.getByRole('button', { name: '导入 1 行' })).toBeDisabled();

  // Into the roster, a file without 姓名 is refused the same way, naming the header row.
  await chooser.setInputFiles({
    name: '单位名单.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('单位,职务\n平湖街道,党工委书记\n', 'utf8'),
  });
  const noName = page.getByRole('region', { name: '导入预览：单位名单.csv' });
  await noName.getByRole('radio', { name: '发言名册' }).check();
  await expect(noName.getByRole('alert')).toContainText('第 1 行：缺少“姓名”列');
  await expect(noName.getByRole('button', { name: '导入 1 行' })).toBeDisabled();
  await noName.getByRole('radio', { name: '本次会议的发言' }).check();
  await expect(noName.getByRole('alert')).toHaveCount(0);

  await chooser.setInputFiles({
    name: '发言安排.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      '\uFEFF发言单位,发言人,职务,发言题目,时长（分钟）\n坪地街道,陈二坪,党工委书记,征拆攻坚：临时党支部（一线）,８\n横岗街道,黄三横,党工委书记,以实干论英雄,10\n',
      'utf8',
    ),
  });
  const good = page.getByRole('region', { name: '导入预览：发言安排.csv' });
  await expect(good.getByLabel('单位', { exact: true })).toHaveValue('0');
  await expect(good.getByLabel('时长（分钟）', { exact: true })).toHaveValue('4');
  await expect(good.locator('tbody tr')).toHaveCount(2);
  await test
    .info()
    .attach('import-preview', { body: await page.screenshot(), contentType: 'image/png' });
  await good.getByRole('button', { name: '导入 2 行' }).click();
  await expect(page.getByTestId('agenda-totals')).toContainText('共 2 项，计划 18 分钟');
  await expect(page.getByText('已加入 2 个发言。')).toBeVisible();
  // Chinese punctuation is kept as typed, not turned into ASCII.
  await expect(
    page.getByRole('list', { name: '议程与发言顺序' }).getByText('征拆攻坚：临时党支部（一线）'),
  ).toBeVisible();
});

test('the sample adds the subdistricts the roster lacks, and a roster import says who was there already', async ({
  page,
  serve,
}) => {
  await page.goto(serve.openUrl);
  await page.getByRole('button', { name: '新建会议' }).click();
  const form = page.getByRole('form', { name: '新建会议' });
  await form.getByLabel('会议名称').fill('片区交流会');
  await form.getByRole('button', { name: '创建会议' }).click();
  await page.getByText(/^发言名册/).click();
  const add = page.getByRole('form', { name: '加入名册' });
  await add.getByLabel('单位').fill('平湖街道');
  await add.getByLabel('姓名').fill('王真名');
  await add.getByRole('button', { name: '加入名册' }).click();
  await expect(page.getByText('发言名册（1 个单位）')).toBeVisible();

  // The other ten subdistricts join; 平湖街道 keeps its real secretary.
  await page.getByRole('button', { name: '载入示例会议' }).click();
  await expect(page.getByText('发言名册（11 个单位）')).toBeVisible();
  await expect(page.locator('.roster-table').getByRole('row', { name: /平湖街道/ })).toHaveCount(1);

  const file = {
    name: '名单.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('单位,姓名\n平湖街道,王真名\n坪地街道,陈二坪\n区委组织部,张勇\n', 'utf8'),
  };
  const chooser = page.getByLabel('从 Excel/CSV 导入…');
  for (const said of [
    '已加入名册 1 人；另有 2 人名册中已有，未重复加入。',
    '名册中已有这些人（3 人），未重复加入。',
  ]) {
    await chooser.setInputFiles(file);
    const preview = page.getByRole('region', { name: '导入预览：名单.csv' });
    await preview.getByRole('radio', { name: '发言名册' }).check();
    await preview.getByRole('button', { name: '导入 3 行' }).click();
    await expect(page.getByText(said)).toBeVisible();
  }
});
