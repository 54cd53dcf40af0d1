import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { textUnderName } from './layout-checks.ts';
import { expect, test } from './fixtures.ts';
import { SAMPLE_DATE, type ServeProcess } from './serve-process.ts';

const SIZES = [
  [1024, 768],
  [1280, 720],
  [1920, 1080],
] as const;

function organizer(serve: ServeProcess) {
  return async <T>(method: string, url: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${serve.origin}${url}`, {
      method,
      headers: { Authorization: `Bearer ${serve.token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(res.ok, `${method} ${url}`).toBe(true);
    return (await res.json()) as T;
  };
}

type People = { participants: { id: string; name: string }[] };

/**
 * What a hall would not read: a seat's name wider than its seat (cut), a seat outside the
 * screen, two seats on each other, and any text running into the meeting's name at the foot.
 */
async function seatingProblems(page: Page): Promise<string[]> {
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    const seats = [...document.querySelectorAll<HTMLElement>('.seating-screen .seat')];
    const boxes = seats.map((seat) => seat.getBoundingClientRect());
    seats.forEach((seat, i) => {
      const box = boxes[i] as DOMRect;
      const label = seat.getAttribute('data-seat');
      const name = seat.querySelector<HTMLElement>('.seat-name');
      if (!name) return out.push(`${label}: no name`);
      const own = name.getBoundingClientRect();
      if (name.scrollWidth > name.clientWidth + 1 || own.left < box.left || own.right > box.right) {
        out.push(`${label}: name cut (${Math.round(own.width)} in ${Math.round(box.width)})`);
      }
      if (box.left < 0 || box.top < 0 || box.right > innerWidth || box.bottom > innerHeight) {
        out.push(`${label}: off the screen`);
      }
      for (let j = i + 1; j < seats.length; j++) {
        const other = boxes[j] as DOMRect;
        const apart =
          box.right <= other.left ||
          other.right <= box.left ||
          box.bottom <= other.top ||
          other.bottom <= box.top;
        if (!apart) out.push(`${label} overlaps ${seats[j]?.getAttribute('data-seat')}`);
      }
    });
    return out;
  });
  const underName = await textUnderName(page);
  return [...problems, ...underName.map((text) => `“${text}” runs into the meeting's name`)];
}

test('请按座次入座 on a 4:3 projector and on wide ones: every name whole, no seat on another, the meeting’s name clear, 13 people and 42', async ({
  context,
  serve,
}) => {
  const api = organizer(serve);
  const made = await api<{ meeting: { id: string } }>('POST', '/api/meetings/sample', {
    date: SAMPLE_DATE,
  });
  const meeting = made.meeting.id;
  const base = `/api/meetings/${meeting}`;
  // The sample's eleven secretaries from the roster, then the leader and the presider first.
  await api('POST', `${base}/participants/from-roster`);
  await api('POST', `${base}/participants`, { name: '张勇', organization: '龙岗区委' });
  const all = await api<People>('POST', `${base}/participants`, {
    name: '戴斌',
    organization: '区委组织部',
  });
  const ids = all.participants.map((p) => p.id);
  await api('POST', `${base}/participants/reorder`, {
    participantIds: [...ids.slice(-2), ...ids.slice(0, -2)],
  });
  await api('PATCH', `${base}/seating`, { layout: 'u-shape', headCount: 3, onProjector: true });

  const projector = await context.newPage();
  const shots = test.info().outputPath();
  fs.mkdirSync(shots, { recursive: true });
  /** Checks the chart at every size, once the projector shows `count` seats as `layout`. */
  const check = async (label: string, count: number, layout: 'rostrum' | 'table') => {
    const screen = projector.getByTestId('seating-screen');
    // The layout's own caption: the screen has caught up with the change just sent.
    const rostrum = screen.getByText('主席台', { exact: true });
    await expect(rostrum).toHaveCount(layout === 'rostrum' ? 1 : 0);
    for (const [width, height] of SIZES) {
      await projector.setViewportSize({ width, height });
      await expect(screen.locator('.seat')).toHaveCount(count);
      await expect(projector.getByTestId('stage-meeting-name')).toBeVisible();
      const at = `${label} ${width}×${height}`;
      expect(await seatingProblems(projector), at).toEqual([]);
      const body = await projector.screenshot({
        path: path.join(shots, `seating-projector-${label}-${width}x${height}.png`),
      });
      await test.info().attach(at, { body, contentType: 'image/png' });
    }
  };
  await projector.goto(serve.screen('/projector'));
  await expect(projector.getByTestId('seating-screen')).toBeVisible();
  await check('13-u-shape', 13, 'table');
  await api('PATCH', `${base}/seating`, { layout: 'rostrum', headCount: 5, seatsPerRow: 8 });
  await check('13-rostrum', 13, 'rostrum');

  // A larger meeting: 42 seated, a 回字形 table with 列席 behind.
  for (let n = 14; n <= 42; n++) {
    await api('POST', `${base}/participants`, {
      name: n % 5 === 0 ? `欧阳${n}号` : `代表${n}`,
      organization: `第${n}街道党工委`,
      role: n > 34 ? 'observer' : 'attendee',
    });
  }
  await api('PATCH', `${base}/seating`, {
    layout: 'hollow-square',
    headCount: 5,
    seatsPerSide: 8,
    seatsPerRow: 10,
  });
  await check('42-hollow-square', 42, 'table');
  await api('PATCH', `${base}/seating`, { layout: 'rostrum', headCount: 7, seatsPerRow: 12 });
  await check('42-rostrum', 42, 'rostrum');
});
