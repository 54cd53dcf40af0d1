import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEmptyMeeting } from './console-steps.ts';
import { expect, test } from './fixtures.ts';

/** 96 characters: "…-计时报告.xlsx" used to be 306 bytes, a name no file system saves. */
const LONG_TITLE =
  '中共云溪区委关于基层党建引领城市更新和社会治理现代化重点攻坚任务推进暨优秀街道社区党组织工作经验交流座谈会'.repeat(
    2,
  );

test('an export of a meeting with a very long title saves under a shortened name that keeps its suffix', async ({
  page,
  serve,
}) => {
  await createEmptyMeeting(page, serve.openUrl, LONG_TITLE);
  await page.getByText('导出', { exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '计时报告（Excel）' }).click();
  const workbook = await download;
  const name = workbook.suggestedFilename();
  expect(name.endsWith('-计时报告.xlsx')).toBe(true);
  expect(LONG_TITLE.startsWith(name.replace('-计时报告.xlsx', ''))).toBe(true);
  expect(Buffer.byteLength(name)).toBeLessThanOrEqual(200);
  // Saved into a folder under that name, as the browser's save does, and read back whole.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-e2e-saved-'));
  try {
    await workbook.saveAs(path.join(folder, name));
    expect(fs.readdirSync(folder)).toEqual([name]);
    expect(fs.readFileSync(path.join(folder, name)).subarray(0, 2).toString()).toBe('PK');
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  await expect(page.getByTestId('export-done')).toContainText(`已导出：${name}`);
});
