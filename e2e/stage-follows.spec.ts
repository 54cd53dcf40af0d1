import type { Locator } from '@playwright/test';
import { createEmptyMeeting } from './console-steps.ts';
import { textUnderName } from './layout-checks.ts';
import { expect, test } from './fixtures.ts';
import type { ServeProcess } from './serve-process.ts';

/** A meeting with one speaker, made over the API as a script would. */
async function meetingWithSpeaker(serve: ServeProcess, title: string, date: string) {
  const headers = { Authorization: `Bearer ${serve.token}`, 'Content-Type': 'application/json' };
  const res = await fetch(`${serve.origin}/api/meetings`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ title, date, startTime: '09:00' }),
  });
  const id = ((await res.json()) as { meeting: { id: string } }).meeting.id;
  await fetch(`${serve.origin}/api/meetings/${id}/items`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ organization: '平湖街道', speaker: '林一平' }),
  });
  return id;
}

/**
 * The WCAG contrast ratio of a label's text against what is behind it (its own background, else
 * the nearest ancestor's that is not transparent).
 */
function contrastOf(label: Locator): Promise<number> {
  return label.evaluate((element) => {
    const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = (color: string) => {
      const [r = 0, g = 0, b = 0] = rgb(color).map((c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    let behind: Element | null = element;
    let background = 'rgb(255, 255, 255)';
    while (behind) {
      const color = getComputedStyle(behind).backgroundColor;
      if ((rgb(color)[3] ?? 1) > 0) {
        background = color;
        break;
      }
      behind = behind.parentElement;
    }
    const [light, dark] = [luminance(getComputedStyle(element).color), luminance(background)].sort(
      (a, b) => b - a,
    ) as [number, number];
    return (light + 0.05) / (dark + 0.05);
  });
}

test('screens opened before any meeting follow the first one made, and leave it when it is archived', async ({
  page,
  context,
  serve,
}) => {
  const projector = await context.newPage();
  await projector.goto(serve.screen('/projector'));
  const lectern = await context.newPage();
  await lectern.goto(serve.screen('/confidence'));
  const notes = await context.newPage();
  await notes.goto(serve.screen('/notes'));
  for (const screen of [projector, lectern, notes]) {
    await expect(screen.getByText('尚无会议。请在会务控制台新建或载入会议。')).toBeVisible();
  }

  // The organizer makes the first meeting: every screen shows it, nobody reloads.
  const title = '第三期经验交流会';
  await createEmptyMeeting(page, serve.openUrl, title);
  await expect(projector.getByTestId('stage-meeting-name')).toHaveText(title);
  await expect(lectern.getByTestId('stage-meeting-name')).toHaveText(title);
  await expect(notes.getByTestId('notes-meeting-title')).toHaveText(`台上会议：${title}`);

  // Put on stage, then archived: it leaves the stage, and the screens say there is none.
  await page.getByTestId('stage-status').getByRole('button', { name: '上台' }).click();
  await expect(page.getByTestId('stage-status')).toHaveText('本会议在台上');
  const details = page.getByRole('form', { name: '会议信息' });
  await details.getByLabel('归档此会议').check();
  await details.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('stage-status')).toHaveText('上台');
  for (const screen of [projector, lectern, notes]) {
    await expect(screen.getByText('尚无会议。请在会务控制台新建或载入会议。')).toBeVisible();
  }
  await expect(projector.getByTestId('stage-meeting-name')).toHaveCount(0);
});

test('本会议在台上 reads clearly on the red header, in a light and a dark colour scheme', async ({
  page,
  serve,
}) => {
  const id = await meetingWithSpeaker(serve, '第四期经验交流会', '2026-03-02');
  await page.goto(serve.screen(`/?meeting=${id}`));
  await page.getByTestId('stage-status').getByRole('button', { name: '上台' }).click();
  const label = page.getByTestId('stage-status').getByText('本会议在台上');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expect(label).toBeVisible();
    // WCAG AA for normal text.
    expect(await contrastOf(label), colorScheme).toBeGreaterThanOrEqual(4.5);
  }
});

test('Space with the focus on the meeting list runs the selected meeting; the list does not react', async ({
  page,
  serve,
}) => {
  await meetingWithSpeaker(serve, '第一期经验交流会', '2026-03-02');
  await meetingWithSpeaker(serve, '第二期经验交流会', '2026-03-09');
  await page.goto(serve.openUrl);
  const list = page.getByRole('navigation');
  const first = list.getByRole('button', { name: /第一期经验交流会/ });
  const second = list.getByRole('button', { name: /第二期经验交流会/ });
  await first.click();
  await expect(page.getByTestId('run-status')).toHaveText('未开始');

  // The keyboard's focus rests on the other meeting in the list, as after a Tab.
  await second.focus();
  await page.keyboard.press(' ');
  // 空格 = 下一位 (the console's shortcut help): the selected meeting starts its first speaker.
  await expect(page.getByTestId('run-status')).toHaveText('发言中');
  await expect(first).toHaveAttribute('aria-current', 'true');
  await expect(second).not.toHaveAttribute('aria-current', 'true');
  // Once more, on the selected meeting's own button: still the shortcut, nothing reselected.
  await first.focus();
  await page.keyboard.press(' ');
  await expect(page.getByTestId('run-status')).toHaveText('已结束');
  await expect(first).toHaveAttribute('aria-current', 'true');
});

test('the meeting on stage is named in a corner that no line of the projector or lectern runs into, at 1920×1080, 1280×720 and 1024×768', async ({
  context,
  serve,
}) => {
  const headers = { Authorization: `Bearer ${serve.token}`, 'Content-Type': 'application/json' };
  const title = '龙岗区组织工作会议暨基层工作经验交流座谈会（第二季度）';
  const res = await fetch(`${serve.origin}/api/meetings`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ title, date: '2026-03-02', startTime: '09:00' }),
  });
  const id = ((await res.json()) as { meeting: { id: string } }).meeting.id;
  // The speaker after is long: the 下一位 line spans most of the screen's width.
  const topic = '4个河道整治攻坚临时党支部：“四条河”房屋征拆8月30日全面完成';
  for (const [organization, speaker] of [
    ['平湖街道', '林一平'],
    ['龙岗区城市更新和土地整备局征地拆迁事务中心', '欧阳建国'],
  ]) {
    await fetch(`${serve.origin}/api/meetings/${id}/items`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ organization, speaker, topic }),
    });
  }
  const projector = await context.newPage();
  await projector.goto(serve.screen(`/projector?meeting=${id}`));
  const lectern = await context.newPage();
  await lectern.goto(serve.screen(`/confidence?meeting=${id}`));
  const sizes: [number, number][] = [
    [1920, 1080],
    [1280, 720],
    [1024, 768],
  ];
  const check = async (phase: string) => {
    for (const [width, height] of sizes) {
      for (const [screen, page] of [
        ['projector', projector],
        ['lectern', lectern],
      ] as const) {
        await page.setViewportSize({ width, height });
        await expect(page.getByTestId('stage-meeting-name')).toHaveText(title);
        expect(await textUnderName(page), `${phase} ${screen} ${width}×${height}`).toEqual([]);
      }
    }
  };
  await check('agenda');
  // The agenda's topic keeps a dozen characters or more on every screen, 4:3 too.
  for (const [width, height] of sizes) {
    await projector.setViewportSize({ width, height });
    const shown = await projector
      .locator('.p-topic')
      .first()
      .evaluate((cell) => cell.clientWidth / parseFloat(getComputedStyle(cell).fontSize));
    expect(shown, `topic at ${width}×${height}`).toBeGreaterThanOrEqual(12);
  }
  await fetch(`${serve.origin}/api/meetings/${id}/run/next`, { method: 'POST', headers });
  await expect(projector.getByTestId('stage-next')).toContainText('欧阳建国');
  await check('speaking');
});
