import type { Page } from '@playwright/test';
import fs from 'node:fs';
import { mountSmallTmpfs, type SmallTmpfs } from '../electron/server/test-support/small-tmpfs.ts';
import { expect, test } from './fixtures.ts';
import { SAMPLE_DATE, startServe, type ServeProcess } from './serve-process.ts';

/**
 * A note-taker writes while the disk of the server's computer is full (a real 2 MiB tmpfs as
 * the data folder, filled to the last byte): the note is refused in plain Chinese and stays in
 * the composer; once there is space, Enter saves it, with no reload and no restart.
 */
let disk: SmallTmpfs | undefined;
let serve: ServeProcess | undefined;
test.afterEach(async () => {
  await serve?.stop();
  disk?.unmount();
  serve = undefined;
  disk = undefined;
});

async function api(server: ServeProcess, route: string, body: object) {
  const res = await fetch(`${server.origin}${route}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const bigNote = (n: number, extra = 0) =>
  `第${n}条：${'以实干论英雄，我当网格员。'.repeat(250 + extra)}`;
const composer = (page: Page) => page.getByRole('textbox', { name: /记录要点/ });

test('a note refused for a full disk says so and stays in the composer; Enter saves it once there is space', async ({
  page,
}) => {
  const mount = mountSmallTmpfs('2m');
  if ('cannot' in mount) {
    if (process.env.CI) throw new Error(`CI must run the disk-full spec, but ${mount.cannot}`);
    test.skip(true, mount.cannot);
    return;
  }
  disk = mount;
  serve = await startServe(mount.dir);
  const sample = (await api(serve, '/api/meetings/sample', { date: SAMPLE_DATE })).body as {
    meeting: { id: string };
    items: { id: string }[];
  };
  const meetingId = sample.meeting.id;
  await api(serve, `/api/meetings/${meetingId}/run/next`, {});
  await api(serve, `/api/meetings/${meetingId}/run/next`, {}); // 平湖 is speaking
  const notesRoute = `/api/meetings/${meetingId}/items/${sample.items[1]?.id}/notes`;

  await page.goto(serve.screen(`/notes?meeting=${meetingId}`));
  await page.getByLabel('记录人').fill('记录人甲');
  await expect(page.getByTestId('notes-speaker')).toContainText('平湖街道');

  // Full to the last byte, and what room the WAL had left used up by other note-takers.
  const filler = mount.fill();
  let n = 1;
  while ((await api(serve, notesRoute, { kind: 'takeaway', text: bigNote(n) })).status === 201) {
    expect(n++).toBeLessThan(100);
  }

  const text = bigNote(n, 20); // larger than the one just refused: it cannot fit either
  await composer(page).fill(text);
  await composer(page).press('Enter');
  await expect(page.getByTestId('save-status')).toContainText('磁盘空间不足，本条未保存');
  await expect(composer(page)).toHaveValue(text);
  await expect(page.getByTestId('note').filter({ hasText: `第${n}条` })).toHaveCount(0);

  fs.rmSync(filler);
  await composer(page).press('Enter');
  await expect(page.getByTestId('save-status')).toHaveText('已保存');
  await expect(composer(page)).toHaveValue('');
  await expect(page.getByTestId('note').filter({ hasText: `第${n}条` })).toHaveCount(1);
});
