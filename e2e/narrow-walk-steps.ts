import type { Locator, Page } from '@playwright/test';
import type { Locale, MessageKey } from '../renderer/i18n/i18n.tsx';
import en from '../renderer/i18n/en.json' with { type: 'json' };
import zhCN from '../renderer/i18n/zh-CN.json' with { type: 'json' };
import { expect, test } from './fixtures.ts';
import { layoutProblems, textUnderName } from './layout-checks.ts';

/* The steps of the narrow-screen walk (narrow-screens.spec.ts): its checks, in each language. */

/**
 * Every language of the app, each walked in turn: English words are longer, and a button that
 * fits in Chinese may wrap or cut in English. A new locale is a type error here until its
 * catalog is added, and then it is walked.
 */
export const CATALOGS: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };
export const LANGUAGES = Object.keys(CATALOGS) as Locale[];

/** The catalog's words in `locale`: the walk finds buttons by the names they show. */
export const wordsOf = (locale: Locale) => (key: MessageKey) => CATALOGS[locale][key];
/** A name that starts with `text`: a button whose shortcut key follows its words. */
export const startingWith = (text: string) =>
  new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/**
 * Checks one screen in one state: nothing sideways, no button or heading text cut off, buttons a
 * finger can hit (soft, so one walk reports every screen that fails); the picture is attached
 * to be looked at.
 */
export async function checkScreen(page: Page, name: string, root = 'body', shot?: Locator | Page) {
  const problems = await layoutProblems(page, root, { pageScroll: root === 'body' });
  expect.soft(problems, name).toEqual([]);
  const file = test.info().outputPath(`${name}.png`);
  await (shot ?? page).screenshot({ path: file });
  await test.info().attach(name, { path: file, contentType: 'image/png' });
}

/**
 * A screen of the hall or the lectern in one state: checked as any screen, and the meeting's
 * name in its corner (on all but black) has nothing running into it.
 */
export async function checkStage(screen: Page, name: string) {
  // A name just revealed grows in from larger: it is looked at once it has settled.
  await expect
    .poll(() =>
      screen.evaluate(
        () =>
          document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
            .length,
      ),
    )
    .toBe(0);
  await checkScreen(screen, name);
  if (await screen.getByTestId('stage-meeting-name').isVisible()) {
    expect.soft(await textUnderName(screen), `${name}: text over the meeting's name`).toEqual([]);
  }
}

/** Switches the console's language as the organizer does; screens opened after it follow. */
export async function chooseLanguage(page: Page, locale: Locale) {
  const picker = page.locator('.locale-picker select');
  await picker.selectOption(locale);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  // The picker keeps the focus, and Space would change it instead of starting a speaker.
  await picker.blur();
}

const AGENDA_PANEL = '[data-console-panel="agenda"]';

/**
 * The 抽签 form, then the draw it makes, in `locale`: the hall's screen revealing the order and
 * the console's record of it, opened.
 */
export async function walkDraw(page: Page, projector: Page, locale: Locale, drawsBefore: number) {
  const t = wordsOf(locale);
  await page.getByRole('button', { name: t('draw.button') }).click();
  const form = page.getByRole('form', { name: t('draw.heading') });
  await expect(form).toBeVisible();
  const tools = page.locator('.order-tools');
  await checkScreen(page, `${locale}-console-draw-form`, AGENDA_PANEL, tools);
  // Drawing again asks first (window.confirm): every earlier record is kept.
  if (drawsBefore > 0) page.once('dialog', (question) => void question.accept());
  await form.getByRole('button', { name: t('draw.start') }).click();
  await expect(form).toBeHidden();
  const reveal = projector.getByTestId('draw-reveal');
  await expect(reveal).toBeVisible();
  // One name every 0.9 s: the whole order is up after about ten seconds, and held for eight.
  await expect(reveal.locator('li.hidden')).toHaveCount(0, { timeout: 20_000 });
  await checkStage(projector, `${locale}-screen-projector-draw-reveal`);
  const record = page.getByTestId('draw-record');
  await record.locator('summary').click();
  await expect(page.getByTestId('draw-seed')).toBeVisible();
  await checkScreen(page, `${locale}-console-draw-record`, AGENDA_PANEL, tools);
  await record.locator('summary').click();
}
