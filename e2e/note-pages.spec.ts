import { largeMeetingFile } from '../electron/server/test-support/large-meeting.ts';
import { expect, test } from './fixtures.ts';

test('the note view shows every note of a speaker with more notes than one page of the list', async ({
  page,
  serve,
}) => {
  // One speech with 1,234 notes: the list comes in pages of 1,000, the view follows them.
  const imported = await fetch(`${serve.origin}/api/meetings/import-bundle`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${serve.token}`, 'Content-Type': 'application/octet-stream' },
    body: largeMeetingFile(1, 1234),
  });
  expect(imported.status).toBe(201);
  const { meeting, items } = (await imported.json()) as {
    meeting: { id: string };
    items: { id: string }[];
  };
  await page.goto(serve.screen(`/notes?meeting=${meeting.id}&item=${items[0]?.id}`));
  await expect(page.getByTestId('note')).toHaveCount(1234, { timeout: 30_000 });
  await expect(page.getByTestId('note').last()).toContainText('（1234）');
});
