import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const countdown = (page: Page) => page.getByTestId('countdown');

/** A screen at each size, attached to the report (and written to SHOTS_DIR when set). */
async function shotAtSizes(page: Page, name: string, sizes: [number, number][]) {
  for (const [width, height] of sizes) {
    await page.setViewportSize({ width, height });
    const body = await page.screenshot();
    await test.info().attach(`${name}-${width}x${height}`, { body, contentType: 'image/png' });
    if (process.env.SHOTS_DIR) {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(`${process.env.SHOTS_DIR}/${name}-${width}x${height}.png`, body);
    }
  }
}
const SCREEN_SIZES: [number, number][] = [
  [1920, 1080],
  [1024, 768],
];

test('a late meeting gets new limits from 按时结束: shown old → new, applied, on the projector, undone until the next speaker starts', async ({
  page,
  context,
  serve,
}) => {
  // Three live screens counting down every frame and forty clicks: 25-40 s on a quiet machine,
  // over a minute while other jobs load the two cores.
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(serve.openUrl);
  await page.getByRole('button', { name: '载入示例会议' }).click();
  await expect(page).toHaveURL(/meeting=/);
  const meetingId = new URL(page.url()).searchParams.get('meeting');
  // Planned long ago: the run is measured from its actual start, so the lateness is what the
  // added minutes make it, whatever today is.
  const details = page.getByRole('form', { name: '会议信息' });
  await details.getByLabel('日期').fill('2020-06-01');
  await details.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();

  const projector = await context.newPage();
  await projector.goto(serve.screen(`/projector?meeting=${meetingId}`));
  const lectern = await context.newPage();
  await lectern.setViewportSize({ width: 1920, height: 1080 });
  await lectern.goto(serve.screen(`/confidence?meeting=${meetingId}`));
  const lecternLimit = lectern.getByTestId('lectern-limit');
  const lecternNextLimit = lectern.getByTestId('lectern-next-limit');

  await page.keyboard.press('Space');
  await expect(page.getByTestId('run-status')).toHaveText('发言中');
  await page.getByRole('checkbox', { name: '按实际开始计算' }).check();
  const offset = page.getByTestId('run-offset');
  await expect(offset).toContainText('准时');
  await expect(page.getByRole('button', { name: '按时结束' })).toHaveCount(0);
  // The opening runs 20 minutes over: everything after it comes 20 minutes late.
  for (let i = 0; i < 20; i++) await page.getByRole('button', { name: '+1 分钟' }).click();
  await expect(offset).toContainText(/落后 (19|20) 分钟/);

  await page.getByRole('button', { name: '按时结束' }).click();
  const plan = page.getByRole('region', { name: '按时结束：压缩后面的交流发言' });
  await expect(plan.getByRole('radio', { name: '平均' })).toBeChecked();
  await expect(plan.getByLabel('最短（分钟）')).toHaveValue('5');
  const rows = plan.locator('.finish-on-time-rows li');
  await expect(rows).toHaveCount(11);
  await expect(rows.first()).toContainText(/林一平.*：8 → 6(\.5)? 分钟/);
  await expect(plan.getByText('即使都按最短时长也赶不上')).toHaveCount(0);
  const shot = await page.screenshot();
  await test
    .info()
    .attach('finish-on-time-plan-1280x720', { body: shot, contentType: 'image/png' });
  if (process.env.SHOTS_DIR) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${process.env.SHOTS_DIR}/finish-on-time-plan-1280x720.png`, shot);
  }

  // A floor too high for the time left: the plan says plainly it cannot make it.
  await plan.getByLabel('最短（分钟）').fill('7.5');
  await expect(plan.getByText(/即使都按最短时长也赶不上：仍将晚 \d+ 分钟/)).toBeVisible();
  await plan.getByLabel('最短（分钟）').fill('5');
  await plan.getByRole('radio', { name: '按原时长比例' }).check();
  await expect(rows.first()).toContainText(/：8 → 6(\.5)? 分钟/);

  await plan.getByRole('button', { name: '应用新时长' }).click();
  await expect(plan).toHaveCount(0);
  const line = page.getByTestId('presider-line');
  await expect(line).toContainText(/因时间关系，请后面发言的同志把发言控制在6(\.5)?分钟以内/);
  // The lectern: the opening keeps its limit; the next speaker reads theirs, new and original.
  await expect(lecternLimit).toHaveText(/^限时 \d+ 分钟$/);
  await expect(lecternNextLimit).toHaveText(/^限时 6(\.5)? 分钟（原 8 分钟）$/);

  // The opening stops; the first exchange speaker is cued with the new limit on the projector.
  await page.getByRole('button', { name: /^停止/ }).click();
  await expect(projector.getByTestId('speaker-name')).toContainText('林一平');
  await expect(countdown(projector)).toHaveText(/^06:[03]0$/);
  await expect(lectern.getByTestId('confidence')).toContainText('林一平');
  await expect(lecternLimit).toHaveText(/^限时 6(\.5)? 分钟（原 8 分钟）$/);
  await expect(lecternNextLimit).toHaveText(/^限时 6(\.5)? 分钟（原 8 分钟）$/);
  await shotAtSizes(lectern, 'lectern-new-limit', SCREEN_SIZES);

  // Undo before the speaker starts: the planned 8 minutes come back.
  await page.getByRole('button', { name: '撤销新时长' }).click();
  await expect(countdown(projector)).toHaveText('08:00');
  await expect(lecternLimit).toHaveText('限时 8 分钟');
  await expect(lecternNextLimit).toHaveText('限时 8 分钟');
  await expect(line).toHaveCount(0);

  // Stopping the opening early made up the time. The first speaker starts and runs 20 over too.
  await page.keyboard.press('Space');
  await expect(projector.getByTestId('countdown')).toHaveText(/^0[78]:[0-5]\d$/);
  for (let i = 0; i < 20; i++) await page.getByRole('button', { name: '+1 分钟' }).click();
  await page.getByRole('button', { name: '按时结束' }).click();
  await expect(rows).toHaveCount(10);
  await plan.getByRole('button', { name: '应用新时长' }).click();
  await expect(line).toBeVisible();
  // The next speaker starts: the new limit is the one counting down, and undo is gone.
  await page.keyboard.press('Space');
  await expect(projector.getByTestId('speaker-name')).toContainText('陈二坪');
  await expect(page.getByRole('button', { name: '撤销新时长' })).toHaveCount(0);
  await expect(countdown(projector)).toHaveText(/^0[56]:[0-5]\d$/);
  await expect(line).toBeVisible();
  await expect(lecternLimit).toHaveText(/^限时 [56](\.5)? 分钟（原 8 分钟）$/);

  // With nothing on stage (the last item skipped) the hall sees the agenda with the new limits.
  const headers = { Authorization: `Bearer ${serve.token}`, 'Content-Type': 'application/json' };
  const api = (path: string, body: object) =>
    fetch(`${serve.origin}/api/meetings/${meetingId}/${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    }).then((r) => expect(r.status).toBe(200));
  const meeting = await (
    await fetch(`${serve.origin}/api/meetings/${meetingId}`, { headers })
  ).json();
  await api('run/goto', { itemId: meeting.items.at(-1).id });
  await api('run/skip', {});
  await expect(projector.getByTestId('projector-agenda')).toContainText(/（原 8 分钟）/);
  // Items have run and some have not: not 等待会议开始 any more.
  await expect(projector.locator('.projector-footer')).toHaveText('会议进行中，请稍候');
  await shotAtSizes(projector, 'projector-agenda-new-limits', SCREEN_SIZES);
  // “6 分钟（原 8 分钟）” whole in its column on a 4:3 projector and a wide one, not cut.
  for (const [width, height] of SCREEN_SIZES) {
    await projector.setViewportSize({ width, height });
    const cut = await projector
      .locator('.p-minutes')
      .evaluateAll((cells) =>
        cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent),
      );
    expect(cut, `${width}x${height}`).toEqual([]);
  }
});
