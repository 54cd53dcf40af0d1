import { Document, Packer, type Paragraph, type Table } from 'docx';
import { officialFooters } from './docx-parts.ts';
import {
  fillFontTable,
  OFFICIAL_FONT_TABLE,
  patchDocx,
  setParagraphSwitches,
} from './docx-patch.ts';
import { FONT_SIZE, FONTS, GRID, OFFICIAL_PAGE } from './official-layout.ts';

/**
 * Who lays the document out. LibreOffice reads `w:overflowPunct` the wrong way round: its
 * writerfilter (DomainMapper.cxx) sets "hanging punctuation" to `overflowPunct == 0`, so off
 * lets punctuation hang into the margin there and on keeps it in (7.4, measured on the PDF:
 * 1.6 mm past the type area with off, none with on). The copy it prints the PDF from says on;
 * the .docx a user opens in Word or WPS says off, as ECMA-376 17.3.1.21 means it.
 */
export type OfficialReader = 'word' | 'libreoffice';

/**
 * A document on the GB/T 9704-2012 page (minutes, notice, news brief): A4 with the standard's
 * margins, the 22 × 28 grid, 3号 仿宋 as Normal, "— 1 —" page numbers, and the font table that
 * lets Word and WPS substitute the official faces.
 */
export async function officialDocx(
  title: string,
  children: (Paragraph | Table)[],
  reader: OfficialReader,
): Promise<Buffer> {
  const document = new Document({
    title,
    creator: 'Roundtable',
    evenAndOddHeaderAndFooters: true,
    // The grid's character cell is the Normal style's size plus charSpace: Normal is 3号.
    // LibreOffice takes that size from the Normal style alone, Word from the defaults: both say it.
    styles: {
      default: { document: { run: { size: FONT_SIZE.三号, font: FONTS.body } } },
      paragraphStyles: [
        { id: 'Normal', name: 'Normal', run: { size: FONT_SIZE.三号, font: FONTS.body } },
      ],
    },
    sections: [
      {
        properties: {
          page: OFFICIAL_PAGE,
          grid: { type: 'linesAndChars', linePitch: GRID.linePitch, charSpace: GRID.charSpace },
        },
        footers: officialFooters(),
        children,
      },
    ],
  });
  return patchDocx(await Packer.toBuffer(document), {
    'word/fontTable.xml': (xml) => fillFontTable(xml, OFFICIAL_FONT_TABLE),
    'word/document.xml': (xml) =>
      setParagraphSwitches(xml, { overflowPunct: reader === 'libreoffice', snapToGrid: false }),
  });
}
