import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { addPeopleOneOnLeaveOneSubstituted } from './console-steps.ts';
import { enterAccessCode, openDevice, startSharing } from './join-steps.ts';
import { importEditedCopy, venueTime } from './late-sign-in-steps.ts';
import { SAMPLE_DATE, sampleRequest, startServe } from './serve-process.ts';

/** A device at the door: its own browser context, joined with the access code as 签到. */
async function joinAsDoor(
  browser: Browser,
  shared: string,
  code: string,
  width: number,
  height: number,
) {
  const page = await openDevice(browser, `${shared}door`, { width, height });
  await expect(page.getByRole('radio', { name: /签到/ })).toBeChecked();
  const body = await page.screenshot({
    path: path.join(test.info().outputPath(), `join-${width}x${height}.png`),
  });
  await test.info().attach(`join-${width}x${height}`, { body, contentType: 'image/png' });
  await enterAccessCode(page, code);
  await expect(page.getByRole('heading', { name: /签到 · / })).toBeVisible();
  return page;
}

/** A day before any day this test runs. */
const LONG_AGO = '2020-06-01';

const card = (page: Page, name: string) => page.locator(`.door-person[data-name="${name}"]`);
const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test('two door devices sign people in, see each other’s ticks, and the console’s counts follow', async ({
  browser,
}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-e2e-door-'));
  // 127.0.0.2 stands in for the laptop's LAN address: nothing leaves this machine.
  const serve = await startServe(dataDir, ['--lan-address', '127.0.0.2']);
  try {
    const laptop = await browser.newPage({
      locale: 'zh-CN',
      viewport: { width: 1400, height: 1000 },
    });
    // Held long ago, so every tick the server stamps is on another day than the meeting's date,
    // whatever the day the test runs: a rehearsal, or a date left as it was.
    const made = await fetch(`${serve.origin}/api/meetings/sample`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${serve.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ date: LONG_AGO }),
    });
    expect(made.status).toBe(201);
    await laptop.goto(serve.openUrl);
    await laptop.getByText(/交流座谈会（示例）/).click();
    // One on leave, one sending a substitute: the door shows both as such.
    const { panel, rows } = await addPeopleOneOnLeaveOneSubstituted(laptop);
    const counts = panel.getByLabel('人数');

    const { code, shared } = await startSharing(laptop);

    const tablet = await joinAsDoor(browser, shared, code, 1024, 768);
    const phone = await joinAsDoor(browser, shared, code, 390, 844);
    for (const door of [tablet, phone]) {
      await expect(door.getByLabel('人数')).toHaveText('应到 11已签到 0请假 1未到 10');
      await expect(card(door, '陈二坪')).toContainText('请假');
      await expect(card(door, '王代表')).toContainText('代黄三横');
      expect(await noSidewaysScroll(door)).toBe(true);
    }
    // The reason for leave is the organizer's business, not the door's.
    await expect(tablet.getByText('外出学习')).toHaveCount(0);

    // Pinyin initials: "lyp" leaves 林一平 alone, and Enter ticks the one person left.
    const search = tablet.getByRole('searchbox', { name: '查找参会人员' });
    await search.fill('lyp');
    await expect(tablet.locator('.door-person')).toHaveCount(1);
    await expect(card(tablet, '林一平')).toBeVisible();
    await search.press('Enter');
    await expect(tablet.getByRole('status').filter({ hasText: '林一平 签到成功' })).toBeVisible();
    // Its 09:00 was on another day, so no 迟到 (years late): late only on the meeting's own day.
    await expect(card(phone, '林一平')).toContainText(/\d\d:\d\d 签到/);
    await expect(card(phone, '林一平')).not.toContainText('迟到');
    await expect(
      card(phone, '林一平').getByRole('button', { name: '为林一平签到' }),
    ).toBeDisabled();
    await expect(counts).toHaveText('应到 11已签到 1请假 1未到 9');

    // The phone finds a person by a piece of the organization and ticks; the tablet sees it.
    await phone.getByRole('searchbox', { name: '查找参会人员' }).fill('横岗');
    await expect(phone.locator('.door-person')).toHaveCount(1);
    await card(phone, '王代表').getByRole('button', { name: '为王代表签到' }).click();
    await expect(card(tablet, '王代表')).toContainText('签到');
    await expect(card(tablet, '王代表').getByRole('button')).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    // On leave, yet came after all: still signable.
    await tablet.getByRole('searchbox', { name: '查找参会人员' }).fill('cep');
    await card(tablet, '陈二坪').getByRole('button', { name: '为陈二坪签到' }).click();
    await expect(counts).toHaveText('应到 11已签到 3请假 0未到 8');
    await expect(phone.getByLabel('人数')).toHaveText('应到 11已签到 3请假 0未到 8');
    await expect(rows.nth(0).locator('.participant-signin')).toContainText(/\d\d:\d\d 签到/);
    await expect(rows.nth(0).locator('.participant-signin')).not.toContainText('迟到');
    await expect(tablet.locator('.door-tag-late')).toHaveCount(0);

    // The console ticks one and takes one back: the doors follow.
    await rows.nth(3).getByRole('button', { name: '为李四龙签到' }).click();
    await rows.nth(0).getByRole('button', { name: '撤销林一平的签到' }).click();
    await expect(counts).toHaveText('应到 11已签到 3请假 0未到 8');
    await phone.getByRole('searchbox', { name: '查找参会人员' }).fill('');
    await expect(card(phone, '李四龙').getByRole('button')).toHaveAttribute('aria-pressed', 'true');
    await expect(card(phone, '林一平').getByRole('button', { name: '为林一平签到' })).toBeEnabled();
    await expect(tablet.getByLabel('人数')).toHaveText('应到 11已签到 3请假 0未到 8');

    await tablet.getByRole('searchbox', { name: '查找参会人员' }).fill('');
    const shots = test.info().outputPath();
    fs.mkdirSync(shots, { recursive: true });
    for (const [name, page] of [
      ['door-1024x768', tablet],
      ['door-390x844', phone],
    ] as const) {
      expect(await noSidewaysScroll(page)).toBe(true);
      const body = await page.screenshot({ path: path.join(shots, `${name}.png`) });
      await test.info().attach(name, { body, contentType: 'image/png' });
    }
    const body = await panel.screenshot({ path: path.join(shots, 'console-counts.png') });
    await test.info().attach('console-counts', { body, contentType: 'image/png' });
  } finally {
    await serve.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

/**
 * 迟到 on the meeting's own date, and only then, at the door and on the console. The sign-in
 * times are passed in through a meeting file (at the door the server stamps its own clock, which
 * this process cannot set): 10 minutes before the start on the date, 7 minutes after, and on a
 * later day. The browsers read the venue's day in Asia/Shanghai (playwright.config.ts).
 */
test('迟到 is who signed in after the start on the meeting’s own date, not on another day', async ({
  browser,
}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-e2e-late-'));
  const serve = await startServe(dataDir, ['--lan-address', '127.0.0.2']);
  try {
    const auth = { Authorization: `Bearer ${serve.token}` };
    const api = async (method: string, url: string, body?: unknown) => {
      const res = await fetch(`${serve.origin}${url}`, {
        method,
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, text: await res.text() };
    };
    const made = await fetch(`${serve.origin}/api/meetings/sample`, sampleRequest(auth));
    expect(made.status).toBe(201);
    const { meeting } = (await made.json()) as { meeting: { id: string; startTime: string } };
    for (const name of ['按时到', '迟来者', '次日来']) {
      const added = await api('POST', `/api/meetings/${meeting.id}/participants`, { name });
      expect(added.status).toBe(201);
    }
    const start = venueTime(SAMPLE_DATE, meeting.startTime);
    const signedAt: Record<string, number> = {
      按时到: start - 10 * 60_000,
      迟来者: start + 7 * 60_000,
      次日来: Date.parse('2026-12-01T10:00:00+08:00'),
    };
    const copy = await importEditedCopy(serve, meeting.id, (file) => {
      for (const person of file.participants) person.signedInAt = signedAt[person.name] ?? null;
      file.meeting.title = '签到时刻';
    });
    expect((await api('POST', '/api/stage', { meetingId: copy })).status).toBe(200);

    const laptop = await browser.newPage({
      locale: 'zh-CN',
      viewport: { width: 1400, height: 1000 },
    });
    await laptop.goto(serve.openUrl);
    await laptop.getByText('签到时刻').click();
    const panel = laptop.getByRole('region', { name: /^参会人员（/ });
    const signInOf = (name: string) =>
      panel.locator('tbody tr').filter({ hasText: name }).locator('.participant-signin');
    await expect(panel.getByLabel('人数')).toHaveText('应到 3已签到 3请假 0未到 0');
    await expect(signInOf('迟来者')).toContainText(/\d\d:07 签到迟到/);
    await expect(signInOf('按时到')).toContainText(/\d\d:50 签到/);
    await expect(signInOf('按时到')).not.toContainText('迟到');
    await expect(signInOf('次日来')).toContainText('10:00 签到');
    await expect(signInOf('次日来')).not.toContainText('迟到');

    const { code, shared } = await startSharing(laptop);
    const door = await joinAsDoor(browser, shared, code, 1024, 768);
    await expect(door.getByRole('heading', { name: '签到 · 签到时刻' })).toBeVisible();
    await expect(card(door, '迟来者')).toContainText(/\d\d:07 签到迟到/);
    await expect(card(door, '按时到')).toContainText(/\d\d:50 签到/);
    await expect(card(door, '次日来')).toContainText('10:00 签到');
    await expect(door.locator('.door-tag-late')).toHaveCount(1);

    for (const [name, page] of [
      ['late-console', panel],
      ['late-door', door],
    ] as const) {
      const body = await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
      await test.info().attach(name, { body, contentType: 'image/png' });
    }
  } finally {
    await serve.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
