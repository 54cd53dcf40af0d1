import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { sampleRequest, type ServeProcess } from './serve-process.ts';

/**
 * Two note-takers change the same note at about the same time. The server answers a command on
 * the socket once its commit is on disk, and the events of another note-taker's commits landing
 * meanwhile go out before that answer: the known fault was that the answer, shown when it
 * arrived, undid the other note-taker's later edit (or brought a note they deleted back) until
 * the note's next change. The order is made here for certain: the first note-taker's answers
 * are held back on their socket (events go through) until the other's change is shown there.
 */

/** The sample meeting with 平湖街道 林一平 speaking (3 sample notes). */
async function sampleWithPinghuSpeaking(serve: ServeProcess) {
  const headers = { Authorization: `Bearer ${serve.token}` };
  const made = await fetch(`${serve.origin}/api/meetings/sample`, sampleRequest(headers));
  const meetingId = ((await made.json()) as { meeting: { id: string } }).meeting.id;
  for (let i = 0; i < 2; i++) {
    const next = await fetch(`${serve.origin}/api/meetings/${meetingId}/run/next`, {
      method: 'POST',
      headers,
    });
    expect(next.status).toBe(200);
  }
  return meetingId;
}

/** A tablet on the notes screen, in a context of its own, signed with `name`. */
async function noteTaker(browser: Browser, serve: ServeProcess, meetingId: string, name: string) {
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1400, height: 900 },
  });
  const page = await context.newPage();
  const answers = await answersHeldOn(page);
  await page.goto(serve.screen(`/notes?meeting=${meetingId}`));
  await page.getByLabel('记录人').fill(name);
  await expect(page.getByTestId('notes-speaker')).toContainText('平湖街道 林一平');
  await expect(page.getByTestId('note')).toHaveCount(3);
  return { page, answers };
}

/**
 * The test's hand on the answers the server sends a page's socket: held back from `hold()`
 * until `release()` (in the order sent); the events go through meanwhile.
 */
async function answersHeldOn(page: Page) {
  let holding = false;
  const held: (() => void)[] = [];
  await page.routeWebSocket(/\/ws/, (socket) => {
    const server = socket.connectToServer();
    server.onMessage((message) => {
      const isAnswer =
        typeof message === 'string' &&
        (JSON.parse(message) as { kind?: unknown }).kind === 'answer';
      if (holding && isAnswer) held.push(() => socket.send(message));
      else socket.send(message);
    });
  });
  return {
    hold() {
      holding = true;
    },
    /** Resolves once `count` answers are held. */
    async heldCount(count: number) {
      await expect.poll(() => held.length).toBe(count);
    },
    release() {
      holding = false;
      for (const send of held.splice(0)) send();
    },
  };
}

/** The first note on `page` not starred yet: starring it is a change both screens can see. */
const unstarredNote = (page: Page) =>
  page
    .getByTestId('note')
    .filter({ has: page.getByRole('button', { name: '标星', pressed: false }) })
    .first();

/**
 * Writes a note on `page` and waits until it is shown as saved: its answer comes on the socket
 * after the answers released before it, so by then the page has taken those in.
 */
async function writeNoteAfterwards(page: Page, text: string) {
  const composer = page.getByRole('textbox', { name: /记录要点/ });
  await composer.fill(text);
  await composer.press('Enter');
  await expect(page.getByTestId('save-status')).toHaveText('已保存');
  await expect(page.getByTestId('note').filter({ hasText: text })).toHaveCount(1);
}

test('a star answered after another note-taker’s later edit of the note leaves that edit shown', async ({
  browser,
  serve,
}) => {
  const meetingId = await sampleWithPinghuSpeaking(serve);
  const a = await noteTaker(browser, serve, meetingId, '记录人甲');
  const b = await noteTaker(browser, serve, meetingId, '记录人乙');
  const noteId = await unstarredNote(a.page).getAttribute('data-note-id');
  const onA = a.page.locator(`[data-note-id="${noteId}"]`);
  const onB = b.page.locator(`[data-note-id="${noteId}"]`);

  // A stars the note; its answer is held back, its event goes out to both screens.
  a.answers.hold();
  await onA.getByRole('button', { name: '标星' }).click();
  await a.answers.heldCount(1);
  await expect(onB.getByRole('button', { name: '标星' })).toHaveAttribute('aria-pressed', 'true');
  // B edits the starred note; A hears it before its own answer.
  await onB.getByRole('button', { name: '修改' }).click();
  await onB.getByRole('textbox').fill('乙改：临时党支部带动征拆攻坚');
  await onB.getByRole('textbox').press('Enter');
  await expect(onA).toContainText('乙改：临时党支部带动征拆攻坚');

  a.answers.release();
  await writeNoteAfterwards(a.page, '甲随后写的一条');
  await expect(onA).toContainText('乙改：临时党支部带动征拆攻坚');
  await expect(onA.getByRole('button', { name: '标星' })).toHaveAttribute('aria-pressed', 'true');
  await expect(onB).toContainText('乙改：临时党支部带动征拆攻坚');
  const shot = test.info().outputPath('star-answered-after-edit.png');
  await a.page.screenshot({ path: shot });
  await test.info().attach('star-answered-after-edit', { path: shot, contentType: 'image/png' });
});

test('a star answered after another note-taker deleted the note does not bring it back', async ({
  browser,
  serve,
}) => {
  const meetingId = await sampleWithPinghuSpeaking(serve);
  const a = await noteTaker(browser, serve, meetingId, '记录人甲');
  const b = await noteTaker(browser, serve, meetingId, '记录人乙');
  const noteId = await unstarredNote(a.page).getAttribute('data-note-id');
  const onA = a.page.locator(`[data-note-id="${noteId}"]`);
  const onB = b.page.locator(`[data-note-id="${noteId}"]`);

  a.answers.hold();
  await onA.getByRole('button', { name: '标星' }).click();
  await a.answers.heldCount(1);
  await expect(onB.getByRole('button', { name: '标星' })).toHaveAttribute('aria-pressed', 'true');
  await onB.getByRole('button', { name: '删除' }).click();
  await expect(onA).toHaveCount(0);

  a.answers.release();
  await writeNoteAfterwards(a.page, '甲随后写的一条');
  await expect(onA).toHaveCount(0);
  await expect(a.page.getByTestId('note')).toHaveCount(3);
});
