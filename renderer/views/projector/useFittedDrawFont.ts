import { useLayoutEffect, useState, type RefObject } from 'react';

/** The names' size never goes below this (0.9rem): read from the back of a hall, still. */
const SMALLEST_PX = 14.4;
/**
 * A unit is kept on one line (深圳市龙岗区平湖街道党工委, never 深圳市龙岗区平湖街道党工 / 委) as
 * long as that leaves the names at least this share of their full size. A unit too long for
 * that (a 60-character full name) wraps where it must, and the names keep a readable size.
 */
const KEEP_WHOLE_SHARE = 0.6;
/** Enough halvings of the range to land within a pixel. */
const STEPS = 8;

/**
 * The size the drawn order's names are shown at: the largest at which the whole order, laid out
 * unseen in `sizer` exactly as the list will be once every name is in (same columns, the widest
 * ordinal), fits the height `room` leaves it, with no unit broken over two lines where that can
 * be helped. Measured with the screen's own fonts, in both languages, at any size of screen, and
 * again when the window changes size. Fitted once for the whole order, not for the names shown
 * so far: the size does not change as the names come, and no row's height tells the hall whose
 * name it will be.
 *
 * `sizer`: the list's twin, with class draw-sizer; its names overflow instead of breaking
 * while it has class keep-whole. `names`: changes when the names or their order do. Null
 * before the first fit.
 */
export function useFittedDrawFont(
  room: RefObject<HTMLElement | null>,
  sizer: RefObject<HTMLElement | null>,
  names: string,
): number | null {
  const [fontPx, setFontPx] = useState<number | null>(null);
  useLayoutEffect(() => {
    const fit = () => {
      const box = room.current;
      const twin = sizer.current;
      const firstRow = twin?.querySelector('li');
      if (!box || !twin || !firstRow) return;
      // The names' full size is the stylesheet's, as the list has it before any fit (app.css).
      twin.style.removeProperty('--draw-font');
      const full = Math.max(SMALLEST_PX, parseFloat(getComputedStyle(firstRow).fontSize));
      // A row's gap kept above the seed's line: filled to the pixel, the last row touched it.
      const height = box.clientHeight - (parseFloat(getComputedStyle(twin).rowGap) || 0);
      const fits = (px: number, keepWhole: boolean) => {
        twin.style.setProperty('--draw-font', `${px}px`);
        twin.classList.toggle('keep-whole', keepWhole);
        if (twin.scrollHeight > height) return false;
        if (!keepWhole) return true;
        // To the fraction of a pixel: a unit a hair too wide is broken in the list.
        const text = document.createRange();
        return [...twin.querySelectorAll('.draw-name')].every((name) => {
          text.selectNodeContents(name);
          return text.getBoundingClientRect().width <= name.getBoundingClientRect().width;
        });
      };
      const largest = (keepWhole: boolean): number | null => {
        let low = SMALLEST_PX;
        let high = full;
        if (fits(high, keepWhole)) return high;
        if (!fits(low, keepWhole)) return null;
        for (let step = 0; step < STEPS; step++) {
          const middle = (low + high) / 2;
          if (fits(middle, keepWhole)) low = middle;
          else high = middle;
        }
        return low;
      };
      const whole = largest(true);
      const chosen =
        whole !== null && whole >= full * KEEP_WHOLE_SHARE
          ? whole
          : (largest(false) ?? SMALLEST_PX);
      // Left as the list is: at its size, its names wrapping as the list's do.
      fits(chosen, false);
      setFontPx(chosen);
    };
    fit();
    window.addEventListener('resize', fit);
    // A face is fetched the first time a glyph needs it (the names' bold, on a screen that has
    // shown none before): measured with the stand-in face, the list came out taller than fitted.
    document.fonts.addEventListener('loadingdone', fit);
    return () => {
      window.removeEventListener('resize', fit);
      document.fonts.removeEventListener('loadingdone', fit);
    };
  }, [room, sizer, names]);
  return fontPx;
}
