import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { expectNoOverflow } from './layout-checks.ts';
import type { ServeProcess } from './serve-process.ts';

async function openMeeting(page: Page, serve: ServeProcess) {
  await page.goto(serve.openUrl);
  await page.getByRole('button', { name: '载入示例会议' }).click();
  await expect(page).toHaveURL(/meeting=/);
  return new URL(page.url()).searchParams.get('meeting') ?? '';
}

test('请抓紧时间 goes to the lectern screen only; free text to both shows on both', async ({
  page,
  context,
  serve,
}) => {
  const meetingId = await openMeeting(page, serve);
  const projector = await context.newPage();
  await projector.goto(serve.screen(`/projector?meeting=${meetingId}`));
  const lectern = await context.newPage();
  await lectern.goto(serve.screen(`/confidence?meeting=${meetingId}`));
  await expect(lectern.getByTestId('confidence')).toBeVisible();

  await page.bringToFront();
  await page.keyboard.press('Space');
  await expect(projector.getByTestId('speaker-name')).toContainText('戴斌');
  await page.keyboard.press('h');
  await expect(lectern.getByTestId('stage-message')).toHaveText('请抓紧时间');
  await expect(page.getByTestId('current-message')).toHaveText('正在显示（提词屏）：请抓紧时间');
  await expect(page.getByTestId('message-redirected')).toBeHidden();
  // The hall does not see it: the projector has had the same run state all along.
  await expect(projector.getByTestId('speaker-name')).toContainText('戴斌');
  await expect(projector.getByTestId('stage-message')).toHaveCount(0);

  await page.getByRole('textbox', { name: '自定义提示' }).fill('还有两位发言人，请控制时间');
  await page.getByRole('combobox', { name: '提示显示在' }).selectOption({ label: '提词屏和投影' });
  await page.getByRole('button', { name: '发送' }).click();
  await expect(projector.getByTestId('stage-message')).toHaveText('还有两位发言人，请控制时间');
  await expect(lectern.getByTestId('stage-message')).toHaveText('还有两位发言人，请控制时间');
  await expect(page.getByTestId('current-message')).toHaveText(
    '正在显示（提词屏和投影）：还有两位发言人，请控制时间',
  );

  for (const [width, height] of [
    [1920, 1080],
    [1280, 720],
  ] as const) {
    for (const [name, screen, root] of [
      ['console', page, '.run-panel'],
      ['projector', projector, 'body'],
      ['lectern', lectern, 'body'],
    ] as const) {
      await screen.setViewportSize({ width, height });
      await expectNoOverflow(screen, `${name}-${width}x${height}`, root);
    }
  }

  // Free text to the projector alone leaves the lectern without it.
  await page.getByRole('textbox', { name: '自定义提示' }).fill('请关闭手机铃声');
  await page.getByRole('combobox', { name: '提示显示在' }).selectOption({ label: '投影' });
  await page.getByRole('button', { name: '发送' }).click();
  await expect(projector.getByTestId('stage-message')).toHaveText('请关闭手机铃声');
  await expect(lectern.getByTestId('stage-message')).toHaveCount(0);
});

test('with no lectern screen open, 请结束发言 shows on the projector and the console says so', async ({
  page,
  context,
  serve,
}) => {
  const meetingId = await openMeeting(page, serve);
  const projector = await context.newPage();
  await projector.goto(serve.screen(`/projector?meeting=${meetingId}`));
  await expect(projector.getByTestId('projector-agenda')).toBeVisible();

  await page.bringToFront();
  await page.keyboard.press('Space');
  await expect(projector.getByTestId('speaker-name')).toContainText('戴斌');
  await page.keyboard.press('e');
  await expect(projector.getByTestId('stage-message')).toHaveText('请结束发言');
  await expect(page.getByTestId('current-message')).toContainText('正在显示（投影）：请结束发言');
  await expect(page.getByTestId('message-redirected')).toHaveText('未连接提词屏，已改在投影上显示');
  await page.setViewportSize({ width: 1280, height: 720 });
  await expectNoOverflow(page, 'console-redirected-1280x720', '.run-panel');

  await page.keyboard.press('c');
  await expect(projector.getByTestId('stage-message')).toHaveCount(0);
  await expect(page.getByTestId('current-message')).toHaveCount(0);
});
