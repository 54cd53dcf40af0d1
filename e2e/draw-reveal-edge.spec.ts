import type { Browser, Page } from '@playwright/test';
import { createEmptyMeeting } from './console-steps.ts';
import { expect, test } from './fixtures.ts';
import type { ServeProcess } from './serve-process.ts';
import type { Locale } from '../renderer/i18n/i18n.tsx';
import { REVEAL_STEP_MS } from '../renderer/views/projector/useDrawReveal.ts';

/*
 * The drawn order revealed on the hall's screen: the newest name animates in, and at no point
 * of that animation may it stand past the screen's edge or out of its row — at either size a
 * projector may have, with the longest units a meeting really has, in each language.
 */

/** A unit's full name as it is registered: 60 characters, and no space to wrap at. */
const LONG_UNIT =
  '深圳市龙岗区平湖街道党工委暨平湖街道社区党建联合会新时代文明实践所基层治理现代化综合改革试点工作领导小组办公室专项工作组';
/** The sample's other ten subdistricts, each under its district's and committee's full name. */
const SUBDISTRICTS = [
  '坪地',
  '横岗',
  '龙岗',
  '龙城',
  '布吉',
  '吉华',
  '坂田',
  '南湾',
  '宝龙',
  '园山',
];
/** A speakers file: the first unit given, then the ten subdistricts above in full. */
const speakersCsv = (firstUnit: string) =>
  [
    '发言单位,发言人,时长（分钟）',
    `${firstUnit},林一平,8`,
    ...SUBDISTRICTS.map(
      (s, i) => `深圳市龙岗区${s}街道党工委,欧阳${s}${'一二三四五六七八九十'[i]},8`,
    ),
  ].join('\n');

const PROJECTORS = [
  { width: 1920, height: 1080 },
  { width: 1024, height: 768 },
];

/**
 * A meeting of eleven speakers imported as an organizer would from a file: the first under
 * `firstUnit` (LONG_UNIT unless said), the ten above under their full names.
 */
async function meetingWithLongUnits(page: Page, serve: ServeProcess, firstUnit = LONG_UNIT) {
  expect(LONG_UNIT).toHaveLength(60);
  await createEmptyMeeting(page, serve.openUrl, '片区交流会');
  await page.getByLabel('从 Excel/CSV 导入…').setInputFiles({
    name: '发言安排.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(speakersCsv(firstUnit), 'utf8'),
  });
  const preview = page.getByRole('region', { name: '导入预览：发言安排.csv' });
  await preview.getByRole('button', { name: '导入 11 行' }).click();
  await expect(page.getByTestId('agenda-totals')).toContainText('共 11 项');
  return new URL(page.url()).searchParams.get('meeting');
}

interface ProjectorOptions {
  locale?: Locale;
  reducedMotion?: 'reduce' | 'no-preference';
}

/**
 * A projector in a context of its own whose timers stand still until the test moves them: the
 * names are revealed one step at a time, when the test says.
 */
async function openProjector(
  browser: Browser,
  serve: ServeProcess,
  meetingId: string | null,
  size: { width: number; height: number },
  { locale = 'zh-CN', reducedMotion = 'no-preference' }: ProjectorOptions = {},
) {
  const context = await browser.newContext({ viewport: size, reducedMotion });
  // The screen's language, as the organizer chose it on this device.
  await context.addInitScript(
    (chosen) => localStorage.setItem('roundtable.locale', chosen),
    locale,
  );
  await context.clock.install({ time: new Date('2026-11-25T09:00:00+08:00') });
  const screen = await context.newPage();
  await screen.goto(serve.screen(`/projector?meeting=${meetingId}`));
  await expect(screen.getByTestId('projector-title')).toBeVisible();
  await expect(screen.locator('html')).toHaveAttribute('lang', locale);
  await screen.clock.pauseAt(new Date('2026-11-25T09:10:00+08:00'));
  // The clock above holds the page's timers, not its animations: those are held at their start
  // as DevTools holds them, so a slow machine cannot let one finish before it is looked at.
  const devtools = await context.newCDPSession(screen);
  await devtools.send('Animation.enable');
  await devtools.send('Animation.setPlaybackRate', { playbackRate: 0 });
  return screen;
}

/** Where along its entrance the newest name is looked at, as fractions of the animation. */
const POINTS = [0, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 1];

/**
 * The newest name's entrance, stopped at each point in turn: every place its box crosses the
 * screen's edge or its row's, with the point and by how much. Its animations are paused and
 * moved by hand (Web Animations), so nothing depends on how fast the page runs.
 */
function overshoots(screen: Page, index: number) {
  return screen.evaluate(
    ({ index, points }) => {
      const row = document.querySelectorAll('.draw-reveal-list:not(.draw-sizer) li')[index]!;
      const name = row.querySelector('.draw-name')!;
      const animations = name.getAnimations();
      // Kept to be stopped halfway again for a picture: once at its end, the page lists it no more.
      (window as { newestEntrance?: Animation[] }).newestEntrance = animations;
      for (const a of animations) a.pause();
      const found: string[] = [];
      const look = (at: string) => {
        const box = name.getBoundingClientRect();
        const within = row.getBoundingClientRect();
        const edges = [
          ['left of the screen', -box.left],
          ['right of the screen', box.right - window.innerWidth],
          ['above the screen', -box.top],
          ['below the screen', box.bottom - window.innerHeight],
          ['left of its row', within.left - box.left],
          ['right of its row', box.right - within.right],
        ] as const;
        for (const [where, by] of edges) {
          if (by > 1) found.push(`${name.textContent} at ${at}: ${Math.round(by)}px ${where}`);
        }
      };
      if (animations.length === 0) look('rest');
      for (const point of points) {
        for (const a of animations) {
          const end = a.effect!.getComputedTiming().endTime as number;
          a.currentTime = end * point;
        }
        look(`${Math.round(point * 100)}%`);
      }
      return { found, animated: animations.length > 0 };
    },
    { index, points: POINTS },
  );
}

/**
 * The names of a column that do not start where its first does, by how much: 第 10 位 and
 * 第 11 位 (Speaker 10, 11) are wider than 第 9 位, and put their names a little to the right.
 */
function ragged(screen: Page) {
  return screen.evaluate(() => {
    const columns = new Map<number, { name: string; left: number }[]>();
    for (const row of document.querySelectorAll('.draw-reveal-list:not(.draw-sizer) li')) {
      const name = row.querySelector('.draw-name')!;
      const column = Math.round(row.getBoundingClientRect().left);
      const names = columns.get(column) ?? [];
      names.push({ name: name.textContent ?? '', left: name.getBoundingClientRect().left });
      columns.set(column, names);
    }
    return [...columns.values()].flatMap((names) =>
      names
        .filter((n) => Math.abs(n.left - names[0]!.left) > 0.5)
        .map((n) => `${n.name}: ${(n.left - names[0]!.left).toFixed(1)}px off its column`),
    );
  });
}

/**
 * The names whose unit was broken over two lines though it fits one: what comes before the
 * name's last space (the unit) is looked at line by line through the text's own boxes.
 */
function unitsBroken(screen: Page) {
  return screen.evaluate(() => {
    const broken: string[] = [];
    for (const name of document.querySelectorAll('.draw-reveal-list li.shown .draw-name')) {
      const text = name.firstChild as Text;
      const unitLength = text.data.lastIndexOf(' ');
      if (unitLength <= 0) continue;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, unitLength);
      const lines = new Set([...range.getClientRects()].map((box) => Math.round(box.top)));
      if (lines.size > 1) broken.push(`${text.data}: its unit over ${lines.size} lines`);
    }
    return broken;
  });
}

/** The rows that reach into the seed's line at the foot of the screen, or past the screen. */
function rowsOffScreen(screen: Page) {
  return screen.evaluate(() => {
    const seedTop = document.querySelector('.draw-seed')!.getBoundingClientRect().top;
    return [...document.querySelectorAll('.draw-reveal-list:not(.draw-sizer) li')]
      .filter((row) => row.getBoundingClientRect().bottom > Math.min(seedTop, window.innerHeight))
      .map((row) => row.textContent ?? '');
  });
}

async function drawLots(page: Page, again: boolean) {
  await page.getByRole('button', { name: '抽签排序…' }).click();
  const form = page.getByRole('form', { name: '抽签确定发言顺序' });
  await form.getByLabel('抽签人').fill('会务组 小王');
  if (again) page.once('dialog', (question) => void question.accept());
  await form.getByRole('button', { name: '开始抽签' }).click();
  await expect(form).toBeHidden();
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`each drawn name stays on the projector while it animates in (${locale})`, async ({
    page,
    serve,
    browser,
  }) => {
    const meetingId = await meetingWithLongUnits(page, serve);
    for (const [n, size] of PROJECTORS.entries()) {
      const screen = await openProjector(browser, serve, meetingId, size, { locale });
      await drawLots(page, n > 0);
      const reveal = screen.getByTestId('draw-reveal');
      await expect(reveal).toBeVisible();
      const found: string[] = [];
      for (let index = 0; index < 11; index++) {
        await screen.clock.runFor(REVEAL_STEP_MS);
        await expect(reveal.locator('li.shown')).toHaveCount(index + 1);
        const seen = await overshoots(screen, index);
        expect(seen.animated, 'the newest name animates in').toBe(true);
        found.push(...seen.found);
        const newest = reveal.locator('li.shown .draw-name').nth(index);
        if ((await newest.textContent())!.startsWith(LONG_UNIT)) {
          await attachMidway(screen, `${locale}-${size.width}x${size.height}`);
        }
      }
      expect(found, `${size.width}×${size.height}`).toEqual([]);
      expect(await ragged(screen), `${size.width}×${size.height}`).toEqual([]);
      expect(await rowsOffScreen(screen), `${size.width}×${size.height}`).toEqual([]);
      await attachScreen(screen, `${locale}-${size.width}x${size.height}-at-rest`);
      await screen.context().close();
    }
  });
}

/** The screen with the newest name halfway in, to be looked at. */
async function attachMidway(screen: Page, name: string) {
  const moveTo = (point: number) =>
    screen.evaluate((point) => {
      for (const a of (window as { newestEntrance?: Animation[] }).newestEntrance!) {
        a.currentTime = (a.effect!.getComputedTiming().endTime as number) * point;
      }
    }, point);
  await moveTo(0.25);
  await attachScreen(screen, `${name}-mid-animation`);
  await moveTo(1);
}

/** The screen as the hall sees it, kept with the test's results to be looked at. */
async function attachScreen(screen: Page, name: string) {
  const file = test.info().outputPath(`${name}.png`);
  await screen.screenshot({ path: file, animations: 'allow' });
  await test.info().attach(name, { path: file, contentType: 'image/png' });
}

test('a projector that asks for reduced motion gets each drawn name without the movement', async ({
  page,
  serve,
  browser,
}) => {
  const meetingId = await meetingWithLongUnits(page, serve);
  const screen = await openProjector(browser, serve, meetingId, PROJECTORS[1]!, {
    reducedMotion: 'reduce',
  });
  await drawLots(page, false);
  const reveal = screen.getByTestId('draw-reveal');
  await expect(reveal).toBeVisible();
  for (let index = 0; index < 11; index++) {
    await screen.clock.runFor(REVEAL_STEP_MS);
    await expect(reveal.locator('li.shown')).toHaveCount(index + 1);
    const seen = await overshoots(screen, index);
    expect(seen, `name ${index + 1}`).toEqual({ found: [], animated: false });
  }
  await attachScreen(screen, 'reduced-motion-1024x768');
});

test('units written in full, each of which fits a line, are never broken inside: the names get smaller first', async ({
  page,
  serve,
  browser,
}) => {
  // 深圳市龙岗区平湖街道党工委 林一平: 13 characters of unit, the way a district writes them.
  const meetingId = await meetingWithLongUnits(page, serve, '深圳市龙岗区平湖街道党工委');
  for (const [n, size] of PROJECTORS.entries()) {
    const screen = await openProjector(browser, serve, meetingId, size, {
      reducedMotion: 'reduce',
    });
    await drawLots(page, n > 0);
    const reveal = screen.getByTestId('draw-reveal');
    await expect(reveal).toBeVisible();
    for (let index = 0; index < 11; index++) {
      await screen.clock.runFor(REVEAL_STEP_MS);
      await expect(reveal.locator('li.shown')).toHaveCount(index + 1);
    }
    expect(await unitsBroken(screen), `${size.width}×${size.height}`).toEqual([]);
    expect(await ragged(screen), `${size.width}×${size.height}`).toEqual([]);
    expect(await rowsOffScreen(screen), `${size.width}×${size.height}`).toEqual([]);
    await attachScreen(screen, `full-units-${size.width}x${size.height}`);
    await screen.context().close();
  }
});
