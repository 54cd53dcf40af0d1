import { expect, test } from './fixtures.ts';

test('a run far from the planned date offers to measure from its actual start, and keeps the choice', async ({
  page,
  serve,
}) => {
  await page.goto(serve.openUrl);
  await page.getByRole('button', { name: '载入示例会议' }).click();
  await expect(page).toHaveURL(/meeting=/);
  // Planned years ahead: whatever the date and time of the test, today's run is a rehearsal.
  const details = page.getByRole('form', { name: '会议信息' });
  await details.getByLabel('日期').fill('2099-06-01');
  await details.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();

  const toggle = page.getByRole('checkbox', { name: '按实际开始计算' });
  await expect(toggle).toHaveCount(0); // nothing started yet: nothing to offer
  await page.keyboard.press('Space');
  await expect(page.getByTestId('run-status')).toHaveText('发言中');
  const offset = page.getByTestId('run-offset');
  await expect(offset).toContainText(/提前 \d+ 分钟/);
  await expect(toggle).not.toBeChecked();
  // The 用时图 measures the same way: from the date, the leader is years early.
  const chart = page.getByTestId('timing-chart');
  await expect(chart).toContainText(
    /张勇讲话：计划 \d\d:\d\d 开始，预计 \d\d:\d\d（早 \d{5,} 分钟）/,
  );

  await toggle.check();
  // Just started: on time against its own start, and the end is the planned length from now.
  await expect(offset).toContainText('准时 · 预计');
  await expect(offset).toContainText('结束（按实际开始）');
  // The chart follows the choice at once, without a reload: the leader is due on time.
  await expect(chart).toContainText(/张勇讲话：计划 \d\d:\d\d 开始，预计 \d\d:\d\d（准时）/);
  await expect(chart).not.toContainText(/\d{5,} 分钟/);
  for (const [width, height] of [
    [1920, 1080],
    [1280, 720],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    // The summary and the choice stay on the run panel's heading line, inside the panel.
    const panel = await page.locator('.run-panel').boundingBox();
    const choice = await toggle.boundingBox();
    expect(panel && choice && choice.x + choice.width <= panel.x + panel.width).toBe(true);
    const shot = await page.screenshot();
    if (process.env.SHOTS_DIR) {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(`${process.env.SHOTS_DIR}/rehearsal-${width}x${height}.png`, shot);
    }
    await test
      .info()
      .attach(`rehearsal-${width}x${height}`, { body: shot, contentType: 'image/png' });
  }

  await page.reload();
  await expect(toggle).toBeChecked();
  await expect(offset).toContainText('（按实际开始）');
  await expect(chart).toContainText('（准时）');
  await toggle.uncheck();
  await expect(chart).toContainText(/（早 \d{5,} 分钟）/);
  await expect(offset).toContainText(/提前 \d+ 分钟/);
  await expect(offset).not.toContainText('按实际开始');
});
