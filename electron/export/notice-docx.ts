import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { officialDocx } from './official-docx.ts';
import {
  annexHead,
  body,
  documentTitle,
  heading,
  paragraph,
  run,
  type MinutesReader,
} from './minutes-docx.ts';
import { REPLY_COLUMNS } from '../core/notice.ts';
import type { NoticeModel } from './notice-model.ts';
import { FONTS, FONT_SIZE, GRID, GRID_CHAR, GRID_LINE, TYPE_AREA } from './official-layout.ts';
import { emWidth } from './text-fit.ts';

const chars = (n: number) => Math.round(n * GRID_CHAR);

/**
 * 发文机关署名 and 成文日期 without a seal (GB/T 9704-2012 §7.3.5.2): one blank line below the
 * body, the organ two characters from the right; the date on the next line, its first character
 * two to the right of the organ's first. A date longer than that sits two from the right and the
 * organ moves left to keep the two-character step. Both are set flush right with a right indent.
 */
export function signatureIndents(issuer: string, date: string): { issuer: number; date: number } {
  const issuerEm = emWidth(issuer);
  const dateEm = emWidth(date);
  return dateEm + 2 <= issuerEm
    ? { issuer: 2, date: issuerEm - dateEm }
    : { issuer: 4 + dateEm - issuerEm, date: 2 };
}

function signatureParagraphs(model: NoticeModel): Paragraph[] {
  const indents = signatureIndents(model.issuer, model.issuedOn);
  const line = (text: string, indentChars: number, blankBefore: boolean) =>
    paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: chars(indentChars) },
      keepNext: true,
      keepLines: true,
      spacing: blankBefore ? { ...GRID_LINE, before: GRID.linePitch } : GRID_LINE,
      children: [run(text)],
    });
  return [
    ...(model.issuer ? [line(model.issuer, indents.issuer, true)] : []),
    line(model.issuedOn, indents.date, !model.issuer),
  ];
}

/** The reply form's columns, in mm of the 156 mm type area: a unit's name needs the most. */
const COLUMN_MM = [25, 20, 32, 28, 17, 18, 16];
const columnTwips = COLUMN_MM.map((mm) => Math.floor((TYPE_AREA.width * mm) / 156));
const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/**
 * A header too wide for its narrow column is set in two even lines (请假|事由), as a secretary
 * breaks it, rather than wherever the cell runs out (请假事|由).
 */
const NARROW_MM = 27;
const cellLines = (text: string, mm: number, header: boolean) => {
  const chars = [...text];
  if (!header || mm >= NARROW_MM || chars.length !== 4) return [text];
  return [chars.slice(0, 2).join(''), chars.slice(2).join('')];
};

/**
 * A 联系电话 is printed at 五号 (half-points): at 4号 an 11-digit mobile is wider than its 28 mm
 * column and breaks mid-number; a landline with its area code breaks at its hyphen.
 */
const PHONE_SIZE = 21;
const PHONE_COLUMN = REPLY_COLUMNS.indexOf('联系电话');

/** A cell of the form: 4号, centred, on an exact line so a filled row stays one row high. */
const cell = (
  lines: string[],
  width: number,
  font: typeof FONTS.body,
  size: number = FONT_SIZE.四号,
) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER },
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: 28 * 20, lineRule: 'exact' },
        children: lines.map((text, i) => new TextRun({ text, font, size, break: i > 0 ? 1 : 0 })),
      }),
    ],
  });

/** A row as tall as two of the body's grid lines: room to write a phone number by hand. */
const ROW_HEIGHT = GRID.linePitch * 2;

function replyTable(model: NoticeModel): Table {
  const row = (texts: readonly string[], font: typeof FONTS.body, header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      height: { value: ROW_HEIGHT, rule: 'atLeast' },
      children: texts.map((text, i) =>
        cell(
          cellLines(text, COLUMN_MM[i] ?? 0, header),
          columnTwips[i] ?? 0,
          font,
          !header && i === PHONE_COLUMN ? PHONE_SIZE : FONT_SIZE.四号,
        ),
      ),
    });
  return new Table({
    width: { size: columnTwips.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: columnTwips,
    alignment: AlignmentType.CENTER,
    rows: [
      row(model.replyColumns, FONTS.heiti, true),
      ...model.replyRows.map((texts) => row(texts, FONTS.body, false)),
    ],
  });
}

/** 附件 on a page of its own (§8.1): "附件" in 黑体 at the top left, the title, the form. */
function annex(model: NoticeModel): (Paragraph | Table)[] {
  return [
    ...annexHead(model.annexTitle),
    replyTable(model),
    paragraph({
      spacing: { ...GRID_LINE, before: GRID.linePitch / 2 },
      children: [
        run(
          '注：“是否参会”请填“参会”“请假”或“代会”；请假的请填请假事由，代会的请填代会人员。',
          FONTS.body,
          { size: FONT_SIZE.四号 },
        ),
      ],
    }),
  ];
}

function bodyParagraphs(model: NoticeModel): Paragraph[] {
  const out: Paragraph[] = [
    paragraph({ children: [run(model.addressee)] }),
    body([run(model.opening)]),
  ];
  for (const section of model.sections) {
    out.push(heading(section.heading, FONTS.heiti));
    out.push(...section.paragraphs.map((text) => body([run(text)])));
  }
  if (model.contact) out.push(body([run(model.contact)]));
  // 附件说明 (7.3.6): one blank line below the body, two characters in.
  out.push(
    paragraph({
      indent: { firstLine: chars(2) },
      spacing: { ...GRID_LINE, before: GRID.linePitch },
      children: [run(model.annexNote)],
    }),
  );
  return out;
}

/** The 会议通知 as a Word document in the GB/T 9704-2012 layout the minutes use. */
export async function noticeDocx(
  model: NoticeModel,
  reader: MinutesReader = 'word',
): Promise<Buffer> {
  return officialDocx(
    model.title,
    [
      // 标题下空一行, as the minutes' title.
      documentTitle(model.titleLines),
      ...bodyParagraphs(model),
      ...signatureParagraphs(model),
      ...annex(model),
    ],
    reader,
  );
}
