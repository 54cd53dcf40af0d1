import { expect, test } from './fixtures.ts';

/** React reports every commit to this hook when it exists before React loads. */
const COUNT_COMMITS = `
  window.__commits = 0;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, renderers: new Map(), inject() { return 1; },
    onCommitFiberRoot() { window.__commits += 1; }, onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {}, checkDCE() {},
  };
`;

test('while a speech runs and nobody acts, the console and the note screen stay quiet', async ({
  page,
  serve,
}) => {
  await page.addInitScript(COUNT_COMMITS);
  await page.goto(serve.openUrl);
  await page.getByRole('button', { name: '载入示例会议' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('未开始');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('run-status')).toHaveText('发言中');
  const meetingId = new URL(page.url()).searchParams.get('meeting');
  const notes = await page.context().newPage();
  await notes.addInitScript(COUNT_COMMITS);
  await notes.goto(serve.screen(`/notes?meeting=${meetingId}`));
  await expect(notes.getByTestId('notes-speaker')).toContainText('主持人开场');
  await page.waitForTimeout(1000);

  const requests: string[] = [];
  for (const p of [page, notes]) p.on('request', (r) => requests.push(r.url()));
  const before = await Promise.all([page, notes].map((p) => p.evaluate('window.__commits')));
  await page.waitForTimeout(3000);
  const after = await Promise.all([page, notes].map((p) => p.evaluate('window.__commits')));

  // Nothing is fetched: changes arrive as events, and the clock is drawn from facts.
  expect(requests).toEqual([]);
  // The console's elapsed time changes once a second; nothing else re-renders.
  expect((after[0] as number) - (before[0] as number)).toBeLessThanOrEqual(8);
  expect((after[1] as number) - (before[1] as number)).toBeLessThanOrEqual(2);
});
