import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

async function shot(page: Page, name: string) {
  await test.info().attach(name, { body: await page.screenshot(), contentType: 'image/png' });
}
const countdown = (page: Page) => page.getByTestId('countdown');
const phase = (page: Page) => countdown(page).getAttribute('data-phase');

test('the organizer runs three speakers with every control; projector and speaker screen follow', async ({
  page,
  context,
  serve,
}) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(serve.openUrl);
  await page.getByRole('button', { name: '载入示例会议' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('未开始');
  await expect(page).toHaveURL(/meeting=/);
  const meetingId = new URL(page.url()).searchParams.get('meeting');

  const projector = await context.newPage();
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await projector.goto(serve.screen(`/projector?meeting=${meetingId}`));
  const confidence = await context.newPage();
  await confidence.setViewportSize({ width: 1280, height: 720 });
  await confidence.goto(serve.screen(`/confidence?meeting=${meetingId}`));
  await expect(projector.getByTestId('projector-agenda')).toBeVisible();

  // Space starts the opening; the projector switches to the speaker card.
  await page.bringToFront();
  await page.keyboard.press('Space');
  await expect(projector.getByTestId('speaker-name')).toContainText('戴斌');
  await expect(page.getByTestId('run-status')).toHaveText('发言中');
  await expect(countdown(projector)).toHaveText(/^0[45]:\d\d$/);
  expect(await phase(projector)).toBe('normal');

  // The button starts the next speaker: 平湖, the first exchange speech.
  await page.getByRole('button', { name: /^下一位/ }).click();
  await expect(projector.getByTestId('speaker-name')).toContainText('林一平');
  await expect(projector.getByText('第 1 位')).toBeVisible();
  await expect(projector.getByTestId('stage-next')).toContainText('坪地街道 陈二坪');
  await expect(confidence.getByTestId('confidence')).toContainText('平湖街道 林一平');
  await shot(projector, 'projector-normal');
  await shot(confidence, 'confidence-normal');

  // −1 min seven times: under a minute left, yellow on every screen.
  for (let i = 0; i < 7; i++) await page.keyboard.press('-');
  await expect(countdown(projector)).toHaveAttribute('data-phase', 'warning');
  await expect(countdown(confidence)).toHaveAttribute('data-phase', 'warning');
  await expect(countdown(projector)).toHaveText(/^00:[0-5]\d$/);
  await shot(projector, 'projector-warning');
  await shot(confidence, 'confidence-warning');

  // Pause holds the time; resume goes on.
  await page.keyboard.press('p');
  await expect(projector.getByText('已暂停')).toBeVisible();
  const held = await countdown(projector).textContent();
  await page.waitForTimeout(1500);
  await expect(countdown(projector)).toHaveText(held ?? '');
  await page.getByRole('button', { name: /^继续/ }).click();
  await expect(projector.getByText('已暂停')).toBeHidden();

  // −1 min again: overtime, red, counting up with a plus.
  await page.getByRole('button', { name: /^−1 分钟/ }).click();
  await expect(countdown(projector)).toHaveAttribute('data-phase', 'overtime');
  await expect(countdown(projector)).toHaveText(/^\+00:\d\d$/);
  await expect(countdown(confidence)).toHaveAttribute('data-phase', 'overtime');
  await shot(projector, 'projector-overtime');
  await shot(confidence, 'confidence-overtime');

  // +1 min takes it back out of overtime.
  await page.keyboard.press('+');
  await expect(countdown(projector)).toHaveAttribute('data-phase', 'warning');

  // Messages: the preset goes to the speaker's screen only, free text where chosen, cleared.
  await page.keyboard.press('h');
  await expect(confidence.getByTestId('stage-message')).toHaveText('请抓紧时间');
  await expect(projector.getByTestId('stage-message')).toHaveCount(0);
  await shot(confidence, 'confidence-message');
  await page.getByRole('textbox', { name: '自定义提示' }).fill('还有两位发言人，请控制时间');
  await page.getByRole('combobox', { name: '提示显示在' }).selectOption({ label: '提词屏和投影' });
  await page.getByRole('button', { name: '发送' }).click();
  await shot(projector, 'projector-message');
  await expect(projector.getByTestId('stage-message')).toHaveText('还有两位发言人，请控制时间');
  await page.getByRole('button', { name: /^清除提示/ }).click();
  await expect(projector.getByTestId('stage-message')).toBeHidden();

  // Blackout and the logo screen; the speaker screen keeps the time.
  await page.keyboard.press('x');
  await expect(projector.getByTestId('blackout')).toBeVisible();
  await expect(countdown(confidence)).toBeVisible();
  await shot(projector, 'projector-blackout');
  await page.keyboard.press('l');
  await expect(projector.getByTestId('logo-screen')).toBeVisible();
  await page.keyboard.press('l');
  await expect(projector.getByTestId('speaker-name')).toContainText('林一平');

  // Stop cues the next speaker without starting; start starts them.
  await page.keyboard.press('s');
  await expect(page.getByTestId('run-status')).toHaveText('待开始');
  await expect(projector.getByTestId('speaker-name')).toContainText('陈二坪');
  expect(await phase(projector)).toBe('idle');
  await expect(countdown(projector)).toHaveText('08:00');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('run-status')).toHaveText('发言中');

  // Previous goes back to 平湖, whose clock continues; skip and jump.
  await page.keyboard.press('ArrowLeft');
  await expect(projector.getByTestId('speaker-name')).toContainText('林一平');
  // 陈二坪 already spoke a moment: starting them again asks first.
  await page.keyboard.press('ArrowRight');
  await page.getByRole('dialog').getByRole('button', { name: '再次开始' }).click();
  await expect(projector.getByTestId('speaker-name')).toContainText('陈二坪');
  // Skipped while talking: their turn ends and counts as spoken.
  await page.keyboard.press('k');
  await expect(projector.getByTestId('speaker-name')).toContainText('黄三横');
  await expect(page.locator('[data-status="skipped"]')).toHaveCount(0);
  const rows = page.getByRole('list', { name: '议程与发言顺序' }).getByRole('listitem');
  await rows.nth(12).getByRole('button', { name: '跳到此项' }).click();
  await expect(projector.getByTestId('speaker-name')).toContainText('张勇');
  await expect(projector.getByText('领导讲话')).toBeVisible();
  await expect(page.getByTestId('run-status')).toHaveText('待开始');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('run-status')).toHaveText('发言中');
  // Planned against actual: the opening, 平湖, 陈二坪 (cut short) and the leader have started.
  await expect(page.getByTestId('actual-start')).toHaveCount(4);
  await shot(page, 'console-running');
});

test('a console command reaches the projector screen in a few milliseconds', async ({
  page,
  context,
  serve,
}) => {
  await page.goto(serve.openUrl);
  await page.getByRole('button', { name: '载入示例会议' }).click();
  await expect(page).toHaveURL(/meeting=/);
  const meetingId = new URL(page.url()).searchParams.get('meeting');
  const projector = await context.newPage();
  await projector.goto(serve.screen(`/projector?meeting=${meetingId}`));
  await expect(projector.getByTestId('projector-agenda')).toBeVisible();

  const latencies: number[] = [];
  for (let i = 0; i < 6; i++) {
    // The observer is in place before the click, so no change can slip past it.
    await projector.evaluate(() => {
      const seen = document.querySelector('[data-testid="speaker-name"]')?.textContent ?? '';
      (window as unknown as { nextChange: Promise<number> }).nextChange = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          const name = document.querySelector('[data-testid="speaker-name"]')?.textContent ?? '';
          if (name && name !== seen) {
            observer.disconnect();
            resolve(performance.timeOrigin + performance.now());
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      });
    });
    const sentAt = await page.evaluate(() => {
      const button = [...document.querySelectorAll('button')].find((b) =>
        /^(开始|下一位)/.test(b.textContent ?? ''),
      );
      const at = performance.timeOrigin + performance.now();
      button?.click();
      return at;
    });
    const shownAt = await projector.evaluate(
      () => (window as unknown as { nextChange: Promise<number> }).nextChange,
    );
    latencies.push(shownAt - sentAt);
  }
  latencies.sort((a, b) => a - b);
  const median = latencies[Math.floor(latencies.length / 2)] ?? Number.NaN;
  test.info().annotations.push({
    type: 'command-to-projector-ms',
    description: `median ${median.toFixed(1)} ms, max ${latencies.at(-1)?.toFixed(1)} ms over ${latencies.length}`,
  });
  console.log(`command → projector DOM: ${latencies.map((l) => l.toFixed(1)).join(', ')} ms`);
  expect(latencies.every((l) => l > 0)).toBe(true);
});
