import fs from 'node:fs';
import { addPeopleFromRoster, loadSampleMeeting } from './console-steps.ts';
import { expect, test } from './fixtures.ts';

test('the organizer arranges the seating chart, swaps two people by dragging, and shows it on the projector', async ({
  page,
  context,
  serve,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await loadSampleMeeting(page, serve.openUrl);
  await addPeopleFromRoster(page);

  const panel = page.getByRole('region', { name: '座次' });
  const seats = panel.locator('button.seat');
  await expect(seats).toHaveCount(11);
  const order = () => seats.evaluateAll((els) => els.map((el) => el.getAttribute('data-seat')));
  const before = await order();
  expect(before).toHaveLength(11);
  await expect(panel.getByText('会议桌', { exact: true })).toBeVisible();

  // Drag the first seat of the head onto the last seat of the chart: the two change places.
  const first = before[0] as string;
  const last = before[10] as string;
  await seats.nth(0).dragTo(seats.nth(10));
  await expect(panel.getByRole('status')).toHaveText(`${first}与${last}已互换座位。`);
  const swapped = await order();
  expect(swapped[0]).toBe(last);
  expect(swapped[10]).toBe(first);
  expect(swapped.slice(1, 10)).toEqual(before.slice(1, 10));
  await expect(panel.getByRole('button', { name: '恢复按排序排座' })).toBeEnabled();

  const shots = test.info().outputPath();
  fs.mkdirSync(shots, { recursive: true });
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: `${shots}/seating-console-1920.png` });

  // Kept by the server: a reload shows the swapped chart.
  await page.reload();
  await expect(seats).toHaveCount(11);
  expect(await order()).toEqual(swapped);

  // On the projector: 请按座次入座, the same chart, until switched off.
  const projector = await context.newPage();
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await projector.goto(serve.screen('/projector'));
  await expect(projector.getByTestId('projector-agenda')).toBeVisible();
  // A controlled box: it is ticked when the server has answered.
  const onProjector = panel.getByLabel('投影显示“请按座次入座”');
  await onProjector.click();
  await expect(onProjector).toBeChecked();
  const screen = projector.getByTestId('seating-screen');
  await expect(screen).toBeVisible();
  await expect(screen.getByRole('heading')).toHaveText('请按座次入座');
  expect(
    await screen
      .locator('.seat')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-seat'))),
  ).toEqual(swapped);
  await projector.screenshot({ path: `${shots}/seating-projector-1920.png` });

  // A rostrum with five on it: the projector follows at once.
  await panel.getByLabel('布局').selectOption({ label: '主席台与台下排座' });
  await panel.getByLabel('主位人数（按排序前 N 位）').fill('5');
  await panel.getByLabel('主位人数（按排序前 N 位）').press('Enter');
  await expect(screen.getByText('主席台', { exact: true })).toBeVisible();
  await onProjector.click();
  await expect(onProjector).not.toBeChecked();
  await expect(screen).toBeHidden();
  await expect(projector.getByTestId('projector-agenda')).toBeVisible();

  // Back to the rule's order.
  await panel.getByLabel('布局').selectOption({ label: 'U 形会议桌' });
  await panel.getByLabel('主位人数（按排序前 N 位）').fill('3');
  await panel.getByLabel('主位人数（按排序前 N 位）').press('Enter');
  await panel.getByRole('button', { name: '恢复按排序排座' }).click();
  await expect.poll(order).toEqual(before);

  // A number is saved once, when the field is left: typing 12 sends 12, not 1 and then 12.
  const sent: unknown[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PATCH' && request.url().endsWith('/seating')) {
      sent.push(request.postDataJSON());
    }
  });
  const perRow = panel.getByLabel('每排座位数');
  await perRow.click();
  await perRow.press('ControlOrMeta+a');
  await perRow.pressSequentially('12');
  await perRow.press('Tab');
  await expect.poll(() => sent).toEqual([{ seatsPerRow: 12 }]);
  await expect(perRow).toHaveValue('12');
  // Cleared and left: nothing sent, the stored 12 back (not a silent 0).
  await perRow.fill('');
  await perRow.press('Tab');
  await expect(perRow).toHaveValue('12');
  // Over the contract's limit: the server's refusal at the field, the typed text kept to correct.
  await perRow.fill('101');
  await perRow.press('Enter');
  await expect(panel.getByRole('alert')).toHaveText('每排座位数超出允许范围：最多 100');
  await expect(perRow).toHaveValue('101');
  await expect(perRow).toHaveAttribute('aria-invalid', 'true');
  await perRow.press('Escape');
  await expect(perRow).toHaveValue('12');
  await expect(panel.getByRole('alert')).toBeHidden();
  expect(sent).toEqual([{ seatsPerRow: 12 }, { seatsPerRow: 101 }]);
  await page.reload();
  await expect(perRow).toHaveValue('12');

  // The door tablet's width: the page does not scroll sideways.
  await page.setViewportSize({ width: 1024, height: 768 });
  await panel.scrollIntoViewIfNeeded();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(seats.first()).toBeInViewport();
  await panel.screenshot({ path: `${shots}/seating-console-1024.png` });
});
