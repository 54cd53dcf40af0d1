import { expect, test } from './fixtures.ts';
import { createEmptyMeeting } from './console-steps.ts';

/**
 * The server's refusals travel as a reason with params and are worded by the console: in
 * Chinese wholly in Chinese, and a language switch rewords the notice already on screen.
 */
test('an import refusal is said in Chinese, and rewords itself in English on a switch', async ({
  page,
  serve,
}) => {
  await createEmptyMeeting(page, serve.openUrl, '片区交流会');

  // Not a table at all: refused by the server when read.
  const chooser = page.getByLabel('从 Excel/CSV 导入…');
  await chooser.setInputFiles({
    name: '照片.png',
    mimeType: 'image/png',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 0, 1]),
  });
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText(
    '无法导入：“照片.png”不是表格：既不是 .xlsx 工作簿，也不是 CSV 文本，未导入任何内容',
  );

  // A roster that reads well in the preview, then is refused when imported: the file changed
  // on the way (here, the mapping sent no longer names the 姓名 column).
  await chooser.setInputFiles({
    name: '名单.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('单位,姓名\n平湖街道,林一平\n', 'utf8'),
  });
  await page.getByRole('radio', { name: '发言名册' }).check();
  await page.route('**/api/import/roster**', (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set('mapping', JSON.stringify({ organization: 0 }));
    return route.continue({ url: url.toString() });
  });
  await page.getByRole('button', { name: /^导入 1 行/ }).click();
  await expect(alert).toHaveText('无法导入：“名单.csv”第 1 行：缺少“姓名”列，未导入任何内容');
  await expect(alert).not.toContainText('missing');

  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(alert).toHaveText(
    'Cannot import: “名单.csv” row 1: no “姓名” column; nothing was imported',
  );
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(alert).toHaveText('无法导入：“名单.csv”第 1 行：缺少“姓名”列，未导入任何内容');
});

test('a form’s field message rewords itself on a language switch', async ({ page, serve }) => {
  await page.goto(serve.openUrl);
  await page.getByRole('button', { name: '新建会议' }).click();
  const form = page.getByRole('form', { name: '新建会议' });
  await form.getByRole('button', { name: '创建会议' }).click();
  await expect(form.getByRole('alert')).toHaveText('会议名称不能为空');
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(page.getByRole('form', { name: 'New meeting' }).getByRole('alert')).toHaveText(
    'Title cannot be empty',
  );
});
