import type { Page } from '@playwright/test';
import fs from 'node:fs';
import { loadSampleMeeting } from './console-steps.ts';
import { expect, test } from './fixtures.ts';
import type { ServeProcess } from './serve-process.ts';

/**
 * A draft reads every note in the export worker, which loads jieba the first time: on a busy
 * machine that is more than the 5 s an assertion waits by default.
 */
const DRAFTED = { timeout: 60_000 };

/**
 * The meeting open in the console, read over the API as a note-taker's device or a script
 * would: its id, its agenda items, and the headers to write to it with.
 */
async function openMeetingOverApi(page: Page, serve: ServeProcess) {
  const headers = { Authorization: `Bearer ${serve.token}`, 'Content-Type': 'application/json' };
  const meetingId = new URL(page.url()).searchParams.get('meeting') as string;
  const { items } = await (
    await fetch(`${serve.origin}/api/meetings/${meetingId}`, { headers })
  ).json();
  return { headers, meetingId, items };
}

/** The sample meeting at 1024×768, its 会议信息 drafted: answers the panel. */
async function draftAtTabletSize(page: Page, openUrl: string) {
  await page.setViewportSize({ width: 1024, height: 768 });
  await loadSampleMeeting(page, openUrl);
  const panel = page.getByRole('region', { name: '会议信息（新闻稿）' });
  await panel.getByRole('button', { name: '起草会议信息' }).click();
  return panel;
}

test('the organizer drafts the 会议信息, edits it, and the export carries the edits; the minutes take the 会议认为', async ({
  page,
  serve,
}) => {
  await loadSampleMeeting(page, serve.openUrl);

  // Two more note-takers write of 横岗's 实绩, which the sample's recorder noted already.
  const { headers, meetingId, items } = await openMeetingOverApi(page, serve);
  const hengGang = items.find((i: { organization: string }) => i.organization === '横岗街道');
  for (const author of ['记录人乙', '记录人丙']) {
    const created = await fetch(
      `${serve.origin}/api/meetings/${meetingId}/items/${hengGang.id}/notes`,
      {
        method: 'POST',
        headers,
        body: JSON.stringify({ kind: 'takeaway', text: '干部选用坚持以实绩定进退。', author }),
      },
    );
    expect(created.status).toBe(201);
  }

  const panel = page.getByRole('region', { name: '会议信息（新闻稿）' });
  await panel.getByRole('button', { name: '起草会议信息' }).click();
  const headline = panel.getByLabel('标题');
  await expect(headline).toHaveValue('以实干论英雄 以实绩定进退', DRAFTED);
  const lead = panel.getByLabel('第1段（导语）');
  await expect(lead).toHaveValue(
    /^\d{4}年\d{1,2}月\d{1,2}日，龙岗区组织工作会议暨基层工作经验交流座谈会（示例）在区委大院第一会议室召开。/,
  );
  // Coverage: 横岗 has one note, flagged thin; 平湖 has three.
  const coverage = panel.getByRole('table');
  // 横岗 now has three notes, by three note-takers: the two new ones share 实绩 and 定进退 with
  // each other and with the sample's; 龙城 has one note, flagged thin.
  const hengGangRow = coverage.getByRole('row', { name: /横岗街道黄三横/ });
  await expect(hengGangRow).toContainText('3');
  await expect(hengGangRow).toContainText('（记录人乙、记录人丙）');
  await expect(coverage.getByRole('row', { name: /龙城街道赵五城/ })).toContainText('1 记录偏少');
  await expect(coverage.getByRole('row', { name: /平湖街道林一平/ })).not.toContainText('记录偏少');
  await panel.scrollIntoViewIfNeeded();
  await test.info().attach('news-brief-drafted', {
    body: await panel.screenshot({ path: test.info().outputPath('news-brief-drafted.png') }),
    contentType: 'image/png',
  });

  await headline.fill('把全区工作拧成一股绳');
  await lead.fill('昨日，龙岗区召开组织工作会议暨基层工作经验交流座谈会。');
  await expect(panel.getByText('已修改')).toBeVisible();
  await panel.getByLabel('写入会议纪要').check();
  const finding = panel.getByRole('textbox', { name: '会议纪要中的“会议认为”段' });
  await expect(finding).toHaveValue(/^会议认为，交流发言围绕“.+”等方面介绍了经验做法。$/);
  await finding.fill('会议认为，临时党支部是攻坚克难的有效形式。');
  await panel.getByRole('button', { name: '保存修改' }).click();
  await expect(panel.getByRole('status')).toHaveText('已保存，导出时使用');
  await test.info().attach('news-brief-edited', {
    body: await panel.screenshot({ path: test.info().outputPath('news-brief-edited.png') }),
    contentType: 'image/png',
  });

  // A reload drafts again from the notes, and the stored edits are laid over it.
  await page.reload();
  await page
    .getByRole('region', { name: '会议信息（新闻稿）' })
    .getByRole('button', { name: '起草会议信息' })
    .click();
  await expect(page.getByLabel('标题')).toHaveValue('把全区工作拧成一股绳', DRAFTED);
  await expect(page.getByLabel('第1段（导语）')).toHaveValue(
    '昨日，龙岗区召开组织工作会议暨基层工作经验交流座谈会。',
  );

  // The 来源 appendix is chosen where the Markdown is exported: the meeting's one setting.
  await page.getByText('导出', { exact: true }).click();
  const sources = page.getByLabel('Markdown 稿附“来源”（逐句列出依据的记录和字段）');
  await expect(sources).toBeChecked();
  await sources.uncheck();
  await expect(sources).not.toBeChecked();
  const mdDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '会议信息草稿（Markdown）' }).click();
  const mdFile = await mdDownload;
  expect(mdFile.suggestedFilename()).toBe(
    '龙岗区组织工作会议暨基层工作经验交流座谈会（示例）-会议信息.md',
  );
  const md = fs.readFileSync((await mdFile.path()) as string, 'utf8');
  expect(md.startsWith('# 把全区工作拧成一股绳\n')).toBe(true);
  expect(md).toContain('\n昨日，龙岗区召开组织工作会议暨基层工作经验交流座谈会。\n');
  // Paragraphs nobody touched are the draft's; the sources were turned off.
  expect(md).toContain('区委书记张勇在讲话中要求，');
  expect(md).not.toContain('来源');

  await page.getByText('导出', { exact: true }).click();
  const minutesDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '会议纪要（Markdown）' }).click();
  const minutes = fs.readFileSync((await (await minutesDownload).path()) as string, 'utf8');
  expect(minutes).toContain('\n会议认为，临时党支部是攻坚克难的有效形式。\n');

  // The switch stays as chosen, and turned on again the appendix is back.
  await page.getByText('导出', { exact: true }).click();
  await expect(sources).not.toBeChecked();
  await sources.check();
  await expect(sources).toBeChecked();
  const again = page.waitForEvent('download');
  await page.getByRole('button', { name: '会议信息草稿（Markdown）' }).click();
  expect(fs.readFileSync((await (await again).path()) as string, 'utf8')).toContain('## 来源');
});

test('an edited theme paragraph stays with its theme when a later note adds a theme before it, and the panel fits 1024 px', async ({
  page,
  serve,
}) => {
  const panel = await draftAtTabletSize(page, serve.openUrl);
  const second = panel.getByRole('textbox', { name: /^第2段（共同话题）/ });
  await expect(second).toHaveValue(/^围绕“党支部”/, DRAFTED);
  await second.fill('各街道交流了临时党支部攻坚克难的做法。');
  const fourth = panel.getByRole('textbox', { name: /^第4段（共同话题）/ });
  await expect(fourth).toHaveValue(/^围绕“实绩”/);
  await fourth.fill('横岗、南湾两街道坚持以实绩论英雄。');
  await panel.getByRole('button', { name: '保存修改' }).click();
  await expect(panel.getByRole('status')).toHaveText('已保存，导出时使用');

  // Three more speeches get notes on 网格, which two speeches had: the first theme now.
  const { headers, meetingId, items } = await openMeetingOverApi(page, serve);
  for (const organization of ['龙城街道', '布吉街道', '坂田街道']) {
    const item = items.find((i: { organization: string }) => i.organization === organization);
    const created = await fetch(
      `${serve.origin}/api/meetings/${meetingId}/items/${item.id}/notes`,
      {
        method: 'POST',
        headers,
        body: JSON.stringify({
          kind: 'takeaway',
          text: '推行网格化管理，网格员每周走访辖区群众。',
        }),
      },
    );
    expect(created.status).toBe(201);
  }

  await panel.getByRole('button', { name: '按最新记录重新起草' }).click();
  await expect(panel.getByRole('status')).toHaveCount(0, DRAFTED);
  await expect(panel.getByRole('textbox', { name: /^第2段（共同话题）/ })).toHaveValue(
    /^围绕“网格”，龙城街道赵五城、布吉街道周六吉/,
  );
  const third = panel.getByRole('textbox', { name: /^第3段（共同话题）/ });
  await expect(third).toHaveValue('各街道交流了临时党支部攻坚克难的做法。');
  await expect(panel.getByText('已修改')).toHaveCount(1);
  // Its notes did not change: nothing flagged.
  await expect(panel.getByRole('note')).toHaveCount(0);
  // 实绩 is no longer one of the three themes: its edit is kept and shown, on no paragraph.
  await expect(panel.getByRole('textbox', { name: /^第4段（共同话题）/ })).toHaveValue(
    /^围绕“党员干部”/,
  );
  const gone = panel.getByRole('group', { name: '修改1' });
  await expect(gone).toContainText('原段落已不在草稿中');
  await expect(gone).toContainText('横岗、南湾两街道坚持以实绩论英雄。');
  await gone.getByLabel('保留，导出时放在文末').check();
  await panel.getByRole('button', { name: '保存修改' }).click();
  await expect(panel.getByRole('status')).toHaveText('已保存，导出时使用');

  // At the door tablet's width the console does not scroll sideways with the draft open, and
  // the panel and its coverage table stay inside the window.
  const sideways = () =>
    page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
  expect(await sideways()).toBe(false);
  const rightOf = (el: Element) => el.getBoundingClientRect().right;
  const panelRight = await panel.evaluate(rightOf);
  expect(panelRight).toBeLessThanOrEqual(1024);
  expect(await panel.getByRole('table').evaluate(rightOf)).toBeLessThanOrEqual(panelRight);
  await panel.scrollIntoViewIfNeeded();
  await test.info().attach('news-brief-1024', {
    body: await panel.screenshot({ path: test.info().outputPath('news-brief-1024.png') }),
    contentType: 'image/png',
  });
  await page.screenshot({ path: test.info().outputPath('console-1024.png'), fullPage: true });

  // The export menu with its 来源 switch, at the same width.
  await page.getByText('导出', { exact: true }).click();
  await expect(page.getByLabel('Markdown 稿附“来源”（逐句列出依据的记录和字段）')).toBeVisible();
  expect(await sideways()).toBe(false);
  await page.screenshot({ path: test.info().outputPath('export-menu-1024.png') });
  // Kept at the end: the .md's last paragraph, after the leader's requirements.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '会议信息草稿（Markdown）' }).click();
  const md = fs.readFileSync((await (await download).path()) as string, 'utf8');
  const body = md.slice(0, md.indexOf('\n---\n')).trim().split('\n\n');
  expect(body.at(-1)).toBe('横岗、南湾两街道坚持以实绩论英雄。');
  expect(body.at(-2)).toMatch(/^区委书记张勇在讲话中要求/);
  expect(body.filter((p) => p === '各街道交流了临时党支部攻坚克难的做法。')).toHaveLength(1);
  expect(body[3]).toMatch(/^围绕“网格”/);
  expect(body[4]).toBe('各街道交流了临时党支部攻坚克难的做法。');
});

test('an edit whose notes changed since is flagged with the new draft beside it, until the organizer keeps it', async ({
  page,
  serve,
}) => {
  const panel = await draftAtTabletSize(page, serve.openUrl);
  const third = panel.getByRole('textbox', { name: /^第3段（共同话题）/ });
  await expect(third).toHaveValue(/^围绕“党员干部”/, DRAFTED);
  await third.fill('党员干部在攻坚一线得到锻炼。');
  await panel.getByRole('button', { name: '保存修改' }).click();
  await expect(panel.getByRole('status')).toHaveText('已保存，导出时使用');

  // A note-taker corrects 龙岗's note that the 党员干部 paragraph retells.
  const { headers, meetingId, items } = await openMeetingOverApi(page, serve);
  const longGang = items.find((i: { organization: string }) => i.organization === '龙岗街道');
  const { notes } = await (
    await fetch(`${serve.origin}/api/meetings/${meetingId}/items/${longGang.id}/notes`, {
      headers,
    })
  ).json();
  const cadres = notes.find((n: { text: string }) => n.text.includes('党员干部'));
  const changed = await fetch(`${serve.origin}/api/notes/${cadres.id}`, {
    method: 'PATCH',
    headers,
    body: JSON.stringify({ text: '抽调的优秀干部充实到一线党支部，党员干部在攻坚中成长。' }),
  });
  expect(changed.status).toBe(200);

  await panel.getByRole('button', { name: '按最新记录重新起草' }).click();
  await expect(panel.getByRole('status')).toHaveCount(0, DRAFTED);
  await expect(third).toHaveValue('党员干部在攻坚一线得到锻炼。');
  const flag = panel.getByRole('note', {
    name: '你修改之后，这一段的草稿已随记录变化。新的草稿：',
  });
  await expect(flag).toContainText('党员干部在攻坚中成长');
  await panel.scrollIntoViewIfNeeded();
  await flag.scrollIntoViewIfNeeded();
  await test.info().attach('news-brief-flagged', {
    body: await panel.screenshot({ path: test.info().outputPath('news-brief-flagged.png') }),
    contentType: 'image/png',
  });
  await flag.getByRole('button', { name: '保留我的修改' }).click();
  await expect(flag).toHaveCount(0);
  await panel.getByRole('button', { name: '保存修改' }).click();
  await expect(panel.getByRole('status')).toHaveText('已保存，导出时使用');

  // Drafted again: the edit is kept, and no longer flagged.
  await panel.getByRole('button', { name: '按最新记录重新起草' }).click();
  await expect(panel.getByRole('status')).toHaveCount(0, DRAFTED);
  await expect(third).toHaveValue('党员干部在攻坚一线得到锻炼。');
  await expect(panel.getByRole('note')).toHaveCount(0);
});
