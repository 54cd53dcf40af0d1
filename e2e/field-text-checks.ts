import type { Page } from '@playwright/test';

/**
 * Text cut inside the form fields of `root` (a selector), in words a failure can print: an
 * input's value (its placeholder while empty), a select's chosen option, a textarea's
 * placeholder, each wider than the field shows. layoutProblems checks only elements' boxes, and
 * a field's text is cut inside its own box without anything spilling ("Organizati…").
 *
 * Each field is measured by a hidden twin beside it, with the same styles, sized to its content
 * (`field-sizing: content`): the room it needs then counts a select's arrow and a number's spin
 * buttons, which the field's content box does not. A textarea's value is left alone (a long text
 * scrolls in it by design), and fields without text of their own (checkbox, file, colour) too.
 */
export function fieldTextProblems(page: Page, root = 'body'): Promise<string[]> {
  return page.evaluate((selector) => {
    const container = document.querySelector(selector);
    if (!container) return [`no ${selector}`];
    const noText = new Set(['checkbox', 'radio', 'file', 'hidden', 'range', 'color', 'image']);
    const hidden = (el: HTMLElement) => {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return true;
      if (getComputedStyle(el).visibility === 'hidden') return true;
      if (el.closest('.visually-hidden') !== null) return true;
      const closed = el.closest('details:not([open])');
      return closed !== null && !closed.querySelector(':scope > summary')?.contains(el);
    };
    /** What the field shows, or null where its own text is not the point. */
    const shownText = (el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement) => {
      if (el instanceof HTMLSelectElement) return el.selectedOptions[0]?.text ?? '';
      if (el instanceof HTMLTextAreaElement) return el.value === '' ? el.placeholder : null;
      if (noText.has(el.type)) return null;
      return el.value === '' ? el.placeholder : el.value;
    };
    /** How the field is known to a person: its label, else its placeholder. */
    const labelOf = (el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement) =>
      el.getAttribute('aria-label') ??
      el.labels?.[0]?.textContent?.replace(/\s+/g, ' ').trim() ??
      el.getAttribute('placeholder') ??
      '';
    const out: string[] = [];
    const fields = container.querySelectorAll<
      HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement
    >('input, select, textarea');
    for (const el of fields) {
      if (hidden(el)) continue;
      const text = shownText(el);
      if (!text) continue;
      const twin = el.cloneNode(true) as typeof el;
      twin.removeAttribute('id');
      twin.removeAttribute('name');
      if (el instanceof HTMLSelectElement && twin instanceof HTMLSelectElement) {
        twin.selectedIndex = el.selectedIndex;
      } else if (!(el instanceof HTMLSelectElement)) {
        twin.value = el.value;
      }
      const style = getComputedStyle(el);
      const multiline = el instanceof HTMLTextAreaElement;
      Object.assign(twin.style, {
        position: 'absolute',
        visibility: 'hidden',
        fieldSizing: 'content',
        font: style.font,
        letterSpacing: style.letterSpacing,
        minWidth: '0',
        maxWidth: 'none',
        // A textarea wraps its placeholder: as wide as the field, as tall as the text needs.
        width: multiline ? `${el.offsetWidth}px` : 'auto',
        minHeight: '0',
        maxHeight: 'none',
        height: 'auto',
      });
      el.after(twin);
      const needs = multiline ? twin.offsetHeight : twin.offsetWidth;
      twin.remove();
      const has = multiline ? el.offsetHeight : el.offsetWidth;
      if (needs > has + 1) {
        const tag = el instanceof HTMLInputElement ? `input[${el.type}]` : el.tagName.toLowerCase();
        const side = multiline ? 'tall' : 'wide';
        out.push(
          `${tag} “${labelOf(el)}” cuts “${text.slice(0, 40)}”: needs ${needs} px ${side}, has ${has}`,
        );
      }
    }
    return out;
  }, root);
}
