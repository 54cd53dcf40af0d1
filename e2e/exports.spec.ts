import fs from 'node:fs';
import { expect, test } from './fixtures.ts';

test('the organizer downloads the minutes and the meeting file, and brings the meeting back from it', async ({
  page,
  serve,
}) => {
  await page.goto(serve.openUrl);
  await page.getByRole('button', { name: '载入示例会议' }).click();
  await expect(page.getByTestId('agenda-totals')).toContainText('共 13 项');

  await page.getByText('导出', { exact: true }).click();
  const minutesDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: '会议纪要（Markdown）' }).click();
  const minutes = await minutesDownload;
  expect(minutes.suggestedFilename()).toBe(
    '龙岗区组织工作会议暨基层工作经验交流座谈会（示例）-纪要.md',
  );
  const md = fs.readFileSync((await minutes.path()) as string, 'utf8');
  expect(md).toContain('现纪要如下：');
  expect(md).toContain('## 一、平湖街道 林一平');

  const fileDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: '会议文件（带到另一台电脑）' }).click();
  const bundle = await fileDownload;
  expect(bundle.suggestedFilename()).toMatch(/\.roundtable$/);
  const bundlePath = (await bundle.path()) as string;
  await test
    .info()
    .attach('console-export-menu', { body: await page.screenshot(), contentType: 'image/png' });

  // Delete the meeting, then bring it back from the file.
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: '删除会议' }).click();
  await expect(page.getByText('还没有会议')).toBeVisible();
  await page.getByLabel('导入会议文件').setInputFiles(bundlePath);
  await expect(
    page.getByText('已导入“龙岗区组织工作会议暨基层工作经验交流座谈会（示例）”。'),
  ).toBeVisible();
  await expect(page.getByTestId('agenda-totals')).toContainText('共 13 项');

  // The same file again: it is already here, so it comes in as a copy when the organizer agrees.
  page.once('dialog', (d) => d.accept());
  await page.getByLabel('导入会议文件').setInputFiles(bundlePath);
  await expect(page.getByRole('navigation').getByRole('listitem')).toHaveCount(2);

  // A file that is not a meeting: a clear message, nothing added.
  const junk = `${bundlePath}.txt`;
  fs.writeFileSync(junk, 'not json at all');
  await page.getByLabel('导入会议文件').setInputFiles(junk);
  await expect(page.getByRole('alert')).toContainText('不是会议文件');
  await expect(page.getByRole('navigation').getByRole('listitem')).toHaveCount(2);
});
