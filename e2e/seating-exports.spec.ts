import fs from 'node:fs';
import { loadSampleMeeting } from './console-steps.ts';
import { expect, test } from './fixtures.ts';

test('the table cards of a meeting with nobody to seat are refused in the export menu with what to do; once people are added they download', async ({
  page,
  serve,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await loadSampleMeeting(page, serve.openUrl);
  const downloads: string[] = [];
  page.on('download', (download) => downloads.push(download.suggestedFilename()));
  await expect(page.getByRole('region', { name: '座次' })).toContainText('尚无可排座的人员');

  await page.getByText('导出', { exact: true }).click();
  await page.getByRole('button', { name: '桌签（Word，每人一页）' }).click();
  const status = page.getByTestId('export-status');
  await expect(status).toHaveText(
    '桌签（Word，每人一页）导出失败：尚无可排座的人员，未生成文件。' +
      '请先在“参会人员”中添加身份为出席或列席的人员（可从名册添加）；工作人员和请假的人不排座',
  );
  // In sight whole on a 768 px screen, though the list of exports reaches past its foot.
  await expect(status).toBeInViewport({ ratio: 1 });
  // The menu stays open on the refusal, to try again once someone is listed.
  await expect(page.getByRole('button', { name: '座次表（Word）' })).toBeVisible();
  const shots = test.info().outputPath();
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/nobody-to-seat-1024.png` });
  await page.getByRole('button', { name: '座次表（PDF）' }).click();
  await expect(status).toContainText('座次表（PDF）导出失败：尚无可排座的人员');
  expect(downloads).toEqual([]);

  const people = page.getByRole('region', { name: /^参会人员（/ });
  await people.getByRole('button', { name: '从名册添加' }).click();
  await expect(people.locator('tbody tr')).toHaveCount(11);
  await page.getByText('导出', { exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '桌签（Word，每人一页）' }).click();
  expect((await download).suggestedFilename()).toMatch(/-桌签\.docx$/);
  await expect(page.getByTestId('export-done')).toContainText('桌签.docx');
});
