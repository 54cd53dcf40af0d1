import { Document, Packer, PageOrientation, Paragraph, TextRun } from 'docx';
import { fillFontTable, OFFICIAL_FONT_TABLE, patchDocx } from './docx-patch.ts';
import { wrapLines } from './text-fit.ts';

/**
 * Table name cards (桌签): one A4 landscape sheet per person, folded across its middle into a
 * tent. Both faces carry the name; the upper one is turned 180° so that, folded, each face reads
 * upright to the side it faces.
 *
 * Each face's text is a VML WordArt shape (v:textpath) rotated as a whole. Text boxes were tried
 * first: LibreOffice 7.4 prints neither a VML text box with rotation:180 nor a DrawingML one with
 * xfrm rot=10800000 turned (their text stays upright), while it does turn a WordArt shape, as
 * Word does. WordArt also fills its box exactly, which is what sizes the name to the card.
 */

const SHEET = { width: 297, height: 210 };
/** Where the sheet is trimmed: the card is the sheet less this all round. */
const TRIM = 10;
const FOLD = SHEET.height / 2;
/** The widest and tallest a name may be on a face, in mm. */
const NAME_MAX = { width: SHEET.width - 2 * TRIM - 30, height: 52 };
const ORGANIZATION = { height: 9, gap: 7 };

export interface NameCard {
  /** As printed: the spaced two-character form (张, U+3000, 勇). */
  name: string;
  organization: string;
  /** The seat's number on the seating chart, printed small outside the card to match the two. */
  seat: number;
}

export interface NameCardsModel {
  title: string;
  cards: NameCard[];
  /** Print each card's organization under the name. */
  withOrganization: boolean;
}

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.codePointAt(0)};`);

/** Word's WordArt "plain text" shape type, declared before each shape that uses it. */
const TEXT_SHAPE_TYPE =
  '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e"><v:path textpathok="t" o:connecttype="custom"/><v:textpath on="t" fitshape="t"/><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

let shapeSerial = 0;

const pagePosition =
  'position:absolute;mso-position-horizontal-relative:page;mso-position-vertical-relative:page';

function wordArt(text: string, box: Box, turned: boolean, font: string): string {
  shapeSerial++;
  const style = [
    pagePosition,
    `margin-left:${box.x.toFixed(2)}mm`,
    `margin-top:${box.y.toFixed(2)}mm`,
    `width:${box.width.toFixed(2)}mm`,
    `height:${box.height.toFixed(2)}mm`,
    `rotation:${turned ? 180 : 0}`,
    `z-index:${shapeSerial}`,
  ].join(';');
  return (
    TEXT_SHAPE_TYPE +
    `<v:shape id="card-text-${shapeSerial}" type="#_x0000_t136" style="${style}" fillcolor="black" stroked="f">` +
    `<v:fill on="t"/><v:textpath on="t" style="font-family:&quot;${font}&quot;;font-size:1pt" string="${escapeXml(text)}"/>` +
    '<w10:wrap anchorx="page" anchory="page"/></v:shape>'
  );
}

function line(from: [number, number], to: [number, number], dashed: boolean): string {
  shapeSerial++;
  return (
    `<v:line id="card-mark-${shapeSerial}" style="${pagePosition};z-index:${shapeSerial}" ` +
    `from="${from[0]}mm,${from[1]}mm" to="${to[0]}mm,${to[1]}mm" strokecolor="#9a9a9a" strokeweight="0.5pt">` +
    `<v:stroke${dashed ? ' dashstyle="dash"' : ''}/><w10:wrap anchorx="page" anchory="page"/></v:line>`
  );
}

/** Light marks: the fold, dashed across the sheet, and the trim at each corner, outside the card. */
function marks(): string[] {
  const { width, height } = SHEET;
  const ticks: string[] = [line([TRIM, FOLD], [width - TRIM, FOLD], true)];
  for (const x of [TRIM, width - TRIM]) {
    ticks.push(
      line([x, 2], [x, TRIM - 2], false),
      line([x, height - TRIM + 2], [x, height - 2], false),
    );
  }
  for (const y of [TRIM, height - TRIM]) {
    ticks.push(
      line([2, y], [TRIM - 2, y], false),
      line([width - TRIM + 2, y], [width - 2, y], false),
    );
  }
  return ticks;
}

/**
 * How wide a line is drawn in a WordArt shape, in em of its height. WordArt stretches its text
 * to fill the box, so the box must have the text's own proportions: a Chinese character is a
 * square; Latin letters and figures, measured as proportional text (emWidth, 0.6), got a box
 * too narrow and an English name came out squeezed and tall. 0.7 was judged by eye in print.
 */
function artWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) < 0x2e80 ? 0.7 : 1;
  return width;
}

/** A box `em` squares wide at `height`, shrunk to fit `maxWidth`. */
function fitted(text: string, height: number, maxWidth: number) {
  const em = Math.max(1, artWidth(text));
  const h = Math.min(height, maxWidth / em);
  return { width: em * h, height: h };
}

/** An organization line lower than this is hard to read across a table: it takes two lines. */
const ORGANIZATION_MIN_HEIGHT = 6;

/** The organization in one line, or a long one in two of about equal length. */
function organizationLines(text: string): string[] {
  if (fitted(text, ORGANIZATION.height, NAME_MAX.width).height >= ORGANIZATION_MIN_HEIGHT) {
    return [text];
  }
  const lines = wrapLines(text, Math.ceil(artWidth(text) / 2), artWidth);
  return lines.length === 2 ? lines : [text];
}

/** The lower face as laid out, and the upper face: the same, turned about the sheet's centre. */
function faces(card: NameCard, withOrganization: boolean): string[] {
  const name = fitted(card.name, NAME_MAX.height, NAME_MAX.width);
  const lines = withOrganization && card.organization ? organizationLines(card.organization) : [];
  // Both lines of a long organization at one height, that of the longer.
  const lineHeight = Math.min(
    ...lines.map((line) => fitted(line, ORGANIZATION.height, NAME_MAX.width).height),
  );
  const organization = lines.map((line) => ({ line, width: artWidth(line) * lineHeight }));
  const total =
    name.height + organization.length * (ORGANIZATION.gap / 2 + lineHeight) + ORGANIZATION.gap / 2;
  const top = FOLD + (SHEET.height - TRIM - FOLD - (lines.length > 0 ? total : name.height)) / 2;
  const lower: [string, Box, string][] = [
    [card.name, { x: (SHEET.width - name.width) / 2, y: top, ...name }, '楷体_GB2312'],
  ];
  organization.forEach(({ line, width }, index) => {
    lower.push([
      line,
      {
        x: (SHEET.width - width) / 2,
        y: top + name.height + ORGANIZATION.gap + index * (lineHeight + ORGANIZATION.gap / 2),
        width,
        height: lineHeight,
      },
      '楷体_GB2312',
    ]);
  });
  const turned = ([text, box, font]: [string, Box, string]) =>
    wordArt(
      text,
      { ...box, x: SHEET.width - box.x - box.width, y: SHEET.height - box.y - box.height },
      true,
      font,
    );
  return [
    ...lower.map(turned),
    ...lower.map(([text, box, font]) => wordArt(text, box, false, font)),
  ];
}

/**
 * The seat's number in the strip the trim cuts off, at the lower face's left: whoever sets the
 * cards out matches it to the chart's, and the guests never see it.
 */
function seatNumber(card: NameCard): string {
  const text = `${card.seat}号座位`;
  const height = 3.5;
  return wordArt(
    text,
    { x: TRIM + 4, y: SHEET.height - TRIM + 2, width: artWidth(text) * height, height },
    false,
    '黑体',
  );
}

const marker = (index: number) => `@@NAME-CARD-${index}@@`;

/** Every card, one sheet each, in the order given (the seat order). */
export async function nameCardsDocx(model: NameCardsModel): Promise<Buffer> {
  shapeSerial = 0;
  const mm = (value: number) => Math.round((value * 1440) / 25.4);
  const document = new Document({
    title: model.title,
    creator: 'Roundtable',
    sections: [
      {
        properties: {
          page: {
            size: {
              width: mm(SHEET.height),
              height: mm(SHEET.width),
              orientation: PageOrientation.LANDSCAPE,
            },
            margin: { top: mm(TRIM), bottom: mm(TRIM), left: mm(TRIM), right: mm(TRIM) },
          },
        },
        children: (model.cards.length > 0 ? model.cards : [null]).map(
          (_, index) =>
            new Paragraph({
              pageBreakBefore: index > 0,
              children: [new TextRun(model.cards.length > 0 ? marker(index) : '')],
            }),
        ),
      },
    ],
  });
  // One shape to a run: LibreOffice draws only the first shape of a w:pict holding several.
  const inRuns = (shapes: string[]) =>
    shapes.map((shape) => `<w:r><w:pict>${shape}</w:pict></w:r>`);
  const shapes = model.cards.map((card) =>
    inRuns([...marks(), ...faces(card, model.withOrganization), seatNumber(card)]).join(''),
  );
  return patchDocx(await Packer.toBuffer(document), {
    'word/document.xml': (xml) =>
      xml.replace(
        /<w:r>(?:(?!<\/w:r>).)*?@@NAME-CARD-(\d+)@@(?:(?!<\/w:r>).)*?<\/w:r>/gs,
        (_, index: string) => shapes[Number(index)] ?? '',
      ),
    'word/fontTable.xml': (xml) => fillFontTable(xml, OFFICIAL_FONT_TABLE),
  });
}
