import type { APIResponse, Browser, Page, Route, WebSocketRoute } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { landHeldAnswer, markHeldBackAnswers } from './held-answer-steps.ts';
import { sampleRequest, type ServeProcess } from './serve-process.ts';

/**
 * Two note-takers change the same note at about the same time. The known fault was that the
 * answer to the first one's command, shown when it arrived, undid the other's later edit (or
 * brought a note they deleted back) until the note's next change. Over HTTP (the first one's
 * socket down) the answer travels apart from the events and can come after the other's change;
 * on the socket the server writes an answer right after its commit's flush, before any later
 * event, and the screen is not to rest on that order either. Both orders are made here for
 * certain: the first note-taker's answers are held back on their socket (events go through), or
 * its socket is cut and its HTTP answer held, until the other's change is shown there.
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
 * The test's hand on a page's socket: the answers the server sends on it are held back from
 * `hold()` until `release()` (in the order sent), the events going through meanwhile; `cut()`
 * closes it and refuses the page's retries, as a tablet out of the Wi-Fi's reach, until
 * `restore()`.
 */
async function answersHeldOn(page: Page) {
  let holding = false;
  let cut = false;
  const held: (() => void)[] = [];
  const open: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/ws/, (socket) => {
    if (cut) {
      void socket.close();
      return;
    }
    open.push(socket);
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
    async cut() {
      cut = true;
      await Promise.all(open.splice(0).map((socket) => socket.close()));
      await expect(page.getByText('已连接')).toHaveCount(0);
    },
    async restore() {
      cut = false;
      await expect(page.getByText('已连接')).toBeVisible({ timeout: 10_000 });
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

/**
 * 记录人甲 and 记录人乙 on the notes screen of the sample with 林一平 speaking, and one of his
 * unstarred notes as each of them shows it.
 */
async function twoNoteTakersOnOneNote(browser: Browser, serve: ServeProcess) {
  const meetingId = await sampleWithPinghuSpeaking(serve);
  const a = await noteTaker(browser, serve, meetingId, '记录人甲');
  const b = await noteTaker(browser, serve, meetingId, '记录人乙');
  const noteId = (await unstarredNote(a.page).getAttribute('data-note-id')) as string;
  const onA = a.page.locator(`[data-note-id="${noteId}"]`);
  const onB = b.page.locator(`[data-note-id="${noteId}"]`);
  return { a, b, noteId, onA, onB };
}

type TwoNoteTakers = Awaited<ReturnType<typeof twoNoteTakersOnOneNote>>;

/** A stars the note, its answer held back; the star's event has reached both screens. */
async function starWithAnswerHeld({ a, onA, onB }: TwoNoteTakers) {
  a.answers.hold();
  await onA.getByRole('button', { name: '标星' }).click();
  await a.answers.heldCount(1);
  await expect(onB.getByRole('button', { name: '标星' })).toHaveAttribute('aria-pressed', 'true');
}

/** A's held answer lets go, and A writes a note after it: by then the answer is taken in. */
async function landHeldStar({ a }: TwoNoteTakers) {
  a.answers.release();
  await writeNoteAfterwards(a.page, '甲随后写的一条');
}

test('a star answered after another note-taker’s later edit of the note leaves that edit shown', async ({
  browser,
  serve,
}) => {
  const two = await twoNoteTakersOnOneNote(browser, serve);
  const { a, onA, onB } = two;

  // A stars the note; its answer is held back, its event goes out to both screens.
  await starWithAnswerHeld(two);
  // B edits the starred note; A hears it before its own answer.
  await onB.getByRole('button', { name: '修改' }).click();
  await onB.getByRole('textbox').fill('乙改：临时党支部带动征拆攻坚');
  await onB.getByRole('textbox').press('Enter');
  await expect(onA).toContainText('乙改：临时党支部带动征拆攻坚');

  await landHeldStar(two);
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
  const two = await twoNoteTakersOnOneNote(browser, serve);
  const { a, onA, onB } = two;

  await starWithAnswerHeld(two);
  await onB.getByRole('button', { name: '删除' }).click();
  await expect(onA).toHaveCount(0);

  await landHeldStar(two);
  await expect(onA).toHaveCount(0);
  await expect(a.page.getByTestId('note')).toHaveCount(3);
});

/**
 * With the note-taker's socket cut, stars the note over HTTP: the server commits it, and its
 * answer is held back until `land()`, which waits until the page has taken it in.
 */
async function starOverHttpWhileAway(
  noteTaker: { page: Page; answers: Awaited<ReturnType<typeof answersHeldOn>> },
  noteId: string,
) {
  const { page } = noteTaker;
  await markHeldBackAnswers(page);
  await noteTaker.answers.cut();
  let hold: (held: { route: Route; answer: APIResponse }) => void = () => {};
  const held = new Promise<{ route: Route; answer: APIResponse }>((done) => (hold = done));
  await page.route(`**/api/notes/${noteId}`, async (route) =>
    hold({ route, answer: await route.fetch() }),
  );
  await page.locator(`[data-note-id="${noteId}"]`).getByRole('button', { name: '标星' }).click();
  const { route, answer } = await held;
  expect(answer.status()).toBe(200);
  return {
    land: () => landHeldAnswer(page, route, answer),
  };
}

test('a star sent over HTTP while the socket was down, answered after a reload brought another note-taker’s later edit, leaves that edit shown', async ({
  browser,
  serve,
}) => {
  const { a, noteId, onA, onB } = await twoNoteTakersOnOneNote(browser, serve);

  const star = await starOverHttpWhileAway(a, noteId);
  await expect(onB.getByRole('button', { name: '标星' })).toHaveAttribute('aria-pressed', 'true');
  // B edits the starred note while A is away; A's reload on its return brings the edit.
  await onB.getByRole('button', { name: '修改' }).click();
  await onB.getByRole('textbox').fill('乙改：临时党支部带动征拆攻坚');
  await onB.getByRole('textbox').press('Enter');
  await expect(onB).toContainText('乙改：临时党支部带动征拆攻坚');
  await a.answers.restore();
  await expect(onA).toContainText('乙改：临时党支部带动征拆攻坚');

  await star.land();
  await expect(onA).toContainText('乙改：临时党支部带动征拆攻坚');
  await expect(onA.getByRole('button', { name: '标星' })).toHaveAttribute('aria-pressed', 'true');
});

test('a star sent over HTTP while the socket was down, answered after a reload left out the note another note-taker deleted, does not bring it back', async ({
  browser,
  serve,
}) => {
  const { a, noteId, onA, onB } = await twoNoteTakersOnOneNote(browser, serve);

  const star = await starOverHttpWhileAway(a, noteId);
  await expect(onB.getByRole('button', { name: '标星' })).toHaveAttribute('aria-pressed', 'true');
  // B deletes the note while A is away; A's reload on its return leaves it out.
  await onB.getByRole('button', { name: '删除' }).click();
  await expect(onB).toHaveCount(0);
  await a.answers.restore();
  await expect(onA).toHaveCount(0);

  await star.land();
  await expect(onA).toHaveCount(0);
  await expect(a.page.getByTestId('note')).toHaveCount(2);
});
