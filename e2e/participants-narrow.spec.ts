import { addPeopleFromRoster, loadSampleMeeting } from './console-steps.ts';
import { expect, test } from './fixtures.ts';
import { layoutProblems } from './layout-checks.ts';

test('the participants’ table fits a 1024 px and a 1280 px screen, a row open for editing too', async ({
  page,
  serve,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await loadSampleMeeting(page, serve.openUrl);
  const { panel, rows } = await addPeopleFromRoster(page);
  // 林一平 on leave: the row opens for editing with its reason as a fifth field.
  await rows.nth(0).getByLabel('回执').selectOption({ label: '请假' });
  await rows.nth(0).getByLabel('请假事由').fill('外出学习');
  await rows.nth(0).getByRole('button', { name: '保存' }).click();
  await expect(rows.nth(0)).toContainText('外出学习');

  const root = '[data-console-panel="participants"]';
  const shoot = async (name: string) => {
    const file = test.info().outputPath(`${name}.png`);
    await panel.screenshot({ path: file });
    await test.info().attach(name, { path: file, contentType: 'image/png' });
  };
  for (const width of [1024, 1280]) {
    await page.setViewportSize({ width, height: 768 });
    await panel.scrollIntoViewIfNeeded();
    // 平湖街道 and 党工委书记 whole on their lines; nothing to scroll sideways for.
    expect(await layoutProblems(page, root, { pageScroll: false }), `${width} list`).toEqual([]);
    await shoot(`participants-${width}`);

    await rows.nth(0).getByRole('button', { name: '编辑' }).click();
    const save = rows.nth(0).getByRole('button', { name: '保存' });
    await expect(save).toBeVisible();
    expect(await layoutProblems(page, root, { pageScroll: false }), `${width} editing`).toEqual([]);
    // 保存 and the next row's 删除 within the panel, reached without scrolling sideways.
    const panelBox = await panel.boundingBox();
    for (const button of [save, rows.nth(1).getByRole('button', { name: '删除' })]) {
      const box = await button.boundingBox();
      expect(box && panelBox && box.x + box.width <= panelBox.x + panelBox.width).toBe(true);
    }
    await shoot(`participants-editing-${width}`);
    await rows.nth(0).getByRole('button', { name: '取消' }).click();
  }
});
