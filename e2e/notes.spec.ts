import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { SAMPLE_DATE, type ServeProcess } from './serve-process.ts';

async function post(serve: ServeProcess, path: string, body?: object) {
  const res = await fetch(`${serve.origin}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${serve.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  return (await res.json()) as { meeting: { id: string }; items: { id: string }[] };
}

async function noteTaker(browser: Browser, serve: ServeProcess, meetingId: string, name: string) {
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1400, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(serve.screen(`/notes?meeting=${meetingId}`));
  await page.getByLabel('记录人').fill(name);
  return page;
}
const composer = (page: Page) => page.getByRole('textbox', { name: /记录要点/ });
const notes = (page: Page) => page.getByTestId('note');

test('two note-takers write for the same speaker and see each other live; nothing typed is lost', async ({
  browser,
  serve,
}) => {
  const sample = await post(serve, '/api/meetings/sample', { date: SAMPLE_DATE });
  const meetingId = sample.meeting.id;
  await post(serve, `/api/meetings/${meetingId}/run/next`);
  await post(serve, `/api/meetings/${meetingId}/run/next`); // 平湖 is speaking

  const a = await noteTaker(browser, serve, meetingId, '记录人甲');
  const b = await noteTaker(browser, serve, meetingId, '记录人乙');
  for (const page of [a, b])
    await expect(page.getByTestId('notes-speaker')).toContainText('平湖街道 林一平');
  await expect(notes(a)).toHaveCount(3); // the sample's notes on 平湖

  // A types a takeaway; B sees it appear without reloading.
  await composer(a).fill('临时党支部带动征拆攻坚，一线问题一线解决');
  await composer(a).press('Enter');
  await expect(a.getByTestId('save-status')).toHaveText('已保存');
  await expect(composer(a)).toHaveValue('');
  await expect(notes(b).filter({ hasText: '一线问题一线解决' })).toHaveCount(1);
  await expect(notes(b).filter({ hasText: '一线问题一线解决' })).toContainText(/\d\d:\d\d/);
  await expect(notes(b).filter({ hasText: '一线问题一线解决' })).toContainText('记录人甲');

  // B picks the kind by prefix; A sees a 数据 entry.
  await composer(b).fill('数据：4条河道征拆量占全区63.3%');
  await composer(b).press('Enter');
  const figure = notes(a).filter({ hasText: '4条河道征拆量占全区63.3%' });
  await expect(figure).toContainText('数据');
  await expect(figure).not.toContainText('数据：');

  // Alt+4 picks 金句 by key.
  await composer(a).focus();
  await a.keyboard.press('Alt+4');
  await expect(a.getByRole('radio', { name: /金句/ })).toHaveAttribute('aria-checked', 'true');

  // A draft survives a reload of the page.
  await composer(a).fill('尚未保存的半句话');
  await a.reload();
  await expect(composer(a)).toHaveValue('尚未保存的半句话');
  await composer(a).fill('');

  // Both edit the same note: the later one is kept, and each is told.
  const noteId = await notes(a)
    .filter({ hasText: '一线问题一线解决' })
    .getAttribute('data-note-id');
  const shared = a.locator(`[data-note-id="${noteId}"]`);
  await shared.getByRole('button', { name: '修改' }).click();
  const sharedB = b.locator(`[data-note-id="${noteId}"]`);
  await sharedB.getByRole('button', { name: '修改' }).click();
  await sharedB.getByRole('textbox').fill('乙改：临时党支部带动征拆攻坚');
  await sharedB.getByRole('textbox').press('Enter');
  await expect(shared.getByRole('alert')).toContainText('记录人乙 刚修改了这条记录');
  await shared.getByRole('textbox').fill('甲改：临时党支部把问题解决在一线');
  await shared.getByRole('textbox').press('Enter');
  await expect(a.getByRole('alert').filter({ hasText: '覆盖了他人' })).toBeVisible();
  await expect(notes(b).filter({ hasText: '甲改：临时党支部把问题解决在一线' })).toHaveCount(1);
  await test
    .info()
    .attach('notes-two-takers', { body: await a.screenshot(), contentType: 'image/png' });

  // Delete, then undo.
  const before = await notes(b).count();
  await notes(b).filter({ hasText: '甲改' }).getByRole('button', { name: '删除' }).click();
  await expect(notes(a)).toHaveCount(before - 1);
  await b.getByRole('button', { name: '撤销' }).click();
  await expect(notes(a)).toHaveCount(before);

  // The view follows the speaker on stage, unless pinned.
  await post(serve, `/api/meetings/${meetingId}/run/next`);
  await expect(a.getByTestId('notes-speaker')).toContainText('坪地街道 陈二坪');
  await b.getByLabel('跟随当前发言人').uncheck();
  await post(serve, `/api/meetings/${meetingId}/run/next`);
  await expect(a.getByTestId('notes-speaker')).toContainText('横岗街道 黄三横');
  await expect(b.getByTestId('notes-speaker')).toContainText('坪地街道 陈二坪');

  // Search across meetings, highlighted; a hit opens its speaker.
  await a.getByRole('searchbox').fill('网格员');
  const results = a.getByTestId('search-results');
  await expect(results.locator('mark').first()).toHaveText('网格员');
  await results.getByRole('button').filter({ hasText: '吉华街道 王九华' }).first().click();
  await expect(a.getByTestId('notes-speaker')).toContainText('吉华街道 王九华');
  await test
    .info()
    .attach('notes-search', { body: await a.screenshot(), contentType: 'image/png' });
});

test('the console shows the current speaker’s notes as they are written', async ({
  page,
  browser,
  serve,
}) => {
  const sample = await post(serve, '/api/meetings/sample', { date: SAMPLE_DATE });
  const meetingId = sample.meeting.id;
  await page.goto(serve.screen(`/?meeting=${meetingId}`));
  await expect(page.getByTestId('run-status')).toHaveText('未开始');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('run-current')).toContainText('主持人开场');
  const taker = await noteTaker(browser, serve, meetingId, '记录人丙');
  await composer(taker).fill('会议围绕党建引领中心工作讲心得、聊干货');
  await composer(taker).press('Enter');
  await expect(page.getByTestId('console-notes')).toContainText('讲心得、聊干货');
});
