import { AlignmentType, Document, Packer, PageOrientation, Paragraph, TextRun } from 'docx';
import type { SeatedPerson, SeatingPaper } from '../core/seating-plan.ts';
import type { SeatingGrid } from '../core/seating-grid.ts';
import { fillFontTable, OFFICIAL_FONT_TABLE, patchDocx } from './docx-patch.ts';
import { FONTS } from './official-layout.ts';
import { chartTable, type ChartArea } from './seating-docx-table.ts';
import { PT_PER_MM } from './seating-fit.ts';
import { emWidth, wrapLines } from './text-fit.ts';
import { balancedTitleLines } from './title-lines.ts';

const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (value: number) => Math.round(value * TWIPS_PER_MM);

/** Landscape sheets, long side across: the chart is wider than it is deep. */
const PAPER_MM: Record<SeatingPaper, { width: number; height: number }> = {
  A4: { width: 297, height: 210 },
  A3: { width: 420, height: 297 },
};
const MARGIN_MM = 15;
/** Type on A3 is A4's scaled by the ratio of the sheets (√2), so both read from as far. */
const SCALE: Record<SeatingPaper, number> = { A4: 1, A3: Math.SQRT2 };
/** Text lines above and below the chart are set at this pitch (× their size). */
const PITCH = 1.3;
/** Room left unused at the page's foot, so rounding never pushes the legend onto a page 2. */
const SLACK_MM = 4;

/** A seat of the chart: who sits there and the seat's number (the rank the rule seats there). */
export interface NumberedSeat {
  person: SeatedPerson;
  seat: number;
}

export interface SeatingChartModel {
  /** 「××座谈会座次表」 */
  title: string;
  /** The day and the place, under the title: 「2026年11月25日, U+3000, 区委第一会议室」; '' for none. */
  occasion: string;
  paper: SeatingPaper;
  grid: SeatingGrid<NumberedSeat>;
  /** Printed names: the spaced two-character form (张, U+3000, 勇). */
  nameOf: (person: SeatedPerson) => string;
  /** `head`: a caption above a table's head row (a rostrum has its own in the grid); null: none. */
  captions: { rostrum: string; observers: string; table: string; head: string | null };
  /** The label of the hall's rows (rostrum rows, 列席 rows), front first: 第一排. */
  rowLabel: (index: number) => string;
  /** The note under the chart: whose view it is drawn from, what the numbers are, the count. */
  legend: string;
}

const exactLine = (pt: number) => ({
  line: Math.round(pt * PITCH * 20),
  lineRule: 'exact' as const,
});

/** Lines of text at `pt`, their height in mm: what a paragraph set at the exact pitch takes. */
const linesHeight = (lines: number, pt: number) => (lines * pt * PITCH) / PT_PER_MM;

/** The seating chart (座次表) on one landscape sheet, A4 or A3, as the hall sees the room. */
export async function seatingChartDocx(model: SeatingChartModel): Promise<Buffer> {
  const paper = PAPER_MM[model.paper];
  const scale = SCALE[model.paper];
  const typeWidth = paper.width - 2 * MARGIN_MM;
  const typeHeight = paper.height - 2 * MARGIN_MM;
  const widthPt = typeWidth * PT_PER_MM;

  const titlePt = 22 * scale;
  const titleLines = balancedTitleLines(model.title, widthPt / titlePt - 1);
  const occasionPt = 15 * scale;
  const legendPt = 10.5 * scale;
  const legendLines = wrapLines(model.legend, widthPt / legendPt - 1);
  const gap = 3 * scale;
  const chartHeight =
    typeHeight -
    linesHeight(titleLines.length, titlePt) -
    (model.occasion ? linesHeight(1, occasionPt) : 0) -
    linesHeight(legendLines.length, legendPt) -
    2 * gap -
    SLACK_MM;
  const area: ChartArea = { width: typeWidth, height: chartHeight, scale };
  const table = chartTable(model, area);
  // A chart shorter than its area sits in the middle of it, not under the title.
  const above = gap + (chartHeight - table.height) / 2;
  const below = gap + (chartHeight - table.height) / 2;

  const line = (text: string, font: typeof FONTS.title, pt: number) =>
    new TextRun({ text, font, size: Math.round(pt * 2) });
  const heading = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...exactLine(titlePt), before: 0, after: model.occasion ? 0 : mm(above) },
      children: titleLines.flatMap((text, index) => [
        ...(index > 0 ? [new TextRun({ break: 1 })] : []),
        line(text, FONTS.title, titlePt),
      ]),
    }),
    ...(model.occasion
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { ...exactLine(occasionPt), before: 0, after: mm(above) },
            children: [line(model.occasion, FONTS.kaiti, occasionPt)],
          }),
        ]
      : []),
  ];
  const legend = new Paragraph({
    alignment:
      emWidth(model.legend) * legendPt < widthPt ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { ...exactLine(legendPt), before: mm(below), after: 0 },
    children: [line(model.legend, FONTS.body, legendPt)],
  });

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
              header: 0,
              footer: 0,
            },
          },
        },
        children: [...heading, table.table, legend],
      },
    ],
  });
  return patchDocx(await Packer.toBuffer(document), {
    'word/fontTable.xml': (xml) => fillFontTable(xml, OFFICIAL_FONT_TABLE),
  });
}
