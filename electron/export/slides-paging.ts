import { slideLines } from './text-fit.ts';

/** Paragraph style of a list slide; the line pitch is exact (PowerPoint's spcPts). */
export interface TextStyle {
  fontPt: number;
  linePt: number;
  gapPt: number;
}

/** One paragraph of a list slide: a bold label ("★数据：", "一、") and its text. */
export interface SlideBullet {
  label: string;
  starred: boolean;
  text: string;
  /** This is the rest of a paragraph begun on the slide before: no label. */
  continued: boolean;
}

export const bulletPrefix = (bullet: SlideBullet) =>
  bullet.continued ? '' : `${bullet.starred ? '★' : ''}${bullet.label}`;

/** The lines a paragraph takes, label included, in a box `widthIn` wide. */
export const bulletLines = (bullet: SlideBullet, widthIn: number, style: TextStyle) =>
  slideLines(bulletPrefix(bullet) + bullet.text, widthIn, style.fontPt).length;

/** Sentences (ending in 。；！？ and their closing quotes), or, finer, phrases (，、：). */
const SENTENCE = /[^。；！？!?;]*[。；！？!?;]+[”’」』）)]*|[^。；！？!?;]+$/gu;
const PHRASE = /[^，、：,:]*[，、：,:]+[”’」』）)]*|[^，、：,:]+$/gu;

/**
 * A paragraph too tall for a whole slide, cut into pieces that each fit one: between sentences
 * where it can, between phrases where a sentence alone is too tall, between lines only for a
 * phrase taller than a slide. Never in the middle of a phrase ("在土地 | 整备").
 */
export function splitAtPunctuation(
  bullet: SlideBullet,
  capacityPt: number,
  widthIn: number,
  style: TextStyle,
): SlideBullet[] {
  const fits = (text: string, continued: boolean) =>
    bulletLines({ ...bullet, text, continued }, widthIn, style) * style.linePt <= capacityPt;
  const units = (bullet.text.match(SENTENCE) ?? [bullet.text]).flatMap((sentence) =>
    fits(sentence, true) ? [sentence] : (sentence.match(PHRASE) ?? [sentence]),
  );
  const pieces: SlideBullet[] = [];
  let current = '';
  const flush = () => {
    if (current)
      pieces.push({ ...bullet, text: current, continued: bullet.continued || pieces.length > 0 });
    current = '';
  };
  for (const unit of units) {
    const continued = bullet.continued || pieces.length > 0;
    if (fits(current + unit, continued)) {
      current += unit;
    } else if (current && fits(unit, true)) {
      flush();
      current = unit;
    } else {
      // A phrase taller than a slide: only lines can divide it.
      flush();
      const perSlide = Math.max(1, Math.floor(capacityPt / style.linePt));
      const lines = slideLines(unit, widthIn, style.fontPt);
      for (let at = 0; at < lines.length; at += perSlide) {
        current = lines.slice(at, at + perSlide).join('');
        if (at + perSlide < lines.length) flush();
      }
    }
  }
  flush();
  return pieces;
}

interface Page {
  bullets: SlideBullet[];
  /** The index of the paragraph each bullet is (or is a piece of). */
  sources: number[];
  heights: number[];
}

const usedPt = (page: Page, style: TextStyle) =>
  page.heights.reduce((sum, height) => sum + height + style.gapPt, 0);

export interface BulletPages {
  pages: SlideBullet[][];
  /** How many paragraphs did not fit in `maxPages` and stay in the minutes only. */
  leftOut: number;
}

/**
 * Lays paragraphs onto slides of `capacityPt` each, at most `maxPages`. A paragraph is never
 * split between slides unless alone it is taller than one (then at punctuation); one that no
 * longer fits in `maxPages` is left out with all after it (the order is kept), and the last
 * slide keeps a line for saying so. The last slide never holds a single line alone when the
 * slide before can spare it a paragraph.
 */
export function paginateBullets(
  bullets: readonly SlideBullet[],
  capacityPt: number,
  widthIn: number,
  style: TextStyle,
  maxPages = Number.POSITIVE_INFINITY,
  firstCapacityPt = capacityPt,
): BulletPages {
  const capacityOf = (pageIndex: number) => (pageIndex === 0 ? firstCapacityPt : capacityPt);
  const heightOf = (bullet: SlideBullet) => bulletLines(bullet, widthIn, style) * style.linePt;
  let pages: Page[] = [];
  let leftOut = 0;
  for (const [index, bullet] of bullets.entries()) {
    const pieces =
      heightOf(bullet) <= capacityPt
        ? [bullet]
        : splitAtPunctuation(bullet, capacityPt, widthIn, style);
    // Placed on a copy first: a paragraph goes onto the slides whole or not at all.
    const trial = pages.map((p) => ({
      bullets: [...p.bullets],
      sources: [...p.sources],
      heights: [...p.heights],
    }));
    for (const piece of pieces) {
      const height = heightOf(piece);
      let page = trial.at(-1);
      if (!page || usedPt(page, style) + height > capacityOf(trial.length - 1)) {
        page = { bullets: [], sources: [], heights: [] };
        trial.push(page);
      }
      page.bullets.push(piece);
      page.sources.push(index);
      page.heights.push(height);
    }
    if (trial.length > maxPages) {
      leftOut = bullets.length - index;
      break;
    }
    pages = trial;
  }
  if (leftOut > 0) leftOut += makeRoomForMore(pages, style, capacityOf);
  else avoidLoneLine(pages, style, capacityOf(pages.length - 1));
  return { pages: pages.map((p) => p.bullets), leftOut };
}

/** Takes whole paragraphs off the end until the last slide has a line for "其余 N 条…". */
function makeRoomForMore(
  pages: Page[],
  style: TextStyle,
  capacityOf: (pageIndex: number) => number,
): number {
  let removed = 0;
  for (let last = pages.at(-1); last; last = pages.at(-1)) {
    if (usedPt(last, style) + style.linePt <= capacityOf(pages.length - 1)) break;
    const source = last.sources.at(-1);
    // Every piece of that paragraph goes, on whichever slides they are.
    for (const page of pages) {
      while (page.bullets.length > 0 && page.sources.at(-1) === source) {
        page.bullets.pop();
        page.sources.pop();
        page.heights.pop();
      }
    }
    removed += 1;
    while (pages.length > 0 && pages.at(-1)?.bullets.length === 0) pages.pop();
  }
  return removed;
}

/** A last slide of one line takes the slide before's last whole paragraph, if it has room. */
function avoidLoneLine(pages: Page[], style: TextStyle, capacityPt: number) {
  const last = pages.at(-1);
  const before = pages.at(-2);
  if (!last || !before || before.bullets.length < 2) return;
  if (last.heights.length !== 1 || (last.heights[0] ?? 0) > style.linePt) return;
  const source = before.sources.at(-1);
  const height = before.heights.at(-1) ?? 0;
  const wholeThere = before.sources.filter((s) => s === source).length === 1;
  if (!wholeThere || last.sources[0] === source) return;
  if (usedPt(last, style) + height > capacityPt) return;
  last.bullets.unshift(before.bullets.pop() as SlideBullet);
  last.sources.unshift(before.sources.pop() as number);
  last.heights.unshift(before.heights.pop() as number);
}

export interface AgendaRow {
  order: string;
  speaker: string;
  topic: string;
  minutes: number;
}

/** Agenda rows in pages of at most `capacityPt`, each row as tall as its wrapped cells. */
function fillAgendaPages(rows: AgendaRow[], heights: number[], capacityPt: number) {
  const pages: AgendaRow[][] = [[]];
  let used = 0;
  rows.forEach((row, index) => {
    const height = heights[index] ?? 0;
    const current = pages[pages.length - 1] as AgendaRow[];
    if (used + height > capacityPt && current.length > 0) {
      pages.push([row]);
      used = height;
    } else {
      current.push(row);
      used += height;
    }
  });
  return pages;
}

/**
 * Agenda rows on as few slides as their wrapped height allows, spread evenly over them (so the
 * last slide is not left with a single row). `rowHeightPt` measures a row as the table draws it.
 */
export function paginateAgenda(
  rows: AgendaRow[],
  capacityPt: number,
  rowHeightPt: (row: AgendaRow) => number,
): AgendaRow[][] {
  const heights = rows.map(rowHeightPt);
  const pages = fillAgendaPages(rows, heights, capacityPt);
  let balanced = pages;
  for (let capacity = capacityPt - 5; capacity > 0; capacity -= 5) {
    const tighter = fillAgendaPages(rows, heights, capacity);
    if (tighter.length > pages.length) break;
    balanced = tighter;
  }
  return balanced;
}
