import { expect, test } from './fixtures.ts';

test('the console sends its run commands on its open WebSocket, not as HTTP requests', async ({
  page,
  serve,
}) => {
  const httpCommands: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/run\//.test(request.url())) {
      httpCommands.push(request.url());
    }
  });
  const calls: string[] = [];
  page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => {
      const message = JSON.parse(String(payload)) as { kind?: string; method?: string };
      if (message.kind === 'call') calls.push(message.method ?? '');
    });
  });
  await page.goto(serve.openUrl);
  await page.getByRole('button', { name: '载入示例会议' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('未开始');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('run-status')).toHaveText('发言中');
  await page.getByRole('button', { name: /^下一位/ }).click();
  await expect.poll(() => calls).toEqual(['run.next', 'run.next']);
  expect(httpCommands).toEqual([]);
});
