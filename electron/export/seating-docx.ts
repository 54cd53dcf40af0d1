import {
  AlignmentType,
  BorderStyle,
  Document,
  type IBorderOptions,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { SeatedPerson, SeatingPaper } from '../core/seating-plan.ts';
import type { GridCell, SeatingGrid } from '../core/seating-grid.ts';
import { fillFontTable, OFFICIAL_FONT_TABLE, patchDocx } from './docx-patch.ts';
import { FONTS, FONT_SIZE } from './official-layout.ts';

const TWIPS_PER_MM = 1440 / 25.4;
const mm = (value: number) => Math.round(value * TWIPS_PER_MM);

/** Landscape sheets, long side across: the chart is wider than it is deep. */
const PAPER_MM: Record<SeatingPaper, { width: number; height: number }> = {
  A4: { width: 297, height: 210 },
  A3: { width: 420, height: 297 },
};
const MARGIN_MM = 15;

export interface SeatingChartModel {
  /** 「××座谈会座次表」 */
  title: string;
  /** Whose view the chart is drawn from: 「（面向主席台）」. */
  viewpoint: string;
  paper: SeatingPaper;
  grid: SeatingGrid<SeatedPerson>;
  /** Printed names: the spaced two-character form (张, U+3000, 勇). */
  nameOf: (person: SeatedPerson) => string;
  captions: { rostrum: string; observers: string; table: string };
}

const SEAT_BORDER = { style: BorderStyle.SINGLE, size: 6, color: '404040' };
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const borders = (b: IBorderOptions) => ({ top: b, bottom: b, left: b, right: b });

/**
 * A name's size in half-points: as large as 三号 (16 pt) where the seat allows, smaller so that
 * the longest name still fits its seat on one line (a Chinese character is one em wide).
 */
function nameSize(cellTwips: number, longestName: number): number {
  const fit = Math.floor(((cellTwips - mm(2)) / Math.max(3, longestName) / 20) * 2);
  return Math.max(12, Math.min(FONT_SIZE.三号, fit));
}

function seatCell(person: SeatedPerson, model: SeatingChartModel, span: number, size: number) {
  return new TableCell({
    columnSpan: span,
    verticalAlign: VerticalAlign.CENTER,
    borders: borders(SEAT_BORDER),
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: model.nameOf(person), font: FONTS.heiti, size })],
      }),
      ...(person.organization
        ? [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [
                new TextRun({
                  text: person.organization,
                  font: FONTS.body,
                  size: Math.max(10, Math.round(size * 0.55)),
                }),
              ],
            }),
          ]
        : []),
    ],
  });
}

/** Text that is not a seat: a caption, the table's name, or nothing (a gap). */
function plainCell(span: number, text: string, shaded: boolean, size: number) {
  return new TableCell({
    columnSpan: span,
    verticalAlign: VerticalAlign.CENTER,
    borders: borders(NO_BORDER),
    shading: shaded ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E6E6E6' } : undefined,
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text, font: FONTS.heiti, size })],
      }),
    ],
  });
}

function cellOf(cell: GridCell<SeatedPerson>, model: SeatingChartModel, size: number) {
  const { content, span } = cell;
  switch (content.kind) {
    case 'seat':
      return seatCell(content.person, model, span, size);
    case 'table':
      return plainCell(span, content.named ? model.captions.table : '', true, FONT_SIZE.四号);
    case 'caption':
      return plainCell(span, model.captions[content.caption], false, FONT_SIZE.三号);
    default:
      content satisfies never;
      throw new Error('unknown cell');
  }
}

/** A row of the grid as table cells, its gaps filled with empty ones. */
function rowCells(row: readonly GridCell<SeatedPerson>[], model: SeatingChartModel, size: number) {
  const cells: TableCell[] = [];
  let column = 0;
  for (const cell of row) {
    if (cell.start > column) cells.push(plainCell(cell.start - column, '', false, size));
    cells.push(cellOf(cell, model, size));
    column = cell.start + cell.span;
  }
  if (column < model.grid.columns) {
    cells.push(plainCell(model.grid.columns - column, '', false, size));
  }
  return cells;
}

function chartTable(model: SeatingChartModel, typeWidth: number, typeHeight: number): Table {
  const { grid } = model;
  const column = Math.floor(typeWidth / grid.columns);
  const longest = Math.max(
    0,
    ...grid.rows
      .flat()
      .map((c) => (c.content.kind === 'seat' ? [...model.nameOf(c.content.person)].length : 0)),
  );
  const size = nameSize(column * 2, longest);
  // Rows share the height under the title, up to 24 mm each: a small chart is not cramped.
  const seatRows = grid.rows.filter((row) => row.some((c) => c.content.kind !== 'caption'));
  const rowHeight = Math.max(mm(12), Math.min(mm(24), Math.floor(typeHeight / seatRows.length)));
  return new Table({
    width: { size: column * grid.columns, type: WidthType.DXA },
    columnWidths: new Array<number>(grid.columns).fill(column),
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    rows: grid.rows.map((row) => {
      const captionRow = row[0]?.content.kind === 'caption';
      return new TableRow({
        cantSplit: true,
        height: { value: captionRow || row.length === 0 ? mm(9) : rowHeight, rule: 'atLeast' },
        children: rowCells(row, model, size),
      });
    }),
  });
}

/** The seating chart (座次表) on one landscape sheet, A4 or A3, as the hall sees the room. */
export async function seatingChartDocx(model: SeatingChartModel): Promise<Buffer> {
  const paper = PAPER_MM[model.paper];
  const typeWidth = mm(paper.width - 2 * MARGIN_MM);
  const document = new Document({
    title: model.title,
    creator: 'Roundtable',
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height itself for a landscape page: give them as portrait.
            size: {
              width: mm(paper.height),
              height: mm(paper.width),
              orientation: PageOrientation.LANDSCAPE,
            },
            margin: {
              top: mm(MARGIN_MM),
              bottom: mm(MARGIN_MM),
              left: mm(MARGIN_MM),
              right: mm(MARGIN_MM),
            },
          },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: model.title, font: FONTS.title, size: FONT_SIZE.二号 })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [
              new TextRun({ text: model.viewpoint, font: FONTS.kaiti, size: FONT_SIZE.三号 }),
            ],
          }),
          chartTable(model, typeWidth, mm(paper.height - 2 * MARGIN_MM - 40)),
        ],
      },
    ],
  });
  return patchDocx(await Packer.toBuffer(document), {
    'word/fontTable.xml': (xml) => fillFontTable(xml, OFFICIAL_FONT_TABLE),
  });
}
