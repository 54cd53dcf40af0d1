import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectCountdownOnServerTime } from './countdown-steps.ts';
import { joinDevice, shownAccessCode, startSharing } from './join-steps.ts';
import { openMeetingScreen } from './meeting-screen-steps.ts';
import { startServe, type ServeProcess } from './serve-process.ts';

/**
 * The hall on the day: the server dies mid-speech (SIGKILL) and is started again with the same
 * command (no port, as `npm start` runs it). Nobody touches a page: every screen reconnects by
 * itself and shows the running speaker with the right time; the tablet that joined over sharing
 * is still in, with the same code, and saves a note.
 */
const countdown = (page: Page) => page.getByTestId('countdown');
const liveBadge = (page: Page) => page.getByRole('status').filter({ hasText: /连接/ });

test('a server killed mid-speech and started again: every screen is back by itself', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-e2e-restart-'));
  // 127.0.0.2 stands in for the laptop's LAN address: nothing leaves this machine.
  const command = (): Promise<ServeProcess> =>
    startServe(dataDir, ['--lan-address', '127.0.0.2'], { port: 'remembered' });
  let serve = await command();
  try {
    const organizer = await browser.newContext({ locale: 'zh-CN' });
    const consolePage = await organizer.newPage();
    await consolePage.setViewportSize({ width: 1400, height: 1000 });
    await consolePage.goto(serve.openUrl);
    await consolePage.getByRole('button', { name: '载入示例会议' }).click();
    await expect(consolePage).toHaveURL(/meeting=/);
    const meetingId = new URL(consolePage.url()).searchParams.get('meeting') ?? '';

    const openScreen = (route: string, width: number, height: number) =>
      openMeetingScreen(organizer, serve, meetingId, route, { width, height });
    const projector = await openScreen('/projector', 1920, 1080);
    const lectern = await openScreen('/confidence', 1280, 720);
    const localNotes = await openScreen('/notes', 1280, 720);

    const { code, shared } = await startSharing(consolePage);
    expect(shared).toMatch(/^http:\/\/127\.0\.0\.2:\d+\/$/);
    const tablet = await joinDevice(browser, shared, code, { width: 1024, height: 768 });

    // The opening, then the first exchange speech.
    await consolePage.bringToFront();
    await consolePage.keyboard.press('Space');
    await expect(projector.getByTestId('speaker-name')).toContainText('戴斌');
    await consolePage.getByRole('button', { name: /^下一位/ }).click();
    await expect(projector.getByTestId('speaker-name')).toContainText('林一平');
    await expect(lectern.getByTestId('confidence')).toContainText('林一平');
    await expect(tablet.getByTestId('notes-speaker')).toContainText('林一平');
    await expect(localNotes.getByTestId('notes-speaker')).toContainText('林一平');
    const pages = { console: consolePage, projector, lectern, localNotes, tablet };
    for (const page of Object.values(pages)) {
      await page.evaluate(() => ((window as { notReloaded?: boolean }).notReloaded = true));
    }

    // The server dies. The stage screens keep counting and show the discreet mark.
    await serve.stop('SIGKILL');
    for (const page of [projector, lectern]) {
      await expect(page.getByTestId('offline-mark')).toBeVisible({ timeout: 10_000 });
    }
    await expect(liveBadge(consolePage)).toHaveText('连接已断开，正在重连…');
    await expect(liveBadge(tablet)).toHaveText('连接已断开，正在重连…');
    const whenDied = await countdown(projector).textContent();
    await expect(countdown(projector)).not.toHaveText(whenDied ?? '', { timeout: 5_000 });
    await test.info().attach('projector-offline', {
      body: await projector.screenshot(),
      contentType: 'image/png',
    });
    await test.info().attach('console-offline', {
      body: await consolePage.screenshot(),
      contentType: 'image/png',
    });

    // The same command again; from its ready line on, nobody touches a page.
    const origin = serve.origin;
    serve = await command();
    const back = Date.now();
    expect(serve.origin).toBe(origin);
    const reconnected = (page: Page, ready: Promise<void>) => ready.then(() => Date.now() - back);
    const times = await Promise.all([
      reconnected(
        consolePage,
        expect(liveBadge(consolePage)).toHaveText('已连接', { timeout: 30_000 }),
      ),
      reconnected(
        projector,
        expect(projector.getByTestId('offline-mark')).toHaveCount(0, { timeout: 30_000 }),
      ),
      reconnected(
        lectern,
        expect(lectern.getByTestId('offline-mark')).toHaveCount(0, { timeout: 30_000 }),
      ),
      reconnected(
        localNotes,
        expect(liveBadge(localNotes)).toHaveText('已连接', { timeout: 30_000 }),
      ),
      reconnected(tablet, expect(liveBadge(tablet)).toHaveText('已连接', { timeout: 30_000 })),
    ]);
    const names = Object.keys(pages);
    console.log(
      `reconnected after the ready line: ${times.map((ms, i) => `${names[i]} ${ms} ms`).join(', ')}; ` +
        `slowest ${Math.max(...times)} ms`,
    );

    // The right state: the same speaker, and the time the server's facts give.
    await expect(projector.getByTestId('speaker-name')).toContainText('林一平');
    await expect(lectern.getByTestId('confidence')).toContainText('林一平');
    await expect(consolePage.getByTestId('run-status')).toHaveText('发言中');
    for (const page of [projector, lectern]) {
      await expectCountdownOnServerTime(page, serve, meetingId);
    }
    for (const [name, page] of Object.entries(pages)) {
      expect(
        await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded),
        `${name} was not reloaded`,
      ).toBe(true);
    }

    // The tablet is still in: same code on the console, same device, and its note is saved.
    await expect(consolePage.getByTestId('share-code')).toContainText(code.slice(0, 3));
    expect(await shownAccessCode(consolePage)).toBe(code);
    const composer = tablet.getByRole('textbox', { name: /记录要点/ });
    await composer.fill('重启之后：平板记录照常保存');
    await composer.press('Enter');
    await expect(tablet.getByTestId('save-status')).toHaveText('已保存');
    await expect(consolePage.getByTestId('console-notes')).toContainText('重启之后');
    await test.info().attach('projector-back', {
      body: await projector.screenshot(),
      contentType: 'image/png',
    });
  } finally {
    await serve.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
