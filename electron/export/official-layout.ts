/**
 * The national official-document page (GB/T 9704-2012): A4, top margin 37 mm, left 28 mm, a
 * 156 × 225 mm type area (so right 26 mm, bottom 35 mm). Word measures in twentieths of a point.
 */
const TWIPS_PER_MM = 1440 / 25.4;
const mm = (value: number) => Math.round(value * TWIPS_PER_MM);

export const OFFICIAL_PAGE = {
  size: { width: mm(210), height: mm(297) },
  margin: { top: mm(37), left: mm(28), right: mm(26), bottom: mm(35), footer: mm(28) },
};

/** Chinese font sizes (号) in half-points, as Word stores them. */
export const FONT_SIZE = { 二号: 44, 三号: 32, 四号: 28 } as const;

/** Fixed 28 pt line spacing, the official document's 22 lines a page. */
export const LINE_28PT = { line: 28 * 20, lineRule: 'exact' as const };

/**
 * Fonts by their Chinese names, which Office and WPS both know; the East-Asian slot is set
 * explicitly so Word does not substitute its Latin font for Chinese text.
 */
export const FONTS = {
  title: { eastAsia: '方正小标宋简体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  body: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  heiti: { eastAsia: '黑体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  kaiti: { eastAsia: '楷体_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  songti: { eastAsia: '宋体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
};
