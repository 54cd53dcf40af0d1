import type { Page, WebSocketRoute } from '@playwright/test';
import { loadSampleMeeting } from './console-steps.ts';
import { openMeetingScreen } from './meeting-screen-steps.ts';
import { expect, test } from './fixtures.ts';

/**
 * A Wi-Fi drop in the hall, as it really comes: no packet says the link has gone, so nothing
 * closes. The screens' sockets stay open and hear nothing, their requests go nowhere. Each
 * screen must find out by itself (liveness.ts), show that it is offline while it goes on
 * counting, and come back on its own once the network is, with what changed meanwhile.
 */
const liveBadge = (page: Page) => page.locator('.live-status');

test('projector, lectern and a note-taker whose Wi-Fi drops without a word: each shows it is offline, keeps counting, and is back by itself with the next speaker', async ({
  page,
  browser,
  serve,
}) => {
  test.setTimeout(120_000);
  await loadSampleMeeting(page, serve.openUrl);
  await expect(page).toHaveURL(/meeting=/);
  const meetingId = new URL(page.url()).searchParams.get('meeting') ?? '';
  await page.keyboard.press('Space');
  await expect(page.getByTestId('run-status')).toHaveText('发言中');

  // The hall's screens, on a network the test can drop: while it is down their sockets stay
  // open and silent both ways, a new socket or a request gets nowhere.
  let down = false;
  const hall = await browser.newContext({ locale: 'zh-CN' });
  await hall.route('**/api/**', (route) =>
    down ? route.abort('internetdisconnected') : route.continue(),
  );
  await hall.routeWebSocket(/\/ws/, (socket: WebSocketRoute) => {
    if (down) return void socket.close();
    const server = socket.connectToServer();
    socket.onMessage((message) => {
      if (!down) server.send(message);
    });
    server.onMessage((message) => {
      if (!down) socket.send(message);
    });
  });
  const open = (path: string, width: number, height: number) =>
    openMeetingScreen(hall, serve, meetingId, path, { width, height });
  const projector = await open('/projector', 1920, 1080);
  const lectern = await open('/confidence', 1280, 720);
  const notes = await open('/notes', 1024, 768);
  // The opening: the host, 戴斌.
  await expect(projector.getByTestId('speaker-name')).toContainText('戴斌');
  await expect(lectern.getByTestId('confidence')).toContainText('主持人开场');
  await expect(notes.getByTestId('notes-speaker')).toContainText('主持人开场');
  for (const screen of [projector, lectern]) {
    await expect(screen.getByTestId('offline-mark')).toHaveCount(0);
  }
  await expect(liveBadge(notes)).toHaveText('已连接');

  // The Wi-Fi drops; meanwhile the organizer moves on to the first exchange speech.
  down = true;
  await page.getByRole('button', { name: /^下一位/ }).click();

  // A note typed in the meantime is not lost: it fails as unsaved, and stays in the box.
  const composer = notes.getByRole('textbox', { name: /记录要点/ });
  await composer.fill('断网时记下的一条：网格员每日巡查');
  await composer.press('Enter');

  // Each finds out within two heartbeats (10-15 s), and says so.
  for (const screen of [projector, lectern]) {
    await expect(screen.getByTestId('offline-mark')).toBeVisible({ timeout: 25_000 });
  }
  await expect(liveBadge(notes)).toHaveText('连接已断开，正在重连…', { timeout: 25_000 });
  await expect(notes.getByTestId('save-status')).toHaveText(/^未保存/, { timeout: 25_000 });
  await expect(composer).toHaveValue('断网时记下的一条：网格员每日巡查');
  // The projector still shows the speaker it last heard of, and keeps counting.
  await expect(projector.getByTestId('speaker-name')).toContainText('戴斌');
  const shown = await projector.getByTestId('countdown').textContent();
  await expect(projector.getByTestId('countdown')).not.toHaveText(shown ?? '', { timeout: 5_000 });
  await test.info().attach('projector-wifi-down', {
    body: await projector.screenshot(),
    contentType: 'image/png',
  });

  // The network is back: nobody touches a page.
  down = false;
  for (const screen of [projector, lectern]) {
    await expect(screen.getByTestId('offline-mark')).toHaveCount(0, { timeout: 15_000 });
  }
  await expect(projector.getByTestId('speaker-name')).toContainText('林一平');
  await expect(lectern.getByTestId('confidence')).toContainText('林一平');
  await expect(liveBadge(notes)).toHaveText('已连接', { timeout: 15_000 });
  await expect(notes.getByTestId('notes-speaker')).toContainText('林一平');
  // The note typed about the opening is still held for it: back on that item, it saves once.
  await notes.getByLabel('发言人', { exact: true }).selectOption({ index: 0 });
  await expect(composer).toHaveValue('断网时记下的一条：网格员每日巡查');
  await composer.press('Enter');
  await expect(notes.getByTestId('save-status')).toHaveText('已保存');
  const saved = await fetch(`${serve.origin}/api/meetings/${meetingId}/notes`, {
    headers: { Authorization: `Bearer ${serve.token}` },
  });
  const texts = ((await saved.json()) as { notes: { text: string }[] }).notes.map((n) => n.text);
  expect(texts.filter((text) => text.includes('网格员每日巡查'))).toHaveLength(1);
  await test.info().attach('projector-wifi-back', {
    body: await projector.screenshot(),
    contentType: 'image/png',
  });
  await hall.close();
});
