import JSZip from 'jszip';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures.ts';

test('the organizer downloads the minutes and the meeting file, and brings the meeting back from it', async ({
  page,
  serve,
}) => {
  await page.goto(serve.openUrl);
  await page.getByRole('button', { name: '载入示例会议' }).click();
  await expect(page.getByTestId('agenda-totals')).toContainText('共 13 项');

  await page.getByText('导出', { exact: true }).click();
  const slidesDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '幻灯片（PowerPoint）' }).click();
  const slides = await slidesDownload;
  expect(slides.suggestedFilename()).toBe(
    '龙岗区组织工作会议暨基层工作经验交流座谈会（示例）-幻灯片.pptx',
  );
  expect(
    fs
      .readFileSync((await slides.path()) as string)
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');
  // Once saved, the menu closes and a note under it says what was saved.
  await expect(page.getByTestId('export-done')).toContainText(
    '已导出：龙岗区组织工作会议暨基层工作经验交流座谈会（示例）-幻灯片.pptx',
  );
  await expect(page.getByRole('button', { name: '会议纪要（PDF）' })).toBeHidden();
  await test
    .info()
    .attach('export-done', { body: await page.screenshot(), contentType: 'image/png' });

  // The PDF takes LibreOffice a few seconds: the menu says it is being made meanwhile.
  await page.getByText('导出', { exact: true }).click();
  await expect(page.getByTestId('export-done')).toBeHidden();
  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '会议纪要（PDF）' }).click();
  await expect(page.getByTestId('export-status')).toContainText('正在生成会议纪要（PDF）…');
  await expect(page.getByRole('button', { name: '幻灯片（PowerPoint）' })).toBeDisabled();
  await test
    .info()
    .attach('export-in-progress', { body: await page.screenshot(), contentType: 'image/png' });
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toBe(
    '龙岗区组织工作会议暨基层工作经验交流座谈会（示例）-纪要.pdf',
  );
  expect(
    fs
      .readFileSync((await pdf.path()) as string)
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');

  await expect(page.getByTestId('export-done')).toContainText('纪要.pdf');
  await page.getByRole('button', { name: '关闭此提示' }).click();
  await expect(page.getByTestId('export-done')).toBeHidden();
  await page.getByText('导出', { exact: true }).click();
  const minutesDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '会议纪要（Markdown）' }).click();
  const minutes = await minutesDownload;
  expect(minutes.suggestedFilename()).toBe(
    '龙岗区组织工作会议暨基层工作经验交流座谈会（示例）-纪要.md',
  );
  const md = fs.readFileSync((await minutes.path()) as string, 'utf8');
  expect(md).toContain('现将会议主要精神纪要如下：');
  expect(md).toContain('### （一）平湖街道林一平');

  await page.getByText('导出', { exact: true }).click();
  const fileDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '会议文件（带到另一台电脑）' }).click();
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
  // Titled as a copy, so the list and every search hit tell it from the original.
  await expect(
    page
      .getByRole('navigation')
      .getByText('龙岗区组织工作会议暨基层工作经验交流座谈会（示例）（副本）'),
  ).toBeVisible();

  // A file that is not a meeting: a clear message, nothing added.
  const junk = `${bundlePath}.txt`;
  fs.writeFileSync(junk, 'not json at all');
  await page.getByLabel('导入会议文件').setInputFiles(junk);
  await expect(page.getByRole('alert')).toContainText('不是会议文件，或文件已损坏');
  await expect(page.getByRole('navigation').getByRole('listitem')).toHaveCount(2);
});

test('the organizer gives the meeting a logo and the plain theme; the projector and the slides show them', async ({
  page,
  serve,
}) => {
  await page.goto(serve.openUrl);
  await page.getByRole('button', { name: '载入示例会议' }).click();
  const details = page.getByRole('form', { name: '会议信息' });
  await expect(details.getByLabel('主办单位')).toHaveValue('中共深圳市龙岗区委组织部');

  // A file that is not an image is refused with its name; nothing changes.
  const notImage = path.join(os.tmpdir(), `rt-not-image-${Date.now()}.txt`);
  fs.writeFileSync(notImage, 'hello');
  await details.getByLabel('标识图片（用于幻灯片和投屏标识画面）').setInputFiles(notImage);
  await expect(details.getByRole('alert')).toHaveText(/不是 PNG 或 JPEG 图片/);

  await details.getByLabel('标识图片（用于幻灯片和投屏标识画面）').setInputFiles({
    name: 'emblem.png',
    mimeType: 'image/png',
    buffer: RED_SQUARE_PNG,
  });
  const preview = details.getByRole('img', { name: '会议标识' });
  await expect(preview).toBeVisible();
  expect(await preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(16);
  await details.getByLabel('幻灯片风格').selectOption({ label: '简洁蓝灰' });
  await details.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await test.info().attach('meeting-logo', {
    body: await details.screenshot(),
    contentType: 'image/png',
  });

  // The logo screen on the projector shows the meeting's own logo.
  const meetingId = new URL(page.url()).searchParams.get('meeting');
  const projector = await page.context().newPage();
  await projector.goto(serve.screen(`/projector?meeting=${meetingId}`));
  await page.keyboard.press('l');
  await expect(projector.getByTestId('logo-screen').locator('img')).toHaveAttribute(
    'src',
    /^data:image\/png;base64,/,
  );

  await page.getByText('导出', { exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '幻灯片（PowerPoint）' }).click();
  const zip = await JSZip.loadAsync(fs.readFileSync((await (await download).path()) as string));
  const cover = (await zip.file('ppt/slides/slide1.xml')?.async('string')) ?? '';
  expect(cover).toContain('1F3A5F'); // the plain theme's navy
  expect(cover).toContain('<p:pic>');
});

/** A 16×16 red PNG. */
const RED_SQUARE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR42mM4ISJHEmIY1TCqYfhqAACTgfoBoPZ2YAAAAABJRU5ErkJggg==',
  'base64',
);

test('the organizer sets a 纪要标志 in the meeting’s settings; it is kept and the minutes carry it', async ({
  page,
  serve,
}) => {
  await page.goto(serve.openUrl);
  await page.getByRole('button', { name: '载入示例会议' }).click();
  const details = page.getByRole('form', { name: '会议信息' });
  await expect(details.getByLabel('纪要标志')).toHaveValue('');
  await details.getByLabel('纪要标志').fill('龙岗区组织工作纪要');
  // 应到/实到 is off until asked for, and kept once ticked.
  const headcount = details.getByLabel(/^纪要写明应到、实到人数/);
  await expect(headcount).not.toBeChecked();
  await headcount.check();
  await details.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await test.info().attach('minutes-mark-setting', {
    body: await details.screenshot(),
    contentType: 'image/png',
  });

  await page.reload();
  await expect(page.getByRole('form', { name: '会议信息' }).getByLabel('纪要标志')).toHaveValue(
    '龙岗区组织工作纪要',
  );
  await expect(
    page.getByRole('form', { name: '会议信息' }).getByLabel(/^纪要写明应到/),
  ).toBeChecked();
  await page.getByText('导出', { exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '会议纪要（Markdown）' }).click();
  const md = fs.readFileSync((await (await download).path()) as string, 'utf8');
  expect(md.startsWith('**龙岗区组织工作纪要**\n\n# 龙岗区组织工作会议')).toBe(true);
});
