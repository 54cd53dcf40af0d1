import { AlignmentType, Paragraph } from 'docx';
import { officialDocx, type OfficialReader } from './official-docx.ts';
import { body, run, titleRuns } from './minutes-docx.ts';
import { paragraphText, type NewsBrief } from './news-brief-model.ts';
import { FONT_SIZE, FONTS, GRID, GRID_LINE } from './official-layout.ts';
import { balancedTitleLines } from './title-lines.ts';
import { TITLE_LINE_EM } from './minutes-model.ts';

/** Characters of 3号 on a line of the type area (the grid's 28). */
const BODY_LINE_EM = 28;

/**
 * The 会议信息 draft as Word: the headline in 2号 小标宋 in even lines, the line under it in
 * 3号 楷体, the paragraphs in 3号 仿宋 on the minutes' grid and page, so the district office can
 * paste it into its own template without changing a font.
 */
export async function newsBriefDocx(
  brief: NewsBrief,
  reader: OfficialReader = 'word',
): Promise<Buffer> {
  const paragraphs: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...GRID_LINE, after: brief.subheading ? 0 : GRID.linePitch },
      keepNext: true,
      children: titleRuns(balancedTitleLines(brief.headline.text, TITLE_LINE_EM), FONT_SIZE.二号),
    }),
    ...(brief.subheading
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { ...GRID_LINE, after: GRID.linePitch },
            keepNext: true,
            // Even lines too: the 28 characters of a 3号 line, so none ends in one stray 开.
            children: balancedTitleLines(`——${brief.subheading.text}`, BODY_LINE_EM).map(
              (line, i) => run(line, FONTS.kaiti, { break: i > 0 ? 1 : 0 }),
            ),
          }),
        ]
      : []),
    ...brief.paragraphs.map((p) => body([run(paragraphText(p))])),
  ];
  return officialDocx(brief.headline.text, paragraphs, reader);
}
