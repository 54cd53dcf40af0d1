import type { Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';

/** The run panel and the 用时图 as the organizer sees them, attached (and written to SHOTS_DIR). */
async function shootPanels(page: Page, name: string) {
  for (const [panel, selector] of [
    ['run-panel', '.run-panel'],
    ['timing-chart', '.timing-chart-panel'],
  ] as const) {
    const locator = page.locator(selector);
    await locator.scrollIntoViewIfNeeded();
    const body = await locator.screenshot();
    if (process.env.SHOTS_DIR) writeFileSync(`${process.env.SHOTS_DIR}/${name}-${panel}.png`, body);
    await test.info().attach(`${name}-${panel}`, { body, contentType: 'image/png' });
  }
}

test('a meeting dated 2020-01-01 run today is measured from its actual start without ticking anything; unticking measures from the date, and the choice is kept', async ({
  page,
  serve,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(serve.openUrl);
  await page.getByRole('button', { name: '载入示例会议' }).click();
  await expect(page).toHaveURL(/meeting=/);
  // Dated long ago: whatever the date and time of the test, today's run is on another day.
  // Planned at least six hours from the moment the test runs (the browser's zone), so a run
  // started now never starts at the planned time by chance: the plan ends at 07:53 or 19:53.
  const details = page.getByRole('form', { name: '会议信息' });
  await details.getByLabel('日期').fill('2020-01-01');
  const hourNow = await page.evaluate(() => new Date().getHours());
  const [plannedStart, plannedEnd] = hourNow < 12 ? ['18:00', '19:53'] : ['06:00', '07:53'];
  await details.getByLabel('开始时间').fill(plannedStart);
  await details.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();

  const toggle = page.getByRole('checkbox', { name: '按实际开始计算' });
  await expect(toggle).toHaveCount(0); // nothing started yet: nothing to offer
  const totals = page.getByTestId('agenda-totals');
  await expect(totals).toContainText(`预计 ${plannedEnd} 结束`); // the plan, from its start
  await page.keyboard.press('Space');
  await expect(page.getByTestId('run-status')).toHaveText('发言中');

  // Nothing ticked by hand: just started, on time against its own start.
  await expect(toggle).toBeChecked();
  const offset = page.getByTestId('run-offset');
  await expect(offset).toContainText('准时 · 预计');
  await expect(offset).toContainText('结束（按实际开始）');
  // The 用时图's leader line is due on time, not years late.
  const chart = page.getByTestId('timing-chart');
  await expect(chart).toContainText(/张勇讲话：计划 \d\d:\d\d 开始，预计 \d\d:\d\d（准时）/);
  await expect(chart).not.toContainText(/\d{5,} 分钟/);
  // On time, 按时结束 has nothing to offer; years late it offered to shorten every speech.
  await expect(page.getByRole('button', { name: '按时结束' })).toHaveCount(0);
  // The agenda's planned times start where the run did.
  const opening = page.locator('.agenda-row').first();
  const plannedAt = (await opening.locator('.times > span').first().textContent()) ?? '';
  const actualAt = (await opening.getByTestId('actual-start').textContent()) ?? '';
  expect(plannedAt.replace('计划', '实际')).toBe(actualAt);
  await expect(totals).not.toContainText(`预计 ${plannedEnd} 结束`);
  await shootPanels(page, 'rehearsal-1024x768');

  // Ten minutes over in the opening: lateness the rule keeps, and 按时结束 offers a plan.
  for (let i = 0; i < 10; i++) await page.getByRole('button', { name: '+1 分钟' }).click();
  await expect(offset).toContainText(/落后 (9|10) 分钟/);
  await expect(chart).toContainText(
    /张勇讲话：计划 \d\d:\d\d 开始，预计 \d\d:\d\d（晚 (9|10) 分钟）/,
  );
  await page.getByRole('button', { name: '按时结束' }).click();
  const plan = page.getByRole('region', { name: '按时结束：压缩后面的交流发言' });
  await expect(plan.locator('.finish-on-time-rows li').first()).toContainText(
    /林一平.*：8 → \d(\.5)? 分钟/,
  );
  await expect(plan).not.toContainText('赶不上');
  await shootPanels(page, 'rehearsal-late-1024x768');

  // The old measure stays one click away: from the date, years late.
  await toggle.uncheck();
  await expect(offset).toContainText(/落后 \d{5,} 分钟/);
  await expect(offset).not.toContainText('按实际开始');
  await expect(chart).toContainText(/（晚 \d{5,} 分钟）/);
  await expect(totals).toContainText(`预计 ${plannedEnd} 结束`);
  await shootPanels(page, 'rehearsal-unticked-1024x768');
  // The organizer's choice outlives a reload, and ticking again measures from the start again.
  await page.reload();
  await expect(page.getByTestId('run-status')).toHaveText('发言中');
  await expect(toggle).not.toBeChecked();
  await expect(chart).toContainText(/（晚 \d{5,} 分钟）/);
  await toggle.check();
  await expect(offset).toContainText(/落后 (9|10) 分钟 · 预计 \d\d:\d\d 结束（按实际开始）/);
  await page.reload();
  await expect(toggle).toBeChecked();
  await expect(chart).toContainText(/（晚 (9|10) 分钟）/);

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
  }
});
