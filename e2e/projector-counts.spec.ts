import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { enterAccessCode, openDevice, startSharing } from './join-steps.ts';
import { SAMPLE_DATE, startServe } from './serve-process.ts';

/** Whether two boxes on the page share any pixel. */
const overlap = async (a: Locator, b: Locator) => {
  const [x, y] = [await a.boundingBox(), await b.boundingBox()];
  if (!x || !y) throw new Error('a box to compare is not shown');
  return !(
    x.x + x.width <= y.x ||
    y.x + y.width <= x.x ||
    x.y + x.height <= y.y ||
    y.y + y.height <= x.y
  );
};

async function shoot(page: Page, name: string) {
  const shots = test.info().outputPath();
  fs.mkdirSync(shots, { recursive: true });
  const body = await page.screenshot({ path: path.join(shots, `${name}.png`) });
  await test.info().attach(name, { body, contentType: 'image/png' });
}

test('the projector in the hall shows the sign-in counts before the start, as doors sign people in, while the organizer has them on', async ({
  browser,
}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-e2e-projector-counts-'));
  // 127.0.0.2 stands in for the laptop's LAN address: nothing leaves this machine.
  const serve = await startServe(dataDir, ['--lan-address', '127.0.0.2']);
  const organizer = (method: string, url: string, body?: unknown) =>
    fetch(`${serve.origin}${url}`, {
      method,
      headers: { Authorization: `Bearer ${serve.token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  try {
    const made = await organizer('POST', '/api/meetings/sample', { date: SAMPLE_DATE });
    const meetingId = ((await made.json()) as { meeting: { id: string } }).meeting.id;
    const added = await organizer('POST', `/api/meetings/${meetingId}/participants/from-roster`);
    const people = ((await added.json()) as { participants: { id: string; name: string }[] })
      .participants;
    expect(people).toHaveLength(11);
    const idOf = (name: string) => people.find((p) => p.name === name)?.id as string;
    await organizer('PATCH', `/api/meetings/${meetingId}/participants/${idOf('陈二坪')}`, {
      reply: 'leave',
      leaveReason: '外出学习',
    });

    const laptop = await browser.newPage({
      locale: 'zh-CN',
      viewport: { width: 1400, height: 1000 },
    });
    await laptop.goto(serve.openUrl);
    await laptop.getByText(/交流座谈会（示例）/).click();
    const { code, shared } = await startSharing(laptop);

    // The hall's PC joins as 投屏: a guest screen, which may read the figures and not the list.
    const hall = await openDevice(browser, `${shared}projector`, { width: 1920, height: 1080 });
    await expect(hall.getByRole('radio', { name: /投屏/ })).toBeChecked();
    await enterAccessCode(hall, code);
    await expect(hall.getByTestId('projector-agenda')).toBeVisible();
    const counts = hall.getByTestId('projector-counts');
    await expect(counts).toHaveCount(0);
    // Marks this page: a reload would lose it, so the figures below come without one.
    await hall.evaluate(() => ((window as unknown as { unreloaded: boolean }).unreloaded = true));

    // The organizer switches the counts on in 座次, beside 请按座次入座.
    const panel = laptop.getByRole('region', { name: '座次' });
    const countsSwitch = panel.getByLabel('在投影上显示签到人数');
    await countsSwitch.click();
    await expect(countsSwitch).toBeChecked();
    await expect(counts).toBeVisible();
    await expect(counts).toHaveAccessibleName('签到人数');
    await expect(counts).toHaveText('应到 11·已签到 0·请假 1·未到 10');

    // Two doors tick the same person at the same moment: 已签到 goes up by one.
    const doorApi = async () => {
      const joined = await fetch(`${shared}api/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code, role: 'door' }),
      });
      const { token } = (await joined.json()) as { token: string };
      return (participantId: string) =>
        fetch(`${shared}api/meetings/${meetingId}/participants/${participantId}/sign-in`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}` },
        });
    };
    const doors = [await doorApi(), await doorApi()];
    const both = await Promise.all(doors.map((signIn) => signIn(idOf('林一平'))));
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    await expect(hall.getByTestId('count-signedIn')).toHaveText('已签到 1');
    await expect(counts).toHaveText('应到 11·已签到 1·请假 1·未到 9');
    // The one on leave comes after all: signed in, no longer on leave.
    await doors[1]!(idOf('陈二坪'));
    await expect(counts).toHaveText('应到 11·已签到 2·请假 0·未到 9');
    expect(
      await hall.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded),
    ).toBe(true);
    // Names stay off the hall's screen: the agenda's speakers are there, no one signed in.
    await expect(hall.getByText('外出学习')).toHaveCount(0);

    // Large, clear of the meeting's name at the foot and of the footer, at both sizes.
    const name = hall.getByTestId('stage-meeting-name');
    const footer = hall.locator('.projector-footer');
    for (const [width, height] of [
      [1920, 1080],
      [1024, 768],
    ] as const) {
      await hall.setViewportSize({ width, height });
      await expect(counts).toBeVisible();
      expect(await overlap(counts, name)).toBe(false);
      expect(await overlap(counts, footer)).toBe(false);
      expect(await overlap(footer, name)).toBe(false);
      const figure = hall.getByTestId('count-signedIn').locator('.projector-count-figure');
      const figureHeight = (await figure.boundingBox())?.height ?? 0;
      // At least 6% of the screen's height: about what the agenda's title is given.
      expect(figureHeight).toBeGreaterThan(height * 0.06);
      const box = await counts.boundingBox();
      expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(height);
      expect(await hall.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
      await shoot(hall, `projector-counts-${width}x${height}`);
    }
    await hall.setViewportSize({ width: 1920, height: 1080 });

    // 请按座次入座 takes the screen while both are on; the counts come back after it.
    const seatingSwitch = panel.getByLabel('投影显示“请按座次入座”');
    await seatingSwitch.click();
    await expect(hall.getByTestId('seating-screen')).toBeVisible();
    await expect(counts).toHaveCount(0);
    await seatingSwitch.click();
    await expect(hall.getByTestId('seating-screen')).toHaveCount(0);
    await expect(counts).toHaveText('应到 11·已签到 2·请假 0·未到 9');

    // Switched off: gone; on again: back, as the server keeps it.
    await countsSwitch.click();
    await expect(countsSwitch).not.toBeChecked();
    await expect(counts).toHaveCount(0);
    await countsSwitch.click();
    await expect(counts).toBeVisible();
    await laptop.reload();
    await expect(panel.getByLabel('在投影上显示签到人数')).toBeChecked();

    // The first speaker starts: the counts are done with, and stay gone.
    await laptop.getByRole('button', { name: /^下一位/ }).click();
    await expect(hall.getByTestId('speaker-screen')).toBeVisible();
    await expect(counts).toHaveCount(0);
    await doors[0]!(idOf('李四龙'));
    await laptop.getByRole('button', { name: /^下一位/ }).click();
    await expect(hall.getByTestId('speaker-screen')).toBeVisible();
    await expect(counts).toHaveCount(0);
  } finally {
    await serve.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
