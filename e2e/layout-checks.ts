import { expect, test, type Page } from '@playwright/test';
import { fieldTextProblems } from './field-text-checks.ts';

/** A finger on a tablet: buttons shorter than this are hard to hit. */
export const MIN_BUTTON_HEIGHT = 32;

/**
 * What does not fit in `root` (a selector; the whole page by default), in words a failure can
 * print: the page scrolling sideways, a table scrolling sideways inside its own box, a short
 * word (a unit, a name, up to six characters) broken over lines anywhere, anything reaching past
 * the root's right edge or the window's, a button's or heading's text spilling out of its own
 * box or cut off by a box that hides overflow, buttons shorter than MIN_BUTTON_HEIGHT, and text
 * cut inside a form field (fieldTextProblems).
 * Things inside a box that scrolls are reachable by scrolling it and are left alone; hidden
 * things (and what a closed <details> holds) too.
 */
export async function layoutProblems(
  page: Page,
  root = 'body',
  {
    minButtonHeight = MIN_BUTTON_HEIGHT,
    pageScroll = true,
  }: {
    minButtonHeight?: number;
    /** Off for a part of a page whose whole was checked: the part names its own culprit. */
    pageScroll?: boolean;
  } = {},
): Promise<string[]> {
  const boxes = await page.evaluate(
    ({ selector, minHeight, wholePage }) => {
      const html = document.scrollingElement ?? document.documentElement;
      const container = document.querySelector(selector);
      if (!container) return [`no ${selector}`];
      const out: string[] = [];
      if (wholePage && html.scrollWidth > html.clientWidth) {
        out.push(`the page scrolls sideways: ${html.scrollWidth} > ${html.clientWidth}`);
      }
      const name = (el: Element) => {
        const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 24);
        const label = el.getAttribute('aria-label');
        const cls = typeof el.className === 'string' && el.className ? `.${el.className}` : '';
        return `${el.tagName.toLowerCase()}${cls} “${label ?? text}”`;
      };
      const hidden = (el: Element) => {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) return true;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || el.closest('.visually-hidden') !== null) return true;
        // What a closed <details> holds still has boxes (squeezed to the summary's width), yet
        // nobody sees it until it is opened: only its summary is on the screen.
        const closed = el.closest('details:not([open])');
        return (
          closed !== null &&
          closed !== el &&
          !closed.querySelector(':scope > summary')?.contains(el)
        );
      };
      /** The nearest box that scrolls or hides what overflows it, and whether it scrolls. */
      const clipperOf = (el: Element) => {
        for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
          const { overflowX, overflowY } = getComputedStyle(up);
          if (overflowX === 'visible' && overflowY === 'visible') continue;
          const scrolls = [overflowX, overflowY].some((o) => o === 'auto' || o === 'scroll');
          return { box: up.getBoundingClientRect(), scrolls };
        }
        return null;
      };
      /** How many lines each of an element's own pieces of text takes. */
      const textLines = (el: Element, own = false) => {
        const counts: number[] = [];
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (own && node.parentElement !== el) continue;
          if (!node.textContent?.trim()) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          const tops = [...range.getClientRects()].map((r) => r.top).sort((a, b) => a - b);
          counts.push(tops.filter((top, k) => k === 0 || top - (tops[k - 1] ?? top) > 4).length);
        }
        return counts;
      };
      const edge = Math.min(html.clientWidth, container.getBoundingClientRect().right);
      // A table wider than the box it scrolls in: the page-level checks pass, yet its right-hand
      // columns (a row's 保存 or 删除) are out of sight until the user scrolls the box sideways.
      for (const table of container.querySelectorAll('table')) {
        if (hidden(table)) continue;
        const box = table.parentElement;
        if (box && box.scrollWidth > box.clientWidth + 1) {
          out.push(
            `${name(table)} scrolls sideways in its box: ${box.scrollWidth} > ${box.clientWidth}`,
          );
        }
      }
      // A short word (平湖街道, 党工委书记, 林一平) broken in two, in a table's cell or anywhere:
      // 平湖街/道. Words are what whitespace separates; up to six characters, read whole.
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || hidden(parent)) continue;
        for (const word of (node.textContent ?? '').matchAll(/\S+/g)) {
          if (word[0].length > 6) continue;
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const tops = [...range.getClientRects()]
            .filter((r) => r.width > 0)
            .map((r) => r.top)
            .sort((a, b) => a - b);
          const lines = tops.filter((top, k) => k === 0 || top - (tops[k - 1] ?? top) > 4).length;
          if (lines > 1) out.push(`“${word[0]}” broken over ${lines} lines in ${name(parent)}`);
        }
      }
      for (const el of container.querySelectorAll('*')) {
        if (hidden(el)) continue;
        // Text in a column squeezed to a character or two a line.
        const size = parseFloat(getComputedStyle(el).fontSize);
        const lines = Math.max(0, ...textLines(el, true));
        if (lines >= 3 && el.getBoundingClientRect().width < 4 * size) {
          out.push(
            `${name(el)} squeezed to ${lines} lines ${Math.round(el.getBoundingClientRect().width)} px wide`,
          );
        }
        const box = el.getBoundingClientRect();
        const clipper = clipperOf(el);
        if (clipper?.scrolls) continue;
        if (box.right > edge + 1 || box.left < -1) {
          out.push(`${name(el)} reaches past the edge: ${Math.round(box.right)} > ${edge}`);
        }
      }
      for (const el of container.querySelectorAll<HTMLElement>(
        'button, summary, [role="button"], h1, h2, h3, h4',
      )) {
        if (hidden(el)) continue;
        const box = el.getBoundingClientRect();
        // A heading or button whose text is wider or taller than its own box.
        if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
          out.push(`${name(el)} text wider than its box: ${el.scrollWidth} > ${el.clientWidth}`);
        }
        // Taller text only matters where the box hides it: a tight line-height lets glyphs
        // stand out of their line without anything being lost.
        const { overflowY } = getComputedStyle(el);
        if (overflowY !== 'visible' && el.scrollHeight > el.clientHeight + 1) {
          out.push(`${name(el)} text cut at its box: ${el.scrollHeight} > ${el.clientHeight}`);
        }
        if (el.matches('button, summary, [role="button"]')) {
          // A command's few words stay on one line; a long title in a list button may wrap.
          const short = (el.textContent ?? '').trim().length <= 12;
          for (const lines of short ? textLines(el) : []) {
            if (lines > 1) out.push(`${name(el)} label broken over ${lines} lines`);
          }
        }
        const clipper = clipperOf(el);
        if (
          clipper &&
          !clipper.scrolls &&
          (box.right > clipper.box.right + 1 ||
            box.left < clipper.box.left - 1 ||
            box.bottom > clipper.box.bottom + 1)
        ) {
          out.push(`${name(el)} cut off by the box around it`);
        }
        const isButton = el.matches('button, summary, [role="button"]');
        if (isButton && box.height < minHeight) {
          out.push(`${name(el)} is ${Math.round(box.height)} px tall, under ${minHeight}`);
        }
      }
      return [...new Set(out)];
    },
    { selector: root, minHeight: minButtonHeight, wholePage: pageScroll },
  );
  return [...boxes, ...(await fieldTextProblems(page, root))];
}

/**
 * Nothing in `root` (the part of the screen this feature changed) reaches past its right edge or
 * the window's, and the page does not scroll sideways.
 */
export async function expectNoOverflow(page: Page, name: string, root = 'body') {
  const spill = await page.evaluate((selector) => {
    const html = document.documentElement;
    const container = document.querySelector(selector);
    if (!container) return [`no ${selector}`];
    const edge = Math.min(html.clientWidth, container.getBoundingClientRect().right);
    const out: string[] = [];
    if (html.scrollWidth > html.clientWidth)
      out.push(`page ${html.scrollWidth} > ${html.clientWidth}`);
    for (const el of container.querySelectorAll<HTMLElement>('*')) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > edge + 1) {
        out.push(
          `${el.tagName}.${el.className} ${el.textContent?.slice(0, 20)}: ${box.right} > ${edge}`,
        );
      }
    }
    return out.slice(0, 5);
  }, root);
  expect(spill, name).toEqual([]);
  await test.info().attach(name, { body: await page.screenshot(), contentType: 'image/png' });
}

/** Whether any text on the page other than the meeting's name runs into the name. */
export function textUnderName(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const name = document.querySelector('[data-testid="stage-meeting-name"]');
    if (!name) return ['no name shown'];
    const box = name.getBoundingClientRect();
    const hits: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim() || name.contains(node)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        const apart =
          r.right <= box.left || r.left >= box.right || r.bottom <= box.top || r.top >= box.bottom;
        if (!apart) hits.push(node.textContent.trim());
      }
    }
    return hits;
  });
}
