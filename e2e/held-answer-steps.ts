import type { APIResponse, Page, Route } from '@playwright/test';
import { expect } from './fixtures.ts';

/** A header the test adds to an answer it held back, so the page can tell it apart. */
const HELD_BACK = 'x-test-held-back';

interface PageMarks {
  heldBackAnswerRead?: boolean;
}

/** In the page: marks when it has read the body of an answer carrying the held-back header. */
function markHeldBackInPage(heldBack: string): void {
  const fetchOfPage = window.fetch.bind(window);
  window.fetch = async (...args) => {
    const response = await fetchOfPage(...args);
    if (!response.headers.has(heldBack)) return response;
    const readBody = response.json.bind(response);
    response.json = async () => {
      const body: unknown = await readBody();
      (window as PageMarks).heldBackAnswerRead = true;
      return body;
    };
    return response;
  };
}

/**
 * Lets the page tell when it has taken in an answer the test held back (landHeldAnswer): in the
 * document it shows now, and in any it loads later.
 */
export async function markHeldBackAnswers(page: Page): Promise<void> {
  await page.addInitScript(markHeldBackInPage, HELD_BACK);
  await page.evaluate(markHeldBackInPage, HELD_BACK);
}

/**
 * Lets an answer held back with page.route land, and waits until the page has read it and
 * drawn what it does with it (that takes only the page's own turns, which two animation frames
 * see through).
 */
export async function landHeldAnswer(page: Page, route: Route, answer: APIResponse) {
  await page.evaluate(() => ((window as PageMarks).heldBackAnswerRead = false));
  await route.fulfill({ response: answer, headers: { ...answer.headers(), [HELD_BACK]: '1' } });
  await expect
    .poll(() => page.evaluate(() => (window as PageMarks).heldBackAnswerRead === true))
    .toBe(true);
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
}
