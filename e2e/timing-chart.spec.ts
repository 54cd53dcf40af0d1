import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';

test('the console draws planned against actual as the run goes: overtime in red, a skip marked, the leader’s start, in both languages', async ({
  page,
  serve,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(serve.openUrl);
  await page.getByRole('button', { name: '载入示例会议' }).click();
  await expect(page).toHaveURL(/meeting=/);
  const chart = page.getByTestId('timing-chart');
  await expect(chart).toHaveCount(0); // nothing has run yet: nothing to draw

  // The opening starts; five minutes taken off its five leave it in overtime at once.
  await page.keyboard.press('Space');
  await expect(page.getByTestId('run-status')).toHaveText('发言中');
  // Measured from the plan whatever the hour: the sample is dated the browser's today, and a
  // run begun just after midnight would start on another day and be measured from that start.
  await page.getByRole('checkbox', { name: '按实际开始计算' }).uncheck();
  for (let i = 0; i < 5; i++) await page.keyboard.press('-');
  await expect(chart).toBeVisible();
  await expect(chart).toContainText('1. 戴斌');
  await expect(chart).toContainText('张勇讲话：计划 10:33 开始，预计');
  // Live: the running speech's bar grows and turns red without a command.
  const red = chart.locator('rect[fill="#d93025"]');
  await expect(red).toHaveCount(2); // the legend's key and the opening's overtime
  const openingValue = chart.locator('text', { hasText: / \/ 0:00$/ });
  const first = await openingValue.textContent();
  await expect.poll(() => openingValue.textContent()).not.toBe(first);

  // Next starts 林一平, next again 陈二坪; a skip cuts 陈二坪 short and cues 黄三横, whom a
  // second skip passes over unspoken.
  await page.keyboard.press('Space');
  await page.keyboard.press('Space');
  await page.keyboard.press('k');
  await page.keyboard.press('k');
  await expect(chart.locator('text', { hasText: '已跳过' })).toHaveCount(1); // 黄三横's row
  await expect(chart.locator('rect[stroke-dasharray]')).toHaveCount(10); // skipped and to come
  await expect(chart).toContainText('未进行');
  await expect(red).toHaveCount(2);

  for (const [width, height] of [
    [1920, 1080],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await chart.scrollIntoViewIfNeeded();
    // Drawn at the panel's width: no sideways scroll, letters at their size.
    const box = page.locator('.timing-chart-box');
    await expect.poll(() => box.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    const label = await chart.locator('text', { hasText: '1. 戴斌' }).boundingBox();
    expect(label?.height ?? 0).toBeGreaterThanOrEqual(12);
    const shot = await page.locator('.timing-chart-panel').screenshot();
    if (process.env.SHOTS_DIR)
      writeFileSync(`${process.env.SHOTS_DIR}/timing-chart-${width}x${height}.png`, shot);
    await test
      .info()
      .attach(`timing-chart-${width}x${height}`, { body: shot, contentType: 'image/png' });
  }

  // The same chart leaves with the exports, made in the server's export worker.
  const download = async (name: string) => {
    await page.getByText('导出', { exact: true }).click();
    const file = page.waitForEvent('download');
    await page.getByRole('button', { name }).click();
    return readFileSync((await (await file).path()) as string);
  };
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await download('计时报告（Excel）')) as unknown as ExcelJS.Buffer);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['计时报告', '用时图']);
  expect(workbook.getWorksheet('用时图')?.getImages()).toHaveLength(1);
  const deck = await JSZip.loadAsync(await download('幻灯片（PowerPoint）'));
  const slideCount = Object.keys(deck.files).filter((n) =>
    /^ppt\/slides\/slide\d+\.xml$/.test(n),
  ).length;
  const slideXml = (n: number) => deck.file(`ppt/slides/slide${n}.xml`)?.async('string') ?? '';
  const lastSlide = await slideXml(slideCount);
  expect(lastSlide).toContain('用时情况');
  // The chart is paged to keep its text large: the timing slides are the last ones.
  const timingSlides: string[] = [];
  for (let n = slideCount; n > 0; n--) {
    const xml = await slideXml(n);
    if (!xml.includes('用时情况')) break;
    timingSlides.push(xml);
  }
  // Drawn in the slide's own shapes: the skipped speech's label is text of a slide.
  expect(timingSlides.join('')).toContain('已跳过');
  for (const xml of timingSlides) expect(xml).not.toContain('<p:pic>');

  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(chart).toContainText('Skipped');
  await expect(chart).toContainText('Overtime');
  await expect(chart).toContainText("张勇's speech: planned 10:33, expected");
});
