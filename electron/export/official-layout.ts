/**
 * The national official-document page (GB/T 9704-2012): A4, top margin 37 mm, left 28 mm, a
 * 156 × 225 mm type area (so right 26 mm, bottom 35 mm). Word measures in twentieths of a point.
 */
const TWIPS_PER_MM = 1440 / 25.4;
const mm = (value: number) => Math.round(value * TWIPS_PER_MM);

const PAGE = { width: mm(210), height: mm(297) };
const MARGIN = { top: mm(37), left: mm(28), right: mm(26), bottom: mm(35) };

/** The type area in twips, as Word sees it after rounding each margin: 8845 × 12756. */
export const TYPE_AREA = {
  width: PAGE.width - MARGIN.left - MARGIN.right,
  height: PAGE.height - MARGIN.top - MARGIN.bottom,
};

/** Chinese font sizes (号) in half-points, as Word stores them. */
export const FONT_SIZE = { 初号: 84, 二号: 44, 三号: 32, 四号: 28 } as const;

/**
 * The standard's grid (7.1): 22 lines of 28 characters of 3号 (16 pt) in the type area.
 *
 * Lines: 12756 twips / 22 = 579.8; the pitch is rounded down to 579 (28.95 pt) so that 22 lines
 * (12738 twips, 224.7 mm) fit in the 225 mm: with 580 the 22nd line would end 4 twips below the
 * type area and Word would push it to the next page. 28 pt lines, the old value, left 8 mm empty.
 *
 * Characters: 8845 twips / 28 = 315.9 twips = 15.795 pt, less than the 16 pt of a 3号 character,
 * which is why only 27 fitted. Word's grid (`linesAndChars`) sets each character in a cell of the
 * Normal style's size plus `charSpace`/4096 pt, so charSpace = (15.795 − 16) × 4096 = −841.2,
 * rounded down to −842 so that 28 cells never exceed the line (a cell of 15.794 pt).
 */
export const GRID = {
  lines: 22,
  chars: 28,
  linePitch: Math.floor(TYPE_AREA.height / 22),
  charSpace: Math.floor((TYPE_AREA.width / 28 / 20 - FONT_SIZE.三号 / 2) * 4096),
  /**
   * The same 28 as a run's character spacing, in twips (what LibreOffice honours, see
   * minutes-docx.ts). 28 characters of 320 + s fit the 8845 and 29 do not for s from −14
   * (29 × 306 = 8874 > 8845) to −5 (28 × 315 = 8820 ≤ 8845). At −5 LibreOffice 7.4, rounding
   * twips through its 1/100 mm, still set 27 (measured on the PDF; −6 set 28), so the spacing
   * is the middle of that range, −10 (28 × 310 = 8680), with room for either program's rounding.
   */
  runSpacing: Math.floor(
    (Math.floor(TYPE_AREA.width / 28) -
      FONT_SIZE.三号 * 10 +
      (Math.floor(TYPE_AREA.width / 29) + 1 - FONT_SIZE.三号 * 10)) /
      2,
  ),
};

/** One grid cell, in twips: indents are counted in characters of the grid. */
export const GRID_CHAR = TYPE_AREA.width / GRID.chars;

/** The page number's line: 4号 (14 pt) on an exact line of its own size. */
export const PAGE_NUMBER_LINE = 14 * 20;

/**
 * Where the page number goes (7.5): the dashes of "— 1 —" 7 mm below the type area's bottom edge.
 * Word's footer distance is from the page's bottom edge to the bottom of the footer's line; the
 * dash of a Chinese face sits at the middle of its em square, which on an exact line of the
 * font's size is the middle of the line. So the line's middle goes at 35 − 7 = 28 mm above the
 * page's bottom edge, and its bottom half a line (7 pt) lower.
 */
const FOOTER = mm(35 - 7) - PAGE_NUMBER_LINE / 2;

export const OFFICIAL_PAGE = {
  size: PAGE,
  margin: { ...MARGIN, footer: FOOTER },
};

/** One line of the grid, exact, so every line of the page is on it whatever its face. */
export const GRID_LINE = { line: GRID.linePitch, lineRule: 'exact' as const };

/** Fixed 28 pt line spacing, for documents that are not set on the grid (the host script). */
export const LINE_28PT = { line: 28 * 20, lineRule: 'exact' as const };

/**
 * Fonts by their Chinese names, which Office and WPS both know; the East-Asian slot is set
 * explicitly so Word does not substitute its Latin font for Chinese text. The page number's
 * digits are half-width 宋体 (7.5), so 宋体 also takes the Latin slots there.
 */
export const FONTS = {
  title: { eastAsia: '方正小标宋简体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  body: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  heiti: { eastAsia: '黑体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  kaiti: { eastAsia: '楷体_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  songti: { eastAsia: '宋体', ascii: '宋体', hAnsi: '宋体' },
};
