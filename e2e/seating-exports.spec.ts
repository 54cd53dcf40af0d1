import fs from 'node:fs';
import { addPeopleFromRoster, loadSampleMeeting } from './console-steps.ts';
import { expect, test } from './fixtures.ts';

const SEATING_ENTRIES = [
  '座次表（Word）',
  '座次表（PDF）',
  '桌签（Word，每人一页）',
  '桌签（PDF，每人一页）',
];
const NOBODY_TO_SEAT =
  '尚无可排座的人员，座次表和桌签暂不能导出。请先在“参会人员”中添加身份为出席或列席的人员' +
  '（可从名册添加）；工作人员和请假的人不排座';

test('with nobody to seat the export menu greys the seating chart and table cards with what to do; once people are added they download', async ({
  page,
  serve,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await loadSampleMeeting(page, serve.openUrl);
  const downloads: string[] = [];
  page.on('download', (download) => downloads.push(download.suggestedFilename()));
  await expect(page.getByRole('region', { name: '座次' })).toContainText('尚无可排座的人员');

  await page.getByText('导出', { exact: true }).click();
  for (const entry of SEATING_ENTRIES) {
    const button = page.getByRole('button', { name: entry });
    await expect(button).toBeDisabled();
    // Said to a screen reader too, and not only on hover: a tablet has none.
    await expect(button).toHaveAccessibleDescription(NOBODY_TO_SEAT);
  }
  await expect(page.getByRole('button', { name: '会议纪要（Word，公文格式）' })).toBeEnabled();
  // The reason is written once, under the four entries, and read whole on a 768 px screen
  // (the list scrolls inside the panel; nothing of the sentence is cut by it or by the window).
  const reason = page.getByText(NOBODY_TO_SEAT, { exact: true });
  await expect(reason).toHaveCount(1);
  await reason.scrollIntoViewIfNeeded();
  await expect(reason).toBeInViewport({ ratio: 1 });
  const shots = test.info().outputPath();
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/nobody-to-seat-1024-zh.png` });

  // A click on a greyed entry does nothing: no file, no refusal after a wait.
  await page.getByRole('button', { name: '桌签（Word，每人一页）' }).click({ force: true });
  await expect(page.getByTestId('export-status')).toBeEmpty();

  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  const english =
    'Nobody to seat yet, so the seating chart and name cards cannot be exported. First add ' +
    'participants whose role is Member or Observer under Participants (or add them from the ' +
    'roster); staff and those on leave get no seat';
  await expect(
    page.getByRole('button', { name: 'Seating chart (PDF)' }),
  ).toHaveAccessibleDescription(english);
  await page.getByText(english, { exact: true }).scrollIntoViewIfNeeded();
  await expect(page.getByText(english, { exact: true })).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: `${shots}/nobody-to-seat-1024-en.png` });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  expect(downloads).toEqual([]);

  // People added in 参会人员 make the entries available at once, without a reload.
  await addPeopleFromRoster(page);
  await page.getByText('导出', { exact: true }).click();
  for (const entry of SEATING_ENTRIES) {
    const button = page.getByRole('button', { name: entry });
    await expect(button).toBeEnabled();
    await expect(button).toHaveAccessibleDescription('');
  }
  await expect(page.getByText(NOBODY_TO_SEAT)).toHaveCount(0);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '桌签（Word，每人一页）' }).click();
  expect((await download).suggestedFilename()).toMatch(/-桌签\.docx$/);
  await expect(page.getByTestId('export-done')).toContainText('桌签.docx');
});
