import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { enterAccessCode, openDevice, startSharing } from './join-steps.ts';
import { startServe, type ServeProcess } from './serve-process.ts';

const EARLIER = '第一期经验交流会';
const LATER = '第二期经验交流会';

/** Two unarchived meetings, each with one speaker; the later-dated one is made last. */
async function twoMeetings(serve: ServeProcess): Promise<Record<string, string>> {
  const headers = { Authorization: `Bearer ${serve.token}`, 'Content-Type': 'application/json' };
  const ids: Record<string, string> = {};
  const meetings: [string, string, string][] = [
    [EARLIER, '2026-03-02', '林一平'],
    [LATER, '2026-03-09', '周海燕'],
  ];
  for (const [title, date, speaker] of meetings) {
    const res = await fetch(`${serve.origin}/api/meetings`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title, date, startTime: '09:00' }),
    });
    const id = ((await res.json()) as { meeting: { id: string } }).meeting.id;
    const added = await fetch(`${serve.origin}/api/meetings/${id}/items`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ organization: '平湖街道', speaker }),
    });
    expect(added.status).toBe(201);
    ids[title] = id;
  }
  return ids;
}

async function shoot(
  page: Page,
  name: string,
  sizes: [number, number][] = [
    [1920, 1080],
    [1024, 768],
  ],
) {
  for (const [width, height] of sizes) {
    await page.setViewportSize({ width, height });
    const file = test.info().outputPath(`${name}-${width}x${height}.png`);
    await page.screenshot({ path: file });
    await test
      .info()
      .attach(`${name}-${width}x${height}`, { path: file, contentType: 'image/png' });
  }
}

test('projector, lectern and a joined note-taker show the meeting on stage and follow it; a note-taker may choose another', async ({
  browser,
}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-e2e-stage-'));
  // 127.0.0.2 stands in for the laptop's LAN address: nothing leaves this machine.
  const serve = await startServe(dataDir, ['--lan-address', '127.0.0.2']);
  try {
    await twoMeetings(serve);
    const laptopContext = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1400, height: 1000 },
    });
    const laptop = await laptopContext.newPage();
    await laptop.goto(serve.openUrl);
    const list = laptop.getByRole('navigation');
    await list.getByRole('button', { name: new RegExp(EARLIER) }).click();
    await expect(laptop.getByTestId('run-status')).toHaveText('未开始');
    // Nothing is on stage yet: the organizer may put it there, or run it.
    await expect(laptop.getByTestId('stage-status')).toHaveText('上台');
    await laptop.getByRole('button', { name: /^下一位/ }).click();
    await expect(laptop.getByTestId('run-status')).toHaveText('发言中');
    await expect(laptop.getByTestId('stage-status')).toHaveText('本会议在台上');

    // The hall's projector and the lectern, opened at their bare addresses.
    const projector = await laptopContext.newPage();
    await projector.goto(serve.screen('/projector'));
    const lectern = await laptopContext.newPage();
    await lectern.goto(serve.screen('/confidence'));
    await expect(projector.getByTestId('stage-meeting-name')).toHaveText(EARLIER);
    await expect(projector.getByTestId('speaker-screen')).toContainText('林一平');
    await expect(lectern.getByTestId('stage-meeting-name')).toHaveText(EARLIER);

    // A note-taker's tablet joins over LAN sharing and lands on the running meeting, named.
    const { code, shared } = await startSharing(laptop);
    expect(shared).toMatch(/^http:\/\/127\.0\.0\.2:\d+\/$/);
    const tablet = await openDevice(browser, shared, { width: 1024, height: 768 });
    await expect(tablet.getByRole('radio', { name: /记录/ })).toBeChecked();
    await enterAccessCode(tablet, code);
    const tabletMeeting = tablet.getByTestId('notes-meeting-title');
    await expect(tabletMeeting).toHaveText(`台上会议：${EARLIER}`);
    await expect(tablet.getByTestId('notes-speaker')).toContainText('林一平');

    await shoot(projector, 'projector');
    await shoot(lectern, 'lectern');
    await shoot(tablet, 'notes');

    // The organizer puts the other meeting on stage: every screen follows, live.
    await list.getByRole('button', { name: new RegExp(LATER) }).click();
    await expect(laptop.getByTestId('stage-status')).toHaveText('上台');
    await laptop.getByTestId('stage-status').getByRole('button', { name: '上台' }).click();
    await expect(laptop.getByTestId('stage-status')).toHaveText('本会议在台上');
    await expect(projector.getByTestId('stage-meeting-name')).toHaveText(LATER);
    await expect(projector.getByTestId('projector-agenda')).toContainText('周海燕');
    await expect(lectern.getByTestId('stage-meeting-name')).toHaveText(LATER);
    await expect(tabletMeeting).toHaveText(`台上会议：${LATER}`);
    await expect(tablet.getByTestId('notes-speaker')).toContainText('周海燕');

    // The note-taker chooses the earlier meeting, and stays there while the stage moves.
    await tablet.getByLabel('查看会议').selectOption({ label: `${EARLIER}（2026-03-02）` });
    await expect(tabletMeeting).toHaveText(`正在查看：${EARLIER}（不是台上会议）`);
    await expect(tablet.getByTestId('notes-speaker')).toContainText('林一平');
    await shoot(tablet, 'notes-chosen', [[1024, 768]]);
    await list.getByRole('button', { name: new RegExp(EARLIER) }).click();
    await laptop.getByTestId('stage-status').getByRole('button', { name: '上台' }).click();
    await expect(projector.getByTestId('stage-meeting-name')).toHaveText(EARLIER);
    await list.getByRole('button', { name: new RegExp(LATER) }).click();
    await laptop.getByTestId('stage-status').getByRole('button', { name: '上台' }).click();
    await expect(projector.getByTestId('stage-meeting-name')).toHaveText(LATER);
    await expect(lectern.getByTestId('stage-meeting-name')).toHaveText(LATER);
    await expect(tabletMeeting).toHaveText(`正在查看：${EARLIER}（不是台上会议）`);
    // A reload keeps the choice.
    await tablet.reload();
    await expect(tabletMeeting).toHaveText(`正在查看：${EARLIER}（不是台上会议）`);

    // Back to following: the meeting on stage again.
    await tablet.getByRole('button', { name: '回到台上会议' }).click();
    await expect(tabletMeeting).toHaveText(`台上会议：${LATER}`);
    await expect(tablet.getByTestId('notes-speaker')).toContainText('周海燕');
  } finally {
    await serve.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
