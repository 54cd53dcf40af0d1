import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { readDocx } from '../electron/export/test-support/docx-readback.ts';
import { addPeopleFromRoster, loadSampleMeeting } from './console-steps.ts';
import { expect, test } from './fixtures.ts';

/** A unit's filled-in 参会回执, as the notice's table comes back in Excel: a title row first. */
async function replyWorkbook(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('参会回执');
  sheet.addRow(['参会回执']);
  sheet.addRow(['单位', '姓名', '职务', '联系电话', '是否参会', '请假事由', '代会人员']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

test('the organizer fills in the notice, exports it, and brings two returned replies in', async ({
  page,
  serve,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await loadSampleMeeting(page, serve.openUrl);
  const { panel: people, rows } = await addPeopleFromRoster(page);

  // The notice's own fields, kept with the meeting.
  const notice = page.getByRole('region', { name: '会议通知' });
  const form = notice.getByRole('form', { name: '会议通知' });
  await form.getByLabel('主送机关').fill('各街道党工委');
  await form.getByLabel('联系人').fill('李明');
  await form.getByLabel('联系电话').fill('0755-28949999');
  await form.getByLabel('发言材料报送截止日期').fill('2026-11-18');
  await form.getByLabel('成文日期').fill('2026-11-10');
  await form.getByRole('button', { name: '保存通知设置' }).click();
  await expect(notice.getByRole('status')).toHaveText('通知设置已保存');
  await page.reload();
  await expect(form.getByLabel('主送机关')).toHaveValue('各街道党工委');

  // Exported from the same menu as the minutes, and read back.
  await page.getByText('导出', { exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '会议通知（Word，公文格式）' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(
    '龙岗区组织工作会议暨基层工作经验交流座谈会（示例）-会议通知.docx',
  );
  const texts = (await readDocx(fs.readFileSync((await file.path()) as string))).body.map(
    (p) => p.text,
  );
  expect(texts).toContain('各街道党工委：');
  expect(texts).toContain('联系人：李明，电话：0755-28949999。');
  expect(texts).toContain('请各街道党工委书记准备8分钟交流发言，于11月18日前报送发言材料。');
  expect(texts).toContain('2026年11月10日');
  await page.keyboard.press('Escape');

  const chooser = notice.locator('input[type="file"]');
  const reading = notice.getByRole('region', { name: /^回执导入预览/ });

  // A reply naming someone not invited: named by file and row, nothing can be imported.
  await chooser.setInputFiles({
    name: '错误回执.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('单位,姓名,是否参会\r\n龙城街道,孙不在,参会\r\n', 'utf8'),
  });
  await expect(reading.getByRole('alert')).toContainText(
    '错误回执.csv 第 2 行：“龙城街道 孙不在”不在本会议的参会人员名单中',
  );
  await expect(reading.getByRole('button', { name: /^导入/ })).toBeDisabled();
  await reading.getByRole('button', { name: '取消' }).click();

  // Two units' replies at once: an .xlsx of the notice's own form and a CSV in another order.
  await chooser.setInputFiles([
    {
      name: '平湖坪地回执.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await replyWorkbook([
        ['平湖街道', '林一平', '党工委书记', '13800000001', '参会', '', ''],
        ['坪地街道', '陈二坪', '党工委书记', '', '请假', '外出学习', ''],
      ]),
    },
    {
      name: '横岗回执.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('姓名,单位,是否参会,代会人员\r\n黄三横,横岗街道,代会,王代表\r\n', 'utf8'),
    },
  ]);
  await expect(reading).toBeVisible();
  const changes = reading.locator('tbody tr');
  await expect(changes).toHaveCount(3);
  await expect(changes.nth(1)).toContainText('陈二坪');
  await expect(changes.nth(1)).toContainText('未回复 → 请假 外出学习');
  await expect(changes.nth(1)).toContainText('平湖坪地回执.xlsx 第 4 行');
  await expect(changes.nth(2)).toContainText('横岗回执.csv 第 2 行');
  const shots = test.info().outputPath();
  fs.mkdirSync(shots, { recursive: true });
  await notice.screenshot({ path: `${shots}/notice-replies-1920.png` });
  // Nothing written yet.
  await expect(people.getByLabel('人数')).toHaveText('应到 11已签到 0请假 0未到 11');

  await reading.getByRole('button', { name: '导入（3 人）' }).click();
  await expect(notice.getByTestId('replies-done')).toHaveText('已导入回执：3 人');
  await expect(people.getByLabel('人数')).toHaveText('应到 11已签到 0请假 1未到 10');
  await expect(rows.filter({ hasText: '陈二坪' })).toContainText('外出学习');
  await expect(rows.filter({ hasText: '黄三横' })).toContainText('王代表');

  // The door tablet's width: no sideways scroll.
  await page.setViewportSize({ width: 1024, height: 768 });
  await notice.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
  await notice.screenshot({ path: `${shots}/notice-1024.png` });
});
