import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { CHAR, officialFooters } from './docx-parts.ts';
import { fillFontTable, OFFICIAL_FONT_TABLE, patchDocx } from './docx-patch.ts';
import type { ScriptParagraph } from './host-script.ts';
import { TITLE_LINE_EM } from './minutes-model.ts';
import { FONTS, FONT_SIZE, LINE_28PT, OFFICIAL_PAGE } from './official-layout.ts';
import { balancedTitleLines } from './title-lines.ts';

function paragraph(p: ScriptParagraph): Paragraph {
  if (p.style === 'title') {
    // Broken as the minutes' title is: even lines, never inside a word ("座谈|会").
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...LINE_28PT, line: 36 * 20, after: 0 },
      children: balancedTitleLines(p.text, TITLE_LINE_EM).map(
        (line, i) =>
          new TextRun({
            text: line,
            font: FONTS.title,
            size: FONT_SIZE.二号,
            break: i > 0 ? 1 : 0,
          }),
      ),
    });
  }
  if (p.style === 'subtitle' || p.style === 'annex') {
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      // An annex starts two lines below 散会, so it is not read as the script's last line.
      spacing: { ...LINE_28PT, before: p.style === 'annex' ? 2 * 28 * 20 : 0, after: 28 * 20 },
      keepNext: true,
      children: [new TextRun({ text: p.text, font: FONTS.kaiti, size: FONT_SIZE.三号 })],
    });
  }
  // A hand-over line is what the presider reads at each change: set in 黑体 to find at a glance.
  return new Paragraph({
    spacing: LINE_28PT,
    indent: p.text === '同志们：' ? undefined : { firstLine: 2 * CHAR },
    children: [
      new TextRun({
        text: p.text,
        font: p.style === 'cue' ? FONTS.heiti : FONTS.body,
        size: FONT_SIZE.三号,
      }),
    ],
  });
}

export async function hostScriptDocx(
  paragraphs: ScriptParagraph[],
  title: string,
): Promise<Buffer> {
  const document = new Document({
    title,
    evenAndOddHeaderAndFooters: true,
    creator: 'Roundtable',
    sections: [
      {
        properties: { page: OFFICIAL_PAGE },
        footers: officialFooters(),
        children: paragraphs.map(paragraph),
      },
    ],
  });
  // The same font table as the minutes, so Word and WPS substitute its 公文 faces alike.
  return patchDocx(await Packer.toBuffer(document), {
    'word/fontTable.xml': (xml) => fillFontTable(xml, OFFICIAL_FONT_TABLE),
  });
}
