import { loadSampleMeeting } from './console-steps.ts';
import { countdownBesideServer } from './countdown-steps.ts';
import { expect, test } from './fixtures.ts';

test('a projector that reads its first pongs late still counts down with the server within a second', async ({
  page,
  context,
  serve,
}) => {
  await loadSampleMeeting(page, serve.openUrl);
  await expect(page).toHaveURL(/meeting=/);
  const meetingId = new URL(page.url()).searchParams.get('meeting') ?? '';
  await page.keyboard.press('Space');
  await expect(page.getByTestId('run-status')).toHaveText('发言中');

  // A slow projector PC, busy as it connects: the first five pongs (the burst that makes the
  // first estimate of the server's clock) are read 4 s after they came. Each measures a round
  // trip of some 4 s, so any of them may be 2 s off.
  const projector = await context.newPage();
  await projector.addInitScript(() => {
    const NativeSocket = window.WebSocket;
    let pongs = 0;
    window.WebSocket = class extends NativeSocket {
      override set onmessage(handler: ((event: MessageEvent) => void) | null) {
        super.onmessage = (event: MessageEvent) => {
          const late = String(event.data).includes('"kind":"pong"') && pongs++ < 5;
          if (late) setTimeout(() => handler?.call(this, event), 4_000);
          else handler?.call(this, event);
        };
      }
    };
  });
  await projector.goto(serve.screen(`/projector?meeting=${meetingId}`));
  const countdown = projector.getByTestId('countdown');
  await expect(countdown).toHaveText(/^0\d:\d\d$/);

  // Past the late burst: the screen has asked again and knows better.
  await projector.waitForTimeout(8_000);
  const { before, after, remaining } = await countdownBesideServer(projector, serve, meetingId);
  // Shown before and after the server's answer, rounded up to the second: the server's
  // remaining time lies between, give or take the estimate's few milliseconds.
  expect(remaining).toBeGreaterThan(after - 1_000 - 100);
  expect(remaining).toBeLessThan(before + 100);
});
