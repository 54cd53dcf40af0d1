import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from 'docx';
import { FONTS, FONT_SIZE, PAGE_NUMBER_LINE } from './official-layout.ts';

/** One Chinese character of 3号 (16 pt), in twips: indents are counted in characters. */
export const CHAR = 16 * 20;

/** "— 1 —" in 4号 宋体, digits half-width 宋体 too: odd pages at the right, even pages at the left, one character in. */
export function pageFooter(side: 'right' | 'left'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: CHAR } : { left: CHAR },
        // An exact line of the number's size puts the dashes where OFFICIAL_PAGE's footer says.
        spacing: { line: PAGE_NUMBER_LINE, lineRule: 'exact', before: 0, after: 0 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: FONTS.songti,
            size: FONT_SIZE.四号,
          }),
        ],
      }),
    ],
  });
}

/** The footers of an official document: set with `evenAndOddHeaderAndFooters: true`. */
export const officialFooters = () => ({ default: pageFooter('right'), even: pageFooter('left') });
