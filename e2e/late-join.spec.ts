import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page, type WebSocketRoute } from '@playwright/test';
import type { Locale } from '../renderer/i18n/i18n.tsx';
import { enterAccessCode, startSharing } from './join-steps.ts';
import { expectCountdownOnServerTime } from './countdown-steps.ts';
import { importEditedCopy, venueTime } from './late-sign-in-steps.ts';
import { checkScreen, checkStage, LANGUAGES, wordsOf } from './narrow-walk-steps.ts';
import { SAMPLE_DATE, sampleRequest, startServe, type ServeProcess } from './serve-process.ts';

/*
 * Devices that join a meeting already under way, as they do in the hall: a speaker speaking, one
 * speech done and one skipped, notes saved, people signed in at the door (one 迟到). What they
 * show must be what happened before they came, in their own language, at their own size.
 */

const PHONE = { width: 390, height: 844 };
const TABLET = { width: 1024, height: 768 };
const TABLET_UPRIGHT = { width: 768, height: 1024 };
const PROJECTOR = { width: 1920, height: 1080 };

/** The meeting under way, made through the API as the console would have made it. */
async function meetingUnderWay(serve: ServeProcess) {
  const auth = { Authorization: `Bearer ${serve.token}` };
  const api = async <T>(method: string, url: string, body?: unknown) => {
    const res = await fetch(`${serve.origin}${url}`, {
      method,
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(res.status, `${method} ${url}`).toBeLessThan(300);
    return (await res.json()) as T;
  };
  const made = await fetch(`${serve.origin}/api/meetings/sample`, sampleRequest(auth));
  const { meeting } = (await made.json()) as { meeting: { id: string; startTime: string } };
  for (const name of ['按时到', '迟来者', '未到者']) {
    await api('POST', `/api/meetings/${meeting.id}/participants`, { name });
  }
  // The sign-in times are set in a meeting file: the door stamps the server's clock, which a
  // test cannot set, and 迟到 is a time after the start on the meeting's own date.
  const start = venueTime(SAMPLE_DATE, meeting.startTime);
  const signedAt: Record<string, number> = {
    按时到: start - 10 * 60_000,
    迟来者: start + 7 * 60_000,
  };
  const id = await importEditedCopy(serve, meeting.id, (file) => {
    for (const person of file.participants) person.signedInAt = signedAt[person.name] ?? null;
    file.meeting.title = '进行中的座谈会';
  });
  const { items } = await api<{ items: { id: string; speaker: string; title: string }[] }>(
    'GET',
    `/api/meetings/${id}`,
  );
  await api('POST', '/api/stage', { meetingId: id });
  const run = (command: string, body: unknown = {}) =>
    api('POST', `/api/meetings/${id}/run/${command}`, body);
  // The first speaks and is done, the second is skipped, the third speaks now, two minutes
  // taken off: a screen that starts from the full limit shows more than is left.
  await run('next');
  await run('skip');
  await run('skip');
  await run('next');
  await run('adjust', { deltaMs: -120_000 });
  const [done, skipped, speaking] = items;
  if (!done || !skipped || !speaking) throw new Error('the sample has fewer than three items');
  for (const [item, text] of [
    [done, '开场讲话的干货'],
    [speaking, '正在发言的金句'],
  ] as const) {
    await api('POST', `/api/meetings/${id}/items/${item.id}/notes`, { kind: 'takeaway', text });
  }
  return { id, items, done, skipped, speaking };
}

/** A device that joins as `screen`'s role in `locale` at `size`, through the join page. */
async function joinLate(
  browser: Browser,
  shared: string,
  code: string,
  screen: string,
  locale: Locale,
  size: { width: number; height: number },
) {
  const context = await browser.newContext({ locale, viewport: size });
  // The device's own language, as the picker in its header would have saved it.
  await context.addInitScript(
    (chosen) => localStorage.setItem('roundtable.locale', chosen),
    locale,
  );
  const page = await context.newPage();
  await page.goto(`${shared}${screen}`);
  await enterAccessCode(page, code, wordsOf(locale));
  return page;
}

/** A meeting under way, sharing on, the organizer's laptop open on it. */
async function hallUnderWay(browser: Browser) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-e2e-late-join-'));
  // 127.0.0.2 stands in for the laptop's LAN address: nothing leaves this machine.
  const serve = await startServe(dataDir, ['--lan-address', '127.0.0.2']);
  const meeting = await meetingUnderWay(serve);
  const laptop = await browser.newPage({
    locale: 'zh-CN',
    viewport: { width: 1400, height: 1000 },
  });
  await laptop.goto(serve.openUrl);
  const { code, shared } = await startSharing(laptop);
  const end = async () => {
    await serve.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { serve, meeting, laptop, code, shared, end };
}

const PHONE_AND_TABLETS = { phone: PHONE, tablet: TABLET, upright: TABLET_UPRIGHT };

type Hall = Awaited<ReturnType<typeof hallUnderWay>>;

/**
 * A device of `screen`'s role joining `hall` late in each of `locales` at each of `sizes`, one
 * after another: `check` looks at each (named `<locale> <size>`), which is closed after it.
 */
async function eachLateDevice(
  browser: Browser,
  hall: Hall,
  screen: string,
  sizes: Record<string, { width: number; height: number }>,
  check: (device: Page, at: { locale: Locale; sizeName: string }) => Promise<void>,
  locales: readonly Locale[] = LANGUAGES,
) {
  for (const locale of locales) {
    for (const [sizeName, size] of Object.entries(sizes)) {
      const device = await joinLate(browser, hall.shared, hall.code, screen, locale, size);
      await check(device, { locale, sizeName });
      await device.context().close();
    }
  }
}

test('a lectern tablet that joins mid-speech counts down what is left, whole, upright or not, into overtime', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const hall = await hallUnderWay(browser);
  try {
    const tablets = { tablet: TABLET, upright: TABLET_UPRIGHT };
    await eachLateDevice(browser, hall, 'confidence', tablets, async (lectern, at) => {
      const { locale, sizeName } = at;
      const t = wordsOf(locale);
      await expect(lectern.getByTestId('countdown')).toBeVisible();
      // What is left of the limit less the two minutes taken off, not the full 8 minutes.
      const { before } = await expectCountdownOnServerTime(lectern, hall.serve, hall.meeting.id);
      expect(before).toBeLessThanOrEqual(6 * 60_000);
      await expect(lectern.getByTestId('lectern-limit')).toContainText(
        t('stage.limit').replace('{minutes}', '8'),
      );
      // The next speaker's limit is read as one, on the line of their name.
      const nextLimit = lectern.getByTestId('lectern-next-limit');
      const oneLine = await nextLimit.evaluate(
        (e) =>
          e.getClientRects().length === 1 &&
          e.getBoundingClientRect().height < 2 * parseFloat(getComputedStyle(e).fontSize),
      );
      expect(oneLine, `${locale} ${sizeName}: the next limit on one line`).toBe(true);
      // Where it goes down to a line of its own, it stands in the middle of it.
      const offCentre = await nextLimit.evaluate((e) => {
        const line = e.parentElement!.getBoundingClientRect();
        const box = e.getBoundingClientRect();
        if (box.top < line.top + 1) return 0;
        return Math.abs(box.left + box.width / 2 - (line.left + line.width / 2));
      });
      expect(offCentre, `${locale} ${sizeName}: the next limit off centre by`).toBeLessThan(2);
      await checkScreen(lectern, `${locale}-lectern-${sizeName}`);
    });
    // Ten minutes taken off: the lectern that joins now shows the overtime, sign and all.
    const overtime = await fetch(
      `${hall.serve.origin}/api/meetings/${hall.meeting.id}/run/adjust`,
      {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${hall.serve.token}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ deltaMs: -10 * 60_000 }),
      },
    );
    expect(overtime.status).toBe(200);
    const overtimeShown = async (lectern: Page, { sizeName }: { sizeName: string }) => {
      await expect(lectern.getByTestId('countdown')).toHaveText(/^\+0[4-9]:\d\d$/);
      await checkScreen(lectern, `en-lectern-overtime-${sizeName}`);
    };
    await eachLateDevice(browser, hall, 'confidence', tablets, overtimeShown, ['en']);
  } finally {
    await hall.end();
  }
});

test('the projector that joins mid-speech shows the speaker and what is left, on the hall’s screen and a 4:3 one', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const hall = await hallUnderWay(browser);
  try {
    const screens = { hall: PROJECTOR, tablet: TABLET };
    await eachLateDevice(browser, hall, 'projector', screens, async (projector, at) => {
      await expect(projector.getByTestId('speaker-name')).toContainText('陈二坪');
      await expectCountdownOnServerTime(projector, hall.serve, hall.meeting.id);
      await checkStage(projector, `${at.locale}-projector-${at.sizeName}`);
    });
  } finally {
    await hall.end();
  }
});

test('a note-taker who joins late, on a tablet or a phone, finds the notes saved before', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const hall = await hallUnderWay(browser);
  try {
    await eachLateDevice(browser, hall, 'notes', PHONE_AND_TABLETS, async (notes, at) => {
      const { locale, sizeName } = at;
      const t = wordsOf(locale);
      await expect(notes.getByTestId('notes-speaker')).toContainText('陈二坪');
      const list = notes.getByRole('list', { name: t('notes.listLabel') });
      await expect(list).toContainText('正在发言的金句');
      // The app's name on one line beside the note-taker's name and the language.
      const title = notes.locator('.app-header h1');
      const titleLines = await title.evaluate(
        (e) => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight),
      );
      expect(titleLines, `${locale} ${sizeName}: the app's name on one line`).toBeLessThan(1.5);
      await checkScreen(notes, `${locale}-notes-${sizeName}`);
      // The speech that is over keeps what was noted before this device came.
      await notes.getByLabel(t('notes.speaker'), { exact: true }).selectOption({ index: 0 });
      await expect(list).toContainText('开场讲话的干货');
      await notes.getByLabel(t('notes.follow')).check();
      await expect(notes.getByTestId('notes-speaker')).toContainText('陈二坪');
    });
  } finally {
    await hall.end();
  }
});

test('the door’s phone and tablets that join late list who signed in before, 迟到 marked', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const hall = await hallUnderWay(browser);
  try {
    await eachLateDevice(browser, hall, 'door', PHONE_AND_TABLETS, async (door, at) => {
      const t = wordsOf(at.locale);
      const person = (name: string) => door.locator(`.door-person[data-name="${name}"]`);
      await expect(person('迟来者')).toContainText(t('door.late'));
      await expect(person('按时到')).toContainText(/\d\d:50/);
      await expect(person('按时到')).not.toContainText(t('door.late'));
      await expect(door.locator('.door-tag-late')).toHaveCount(1);
      await checkScreen(door, `${at.locale}-door-${at.sizeName}`);
    });
  } finally {
    await hall.end();
  }
});

test('a second console opened mid-meeting shows the run so far, its countdown and the 迟到 sign-in, at 1024 px', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const hall = await hallUnderWay(browser);
  try {
    for (const locale of LANGUAGES) {
      const t = wordsOf(locale);
      const context = await browser.newContext({ locale, viewport: TABLET });
      await context.addInitScript(
        (chosen) => localStorage.setItem('roundtable.locale', chosen),
        locale,
      );
      const console2 = await context.newPage();
      await console2.goto(hall.serve.screen(`/?meeting=${hall.meeting.id}`));
      await expect(console2.getByTestId('run-status')).toHaveText(t('run.status.speaking'));
      const agenda = console2.locator('[data-console-panel="agenda"] .agenda-row');
      await expect(agenda.nth(0)).toHaveClass(/status-done/);
      await expect(agenda.nth(1)).toHaveClass(/status-skipped/);
      await expect(agenda.nth(2)).toHaveClass(/on-stage/);
      await expectCountdownOnServerTime(console2, hall.serve, hall.meeting.id);
      const people = console2.locator('[data-console-panel="participants"]');
      await expect(
        people.locator('tbody tr').filter({ hasText: '迟来者' }).locator('.participant-signin'),
      ).toContainText(t('door.late'));
      await console2.evaluate(() => window.scrollTo(0, 0));
      await checkScreen(console2, `${locale}-console-top`);
      for (const id of ['run', 'agenda', 'participants']) {
        const panel = console2.locator(`[data-console-panel="${id}"]`);
        await panel.scrollIntoViewIfNeeded();
        await checkScreen(
          console2,
          `${locale}-console-${id}`,
          `[data-console-panel="${id}"]`,
          panel,
        );
      }
      await context.close();
    }
  } finally {
    await hall.end();
  }
});

test('the door’s phone back from a Wi-Fi drop lists who signed in meanwhile and says it is connected again', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const hall = await hallUnderWay(browser);
  try {
    const t = wordsOf('zh-CN');
    const phone = await joinLate(browser, hall.shared, hall.code, 'door', 'zh-CN', PHONE);
    const person = (name: string) => phone.locator(`.door-person[data-name="${name}"]`);
    await expect(person('未到者').getByRole('button')).toHaveAttribute('aria-pressed', 'false');
    // The Wi-Fi gone: the socket cut, and neither it nor a request gets through until it is back.
    let offline = false;
    const sockets: WebSocketRoute[] = [];
    await phone.routeWebSocket(/\/ws/, (socket) => {
      if (offline) return void socket.close();
      socket.connectToServer();
      sockets.push(socket);
    });
    // Routed from now on: the socket opened before is cut by reopening the page's connection.
    await phone.reload();
    await expect(phone.locator('.live-status')).toHaveText(t('live.open'));
    offline = true;
    await phone.context().setOffline(true);
    await Promise.all(sockets.map((socket) => socket.close()));
    await expect(phone.locator('.live-status')).toHaveText(t('live.closed'));
    // Meanwhile the organizer signs 未到者 in at the console.
    const panel = hall.laptop.getByRole('region', { name: /^参会人员（/ });
    await hall.laptop.goto(hall.serve.screen(`/?meeting=${hall.meeting.id}`));
    await panel
      .locator('tbody tr')
      .filter({ hasText: '未到者' })
      .getByRole('button', { name: '为未到者签到' })
      .click();
    await expect(panel.getByLabel('人数')).toHaveText('应到 3已签到 3请假 0未到 0');
    // Back: the list has the tick made while it was gone, and no stale mark.
    offline = false;
    await phone.context().setOffline(false);
    await expect(phone.locator('.live-status')).toHaveText(t('live.open'), { timeout: 30_000 });
    await expect(person('未到者').getByRole('button')).toHaveAttribute('aria-pressed', 'true');
    await expect(phone.getByLabel('人数')).toHaveText('应到 3已签到 3请假 0未到 0');
    await expect(person('迟来者')).toContainText(t('door.late'));
    await checkScreen(phone, 'door-phone-back-online');
  } finally {
    await hall.end();
  }
});
