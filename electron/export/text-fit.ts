/**
 * How much room a line of mixed Chinese and Latin text takes, measured in em (one font size).
 * The slides count lines with these widths to size each text box's text (fitText, fitStack) and
 * to lay paragraphs onto slides. The widths are generous on purpose, so a line that fits here
 * fits in Microsoft YaHei, in WPS's substitutes and in LibreOffice's Noto Sans CJK alike.
 */
export function emWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20) continue;
    // Latin letters, digits and ASCII punctuation are about half a square; wide glyphs a square.
    width += code < 0x2e80 ? (/[A-Z@%&MWmw]/.test(ch) ? 0.8 : 0.6) : 1;
  }
  return width;
}

/** Chinese text may break after any character, but not before closing punctuation. */
const NO_LINE_START = /^[，。、；：？！”’）》」』】〕…—,.;:?!)\]%]/;

/**
 * Breaks text into lines no wider than `lineEm`, the way a text box wraps it: at any Chinese
 * character, after a space in Latin text, never starting a line with closing punctuation, and a
 * Latin word longer than a whole line broken where it must be. Nothing is dropped: the lines
 * joined give the text back (a paragraph's last line keeps its "\n"), so text split over two
 * slides reads exactly as written.
 */
export function wrapLines(text: string, lineEm: number, measure = emWidth): string[] {
  const lines: string[] = [];
  const fits = (line: string) => measure(line.trimEnd()) <= lineEm;
  const push = (line: string) => {
    let rest = line;
    while (!fits(rest)) {
      let head = '';
      for (const ch of rest) {
        if (head.trim() && !fits(head + ch)) break;
        head += ch;
      }
      lines.push(head);
      rest = rest.slice(head.length);
    }
    lines.push(rest);
  };
  const paragraphs = text.replace(/\r\n?/g, '\n').split('\n');
  paragraphs.forEach((paragraph, index) => {
    let line = '';
    // Tokens: a Latin word with its trailing spaces, or one other character.
    for (const token of paragraph.match(/[\u0021-\u007e\u00a0-\u02ff]+ *| +|./gu) ?? []) {
      if (!line.trim() || fits(line + token)) {
        line += token;
      } else if (NO_LINE_START.test(token) && Array.from(line.trim()).length > 1) {
        // Carry the last character down with the punctuation rather than start a line with it.
        const chars = Array.from(line);
        const carried = chars.pop() as string;
        push(chars.join(''));
        line = carried + token;
      } else {
        push(line);
        line = token;
      }
    }
    push(index < paragraphs.length - 1 ? `${line}\n` : line);
  });
  return lines;
}

/**
 * Width in em of text on a slide. A Chinese character, and the punctuation Chinese faces draw a
 * full square wide (“ ” — … ·), is exactly one em in every CJK face, so nothing is kept back for
 * it: a 60-character title takes three lines of 21, not four. Latin text is where faces differ
 * (LibreOffice draws Microsoft YaHei's Latin in DejaVu Sans, wider), so it gets a tenth more than
 * `emWidth` says, and a quarter em where it meets Chinese, the gap PowerPoint and LibreOffice
 * put between the two scripts.
 */
export function slideEmWidth(text: string): number {
  let width = 0;
  let previous: 'wide' | 'latin' | 'space' = 'space';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20) continue;
    const kind =
      ch === ' '
        ? 'space'
        : code >= 0x2e80 || (code >= 0x2010 && code <= 0x206f) || code === 0xb7
          ? 'wide'
          : 'latin';
    if (kind !== previous && kind !== 'space' && previous !== 'space') width += 0.25;
    width += kind === 'wide' ? 1 : emWidth(ch) * 1.1;
    previous = kind;
  }
  return width;
}

/** `text` broken into the lines a slide's text box `widthIn` wide shows at `fontPt`. */
export function slideLines(text: string, widthIn: number, fontPt: number): string[] {
  return wrapLines(text, (widthIn * 72) / fontPt, slideEmWidth);
}

/**
 * A centred text's lines made as even as its line count allows, so a title never ends in one
 * stray character ("…治理攻 | 坚"): the narrowest width that still gives the same number of
 * lines, and the lines at that width (without a trailing line break).
 */
export function balancedLines(text: string, widthIn: number, fontPt: number): string[] {
  const count = slideLines(text, widthIn, fontPt).length;
  if (count < 2 || text.includes('\n')) return [text];
  if (count === 2) {
    const atPhrase = twoLinesAtPhrase(text, widthIn, fontPt);
    if (atPhrase) return atPhrase;
  }
  let low = widthIn / 2;
  let high = widthIn;
  for (let step = 0; step < 12; step++) {
    const mid = (low + high) / 2;
    if (slideLines(text, mid, fontPt).length > count) low = mid;
    else high = mid;
  }
  return slideLines(text, high, fontPt);
}

/** After these a two-line title may break: the end of a phrase, not the middle of a word. */
const PHRASE_END = /[，、：；。！？）》”]$/u;

/**
 * Two lines split after a phrase's punctuation ("…临时党支部：| “四条河”房屋征拆…"), the
 * most even such split, if one has both lines fitting and the shorter at least half the longer.
 */
function twoLinesAtPhrase(text: string, widthIn: number, fontPt: number): string[] | null {
  const chars = Array.from(text);
  const lineEm = (widthIn * 72) / fontPt;
  let best: { lines: string[]; longest: number } | null = null;
  for (let at = 1; at < chars.length; at++) {
    const head = chars.slice(0, at).join('');
    if (!PHRASE_END.test(head)) continue;
    const tail = chars.slice(at).join('');
    const widths = [slideEmWidth(head.trimEnd()), slideEmWidth(tail.trim())];
    const longest = Math.max(...widths);
    if (longest > lineEm || Math.min(...widths) < longest / 2) continue;
    if (!best || longest < best.longest) best = { lines: [head, tail], longest };
  }
  return best?.lines ?? null;
}

/** How a text box may size its text: shrink from `maxPt` to `minPt`, lines `spacing` × size. */
export interface FitLimits {
  maxPt: number;
  minPt: number;
  spacing: number;
}

export interface FittedText {
  /** The text to write; shortened with "…" only when it would not fit at `minPt`. */
  text: string;
  fontPt: number;
  /** The exact line pitch to write (PowerPoint's spcPts), in points. */
  linePt: number;
  lines: number;
  shortened: boolean;
}

export const linePitch = (fontPt: number, spacing: number) => Math.round(fontPt * spacing);

/**
 * The largest size from `maxPt` down to `minPt` at which `text` fits `widthIn` × `heightPt`; if
 * none does, the text at `minPt` cut to the lines that fit and ended with "…" (before `tail`,
 * which is kept whole: "（续）", " · 干货"). The full text is in the minutes; a slide only has to
 * be readable, and text drawn through a rule or off the slide is not.
 */
export function fitText(
  text: string,
  widthIn: number,
  heightPt: number,
  limits: FitLimits,
  tail = '',
): FittedText {
  for (let fontPt = limits.maxPt; fontPt >= limits.minPt; fontPt--) {
    const linePt = linePitch(fontPt, limits.spacing);
    const lines = slideLines(text + tail, widthIn, fontPt).length;
    if (lines * linePt <= heightPt)
      return { text: text + tail, fontPt, linePt, lines, shortened: false };
  }
  return shortenToFit(
    text,
    tail,
    widthIn,
    Math.max(1, Math.floor(heightPt / linePitch(limits.minPt, limits.spacing))),
    limits,
  );
}

/** `text` cut to at most `maxLines` lines at `limits.minPt`, ended with "…" and `tail`. */
export function shortenToFit(
  text: string,
  tail: string,
  widthIn: number,
  maxLines: number,
  limits: FitLimits,
): FittedText {
  const fontPt = limits.minPt;
  const linePt = linePitch(fontPt, limits.spacing);
  const lineCount = (t: string) => slideLines(t, widthIn, fontPt).length;
  const whole = lineCount(text + tail);
  if (whole <= maxLines)
    return { text: text + tail, fontPt, linePt, lines: whole, shortened: false };
  const chars = Array.from(text);
  const candidate = (n: number) => `${chars.slice(0, n).join('').trimEnd()}…${tail}`;
  // The longest head that fits, by bisection: wrapping is monotone in the head's length.
  let low = 0;
  let high = chars.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (lineCount(candidate(mid)) <= maxLines) low = mid;
    else high = mid - 1;
  }
  const shortened = candidate(low);
  return {
    text: shortened,
    fontPt,
    linePt,
    lines: lineCount(shortened),
    shortened: true,
  };
}

/** One text of a column stacked top to bottom (a cover, a speaker card). */
export interface StackBlock extends FitLimits {
  text: string;
  widthIn: number;
  /** Room below it before the next block, in points. */
  gapAfterPt: number;
  /** Lower goes first when lines must be cut; blocks without one are never cut. */
  cutOrder?: number;
}

/**
 * Sizes for a column of texts that must fit `heightPt` together: all at their largest, then all
 * shrunk together step by step to their smallest, then, still too tall, the blocks with a
 * `cutOrder` cut a line at a time (with "…"), first in that order. The blocks keep their order
 * and their gaps; what comes back is each block's text, size and height.
 */
export function fitStack(blocks: readonly StackBlock[], heightPt: number): FittedText[] {
  const total = (fitted: FittedText[]) =>
    fitted.reduce((sum, f, i) => sum + f.lines * f.linePt + (blocks[i]?.gapAfterPt ?? 0), 0);
  const STEPS = 8;
  let fitted: FittedText[] = [];
  for (let step = 0; step <= STEPS; step++) {
    fitted = blocks.map((block) => {
      const fontPt = Math.round(block.maxPt - ((block.maxPt - block.minPt) * step) / STEPS);
      const linePt = linePitch(fontPt, block.spacing);
      const lines = slideLines(block.text, block.widthIn, fontPt).length;
      return { text: block.text, fontPt, linePt, lines, shortened: false };
    });
    if (total(fitted) <= heightPt) return fitted;
  }
  const cuttable = blocks
    .map((block, index) => ({ block, index }))
    .filter(({ block }) => block.cutOrder !== undefined)
    .sort((a, b) => (a.block.cutOrder ?? 0) - (b.block.cutOrder ?? 0));
  for (const { block, index } of cuttable) {
    while (total(fitted) > heightPt && (fitted[index]?.lines ?? 0) > 1) {
      const lines = (fitted[index]?.lines ?? 1) - 1;
      fitted[index] = shortenToFit(block.text, '', block.widthIn, lines, block);
    }
  }
  return fitted;
}
