/**
 * The seating chart's table, scaled to the area the sheet leaves it: the grid's columns share its
 * width, the seat rows share its height (after the captions and gaps), and every seat is set by
 * seating-fit.ts for the size it came out at. Rows have an exact height, so the chart is the same
 * size in Word and in LibreOffice and always one page.
 */
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  type IBorderOptions,
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
import type { GridCell } from '../core/seating-grid.ts';
import { FONTS } from './official-layout.ts';
import { chartType, LINE, PT_PER_MM, setSeat, type ChartType } from './seating-fit.ts';
import type { NumberedSeat, SeatingChartModel } from './seating-docx.ts';

const TWIPS_PER_MM = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);

export interface ChartArea {
  /** In mm. */
  width: number;
  height: number;
  /** Type size relative to A4's. */
  scale: number;
}

/** A seat's inner padding, in mm. */
const PAD = { x: 1.2, y: 0.6 };

const SEAT_BORDER = { style: BorderStyle.SINGLE, size: 8, color: '404040' };
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const borders = (b: IBorderOptions) => ({ top: b, bottom: b, left: b, right: b });

type PrintedRow =
  | { kind: 'caption'; text: string }
  | { kind: 'gap' }
  /** Between two rows of the hall: room to walk, given what height the seats leave over. */
  | { kind: 'aisle' }
  | { kind: 'seats'; cells: GridCell<NumberedSeat>[]; label: string };

/** The grid's rows as printed: a table's head captioned, the hall's rows labelled 第一排…. */
function printedRows(model: SeatingChartModel): PrintedRow[] {
  const { rows } = model.grid;
  // The hall's rows are those after the last gap (the grid puts one before them).
  const lastGap = rows.reduce((at, row, index) => (row.length === 0 ? index : at), -1);
  let hallRow = 0;
  const printed: PrintedRow[] = model.captions.head
    ? [{ kind: 'caption', text: model.captions.head }]
    : [];
  rows.forEach((row, index) => {
    const first = row[0]?.content;
    if (!first) printed.push({ kind: 'gap' });
    else if (first.kind === 'caption') {
      printed.push({ kind: 'caption', text: model.captions[first.caption] });
    } else {
      const label = lastGap >= 0 && index > lastGap ? model.rowLabel(hallRow++) : '';
      if (label && hallRow > 1) printed.push({ kind: 'aisle' });
      printed.push({ kind: 'seats', cells: row, label });
    }
  });
  return printed;
}

const paragraph = (runs: TextRun[], pt: number, alignment = AlignmentType.CENTER) =>
  new Paragraph({
    alignment,
    spacing: { line: Math.round(pt * LINE * 20), lineRule: 'exact', before: 0, after: 0 },
    children: runs,
  });

const run = (text: string, font: typeof FONTS.body, pt: number, color?: string) =>
  new TextRun({ text, font, size: Math.max(2, Math.round(pt * 2)), color });

function seatCell(
  seat: NumberedSeat,
  span: number,
  model: SeatingChartModel,
  box: { width: number; height: number },
  type: ChartType,
) {
  const name = model.nameOf(seat.person);
  const set = setSeat(box, type, name, seat.person.organization);
  const number = run(String(seat.seat), FONTS.heiti, type.numberPt, '595959');
  const nameRuns = set.nameLines.flatMap((text, index) => [
    ...(index > 0 ? [new TextRun({ break: 1 })] : []),
    run(text, FONTS.heiti, set.namePt),
  ]);
  const children = type.compact
    ? [paragraph([number, run(' ', FONTS.heiti, type.numberPt), ...nameRuns], set.namePt)]
    : [
        paragraph([number], type.numberPt),
        paragraph(nameRuns, set.namePt),
        ...(set.organizationLines.length > 0
          ? [
              paragraph(
                set.organizationLines.flatMap((text, index) => [
                  ...(index > 0 ? [new TextRun({ break: 1 })] : []),
                  run(text, FONTS.body, type.organizationPt),
                ]),
                type.organizationPt,
              ),
            ]
          : []),
      ];
  return new TableCell({
    columnSpan: span,
    verticalAlign: VerticalAlign.CENTER,
    borders: borders(SEAT_BORDER),
    children,
  });
}

/** A cell that is not a seat: a caption, a row's label, the table's surface, or a gap. */
function plainCell(span: number, text: string, pt: number, shaded = false, font = FONTS.heiti) {
  return new TableCell({
    columnSpan: span,
    verticalAlign: VerticalAlign.CENTER,
    borders: borders(NO_BORDER),
    shading: shaded ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E6E6E6' } : undefined,
    children: [paragraph(text ? [run(text, font, pt)] : [], pt)],
  });
}

/** The chart's table and its height in mm (at most the area's). */
export function chartTable(
  model: SeatingChartModel,
  area: ChartArea,
): { table: Table; height: number } {
  const { grid } = model;
  const rows = printedRows(model);
  // One row under its own caption (列席) needs no number; two or more, or a hall, do.
  const labelled = rows.filter((r) => r.kind === 'seats' && r.label).length > 1;
  // An equal blank column on the right keeps the head's middle (1号) in the sheet's middle.
  const labelWidth = labelled ? 16 * area.scale : 0;
  const column = (area.width - 2 * labelWidth) / grid.columns;
  const captionPt = 16 * area.scale;
  const captionHeight = (captionPt * 1.6) / PT_PER_MM;
  const gapHeight = 3 * area.scale;
  const seatRows = rows.filter((r) => r.kind === 'seats').length;
  const count = (kind: PrintedRow['kind']) => rows.filter((r) => r.kind === kind).length;
  const fixed = count('caption') * captionHeight + count('gap') * gapHeight;
  // A seat is never much taller than it is wide: a small chart keeps the shape of a table, and
  // what height is left goes to the gaps and aisles between the hall's rows, then above and below.
  const seatHeight = Math.min((area.height - fixed) / Math.max(1, seatRows), column * 2);
  const spacers = count('gap') + count('aisle');
  const spare = area.height - fixed - seatRows * seatHeight;
  const extra = spacers > 0 ? Math.min(spare / spacers, seatHeight * 1.5) : 0;
  const box = { width: column * 2 - 2 * PAD.x, height: seatHeight - 2 * PAD.y - 0.6 };
  const type = chartType(box, 36 * area.scale);
  const tablePt = Math.min(16 * area.scale, ((seatHeight - 2 * PAD.y) * PT_PER_MM) / LINE);
  const labelPt = Math.min(12 * area.scale, ((labelWidth - 2 * PAD.x) * PT_PER_MM) / 3.4, tablePt);

  const cellOf = ({ content, span }: GridCell<NumberedSeat>) => {
    switch (content.kind) {
      case 'seat':
        return seatCell(content.person, span, model, box, type);
      case 'table':
        return plainCell(span, content.named ? model.captions.table : '', tablePt, true);
      case 'caption':
        return plainCell(span, model.captions[content.caption], captionPt);
      default:
        content satisfies never;
        throw new Error('unknown cell');
    }
  };
  const seatCells = (cells: readonly GridCell<NumberedSeat>[]) => {
    const out: TableCell[] = [];
    let at = 0;
    for (const cell of cells) {
      if (cell.start > at) out.push(plainCell(cell.start - at, '', captionPt));
      out.push(cellOf(cell));
      at = cell.start + cell.span;
    }
    if (at < grid.columns) out.push(plainCell(grid.columns - at, '', captionPt));
    return out;
  };
  const side = labelled ? 1 : 0;
  const all = grid.columns + 2 * side;
  const heightOf = (r: PrintedRow) =>
    r.kind === 'caption'
      ? captionHeight
      : r.kind === 'gap'
        ? gapHeight + extra
        : r.kind === 'aisle'
          ? extra
          : seatHeight;
  const tableRows = rows.map((r) => {
    const children =
      r.kind === 'seats'
        ? [
            ...(labelled ? [plainCell(1, r.label, labelPt, false, FONTS.kaiti)] : []),
            ...seatCells(r.cells),
            ...(labelled ? [plainCell(1, '', labelPt)] : []),
          ]
        : [
            plainCell(
              all,
              r.kind === 'caption' ? r.text : '',
              r.kind === 'caption' ? captionPt : (heightOf(r) * PT_PER_MM) / LINE / 2,
            ),
          ];
    return new TableRow({
      cantSplit: true,
      height: { value: twips(heightOf(r)), rule: HeightRule.EXACT },
      children,
    });
  });
  const widths = [
    ...(labelled ? [twips(labelWidth)] : []),
    ...new Array<number>(grid.columns).fill(twips(column)),
    ...(labelled ? [twips(labelWidth)] : []),
  ];
  const table = new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    margins: { top: twips(PAD.y), bottom: twips(PAD.y), left: twips(PAD.x), right: twips(PAD.x) },
    rows: tableRows,
  });
  return { table, height: rows.reduce((sum, r) => sum + heightOf(r), 0) };
}
