import { AlignmentType, Paragraph, TextRun, type IParagraphOptions, type IRunOptions } from 'docx';
import { officialDocx, type OfficialReader } from './official-docx.ts';
import { DRAW_ANNEX_NOTE, DRAW_ANNEX_TITLE } from './draw-annex.ts';
import type { MinutesModel } from './minutes-model.ts';
import { FONTS, FONT_SIZE, GRID, GRID_CHAR, GRID_LINE, TYPE_AREA } from './official-layout.ts';
import { emWidth } from './text-fit.ts';

const chars = (n: number) => Math.round(n * GRID_CHAR);

export const run = (text: string, font = FONTS.body, extra: Partial<IRunOptions> = {}) =>
  new TextRun({
    text,
    font,
    size: FONT_SIZE.三号,
    characterSpacing: GRID.runSpacing,
    ...extra,
  });

/**
 * Every paragraph of the minutes: on the grid's line pitch, justified (7.1: lines end flush on
 * both sides), and with punctuation kept inside the type area: Word lets a closing mark hang
 * into the right margin unless `overflowPunct` is off (LibreOffice reads that switch the other
 * way round: see MinutesReader). Line-breaking rules (kinsoku) stay on, so no line starts "，".
 *
 * The 28 characters a line come from the runs' spacing (GRID.runSpacing), not from snapping to
 * the character grid, and each paragraph says `snapToGrid` off (both added in docx-patch.ts):
 * LibreOffice 7.4, which prints the PDF, sets a character wider than a grid cell in two cells,
 * so a 16 pt character in a 15.8 pt cell gave 14 characters a line. Word and WPS lay out the
 * same 28 either way, and the section's grid is what Word's page setup (文档网格) shows: 22 × 28.
 */
export const paragraph = (options: IParagraphOptions) =>
  new Paragraph({ spacing: GRID_LINE, alignment: AlignmentType.BOTH, ...options });

export const body = (children: TextRun[]) =>
  paragraph({ indent: { firstLine: chars(2) }, children });

/** A heading is kept whole and with the paragraph after it, so none is left at a page's foot. */
export const heading = (text: string, font: typeof FONTS.heiti) =>
  paragraph({
    indent: { firstLine: chars(2) },
    keepNext: true,
    keepLines: true,
    children: [run(text, font)],
  });

/**
 * A label block as clause 10.3 sets 出席/请假/列席: two characters in, the label in 黑体 with a
 * full-width colon, the names in 仿宋, and wrapped lines aligned after the colon (a hanging indent
 * the width of the label and colon). `indentChars` is 2 for 出席…, 0 for the annex's record lines.
 */
const labelBlock = (
  label: string,
  text: string,
  indentChars: number,
  extra: IParagraphOptions = {},
) => {
  const labelChars = [...label].length + 1;
  return paragraph({
    indent: { left: chars(indentChars + labelChars), hanging: chars(labelChars) },
    keepLines: true,
    children: [run(`${label}：`, FONTS.heiti), run(text)],
    ...extra,
  });
};

/** Set in 小标宋, centred lines of the model's breaking. */
export const titleRuns = (lines: string[], size: number, color?: string) =>
  lines.map(
    (line, i) =>
      new TextRun({
        text: line,
        font: FONTS.title,
        size,
        color,
        break: i > 0 ? 1 : 0,
      }),
  );

/** 标题下空一行: a document's title, its lines on the grid, then one empty grid line. */
export const documentTitle = (lines: string[]) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...GRID_LINE, after: GRID.linePitch },
    keepNext: true,
    children: titleRuns(lines, FONT_SIZE.二号),
  });

/**
 * An annex's head as GB/T 9704-2012 (7.3.6, 8.1) sets one: on a new page "附件" in 黑体 at the
 * top left, then the annex title centred.
 */
export const annexHead = (title: string) => [
  paragraph({ pageBreakBefore: true, children: [run('附件', FONTS.heiti)] }),
  paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...GRID_LINE, after: GRID.linePitch },
    children: titleRuns([title], FONT_SIZE.二号),
  }),
];

/**
 * 纪要标志 (10.3): red 小标宋, centred, its top edge 35 mm below the type area's top edge. The
 * line is exactly the mark's size, so its top is the characters' top. As large as 初号 allows
 * on one line of the type area.
 */
function markParagraph(mark: string): Paragraph {
  const fitting = Math.floor(TYPE_AREA.width / 10 / Math.max(emWidth(mark), 1));
  const size = Math.min(FONT_SIZE.初号, fitting);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: {
      before: Math.round((35 * 1440) / 25.4),
      after: GRID.linePitch,
      line: size * 10,
      lineRule: 'exact',
    },
    children: titleRuns([mark], size, 'FF0000'),
  });
}

/**
 * The annex as GB/T 9704-2012 (7.3.6, 8.1) sets one: on a new page "附件" in 黑体 at the top left
 * and the annex title centred, then its text.
 */
function annexParagraphs(model: MinutesModel): Paragraph[] {
  return [
    ...annexHead(DRAW_ANNEX_TITLE),
    ...model.drawAnnex.flatMap((entry) => [
      ...(entry.heading ? [body([run(entry.heading, FONTS.kaiti)])] : []),
      ...entry.lines.map((line) => labelBlock(line.label, line.value, 0)),
    ]),
    body([run(DRAW_ANNEX_NOTE)]),
  ];
}

function bodyParagraphs(model: MinutesModel): Paragraph[] {
  const out: Paragraph[] = [body([run(model.opening)])];
  if (model.finding) out.push(body([run(model.finding)]));
  if (model.headings.speeches) out.push(heading(model.headings.speeches, FONTS.heiti));
  for (const speech of model.speeches) {
    out.push(heading(speech.heading, FONTS.kaiti), body([run(speech.lead)]));
    out.push(...speech.paragraphs.map((text) => body([run(text)])));
  }
  if (model.headings.requirements) out.push(heading(model.headings.requirements, FONTS.heiti));
  out.push(...model.requirements.map((text) => body([run(text)])));
  if (model.headings.actions) out.push(heading(model.headings.actions, FONTS.heiti));
  out.push(...model.actions.map((action) => body([run(action)])));
  // 附件说明: after the body, two characters in (7.3.6).
  if (model.drawAnnex.length) out.push(body([run(`附件：${DRAW_ANNEX_TITLE}`)]));
  // 10.3: one blank line below the body (or the annex note), then 出席, 请假, 列席, kept together;
  // 应到/实到 heads the block, two characters in where the labels start.
  const blankBefore = { ...GRID_LINE, before: GRID.linePitch };
  if (model.headcount) {
    out.push(
      paragraph({
        indent: { left: chars(2) },
        spacing: blankBefore,
        keepNext: model.attendance.length > 0,
        keepLines: true,
        children: [run(model.headcount)],
      }),
    );
  }
  model.attendance.forEach((a, i) =>
    out.push(
      labelBlock(a.label, a.names.join('、'), 2, {
        spacing: i === 0 && !model.headcount ? blankBefore : GRID_LINE,
        keepNext: i < model.attendance.length - 1,
      }),
    ),
  );
  return out;
}

/** Who lays the document out (see OfficialReader). */
export type MinutesReader = OfficialReader;

/** The minutes (会议纪要) as a Word document in the GB/T 9704-2012 layout. */
export async function minutesDocx(
  model: MinutesModel,
  reader: MinutesReader = 'word',
): Promise<Buffer> {
  const paragraphs: Paragraph[] = [
    ...(model.mark ? [markParagraph(model.mark)] : []),
    documentTitle(model.titleLines),
    ...bodyParagraphs(model),
    ...(model.drawAnnex.length ? annexParagraphs(model) : []),
  ];
  return officialDocx(model.title, paragraphs, reader);
}
