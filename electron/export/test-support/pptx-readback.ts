import JSZip from 'jszip';
import { child, children, descendants, parseXml, type XmlElement } from './xml-tree.ts';

/**
 * Reads a .pptx back for tests: every shape of every slide with its box and its paragraphs as
 * PowerPoint gets them from the XML (run sizes, the exact line pitch, the space after), every
 * table cell likewise, and the package's parts, content types and relationships.
 */

const EMU_PER_IN = 914_400;

export interface ReadRun {
  text: string;
  /** Points. */
  sizePt: number;
  bold: boolean;
}

export interface ReadParagraph {
  text: string;
  runs: ReadRun[];
  /** The exact line pitch (`a:lnSpc/a:spcPts`) in points, if the paragraph sets one. */
  linePt: number | undefined;
  spaceAfterPt: number;
}

export interface ReadCell {
  paragraphs: ReadParagraph[];
  /** The cell's top and bottom margins together, and its left and right, in points. */
  marginsPt: number;
  sideMarginsPt: number;
}

export interface ReadShape {
  /** Inches from the slide's top left. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** A preset shape without text (the rules and bands), or a text box. */
  paragraphs: ReadParagraph[];
  /** Set on a table: its cells row by row, and each column's width in inches. */
  table?: { rows: ReadCell[][]; columnsIn: number[] };
}

export interface ReadSlide {
  name: string;
  shapes: ReadShape[];
  /** The slide's text, paragraph by paragraph. */
  text: string;
}

const hundredths = (value: string | undefined) =>
  value === undefined ? undefined : Number(value) / 100;

function readParagraph(p: XmlElement): ReadParagraph {
  const pPr = child(p, 'a:pPr');
  const elements = p.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && (c.name === 'a:r' || c.name === 'a:br'),
  );
  const runs = elements.map((r) => {
    const rPr = child(r, 'a:rPr');
    return {
      // A line break reads as "\n", where the line it ends ends.
      text:
        r.name === 'a:br'
          ? '\n'
          : descendants(r, 'a:t')
              .flatMap((t) => t.children.filter((c): c is string => typeof c === 'string'))
              .join(''),
      sizePt: hundredths(rPr?.attrs.sz) ?? (r.name === 'a:br' ? 0 : 18),
      bold: rPr?.attrs.b === '1',
    };
  });
  return {
    text: runs.map((r) => r.text).join(''),
    runs,
    linePt: hundredths(child(child(pPr, 'a:lnSpc'), 'a:spcPts')?.attrs.val),
    spaceAfterPt: hundredths(child(child(pPr, 'a:spcAft'), 'a:spcPts')?.attrs.val) ?? 0,
  };
}

function box(xfrm: XmlElement | undefined) {
  const off = child(xfrm, 'a:off')?.attrs ?? {};
  const ext = child(xfrm, 'a:ext')?.attrs ?? {};
  return {
    x: Number(off.x ?? 0) / EMU_PER_IN,
    y: Number(off.y ?? 0) / EMU_PER_IN,
    w: Number(ext.cx ?? 0) / EMU_PER_IN,
    h: Number(ext.cy ?? 0) / EMU_PER_IN,
  };
}

function readSlideXml(name: string, xml: string): ReadSlide {
  const tree = child(parseXml(xml), 'p:cSld');
  const spTree = child(tree, 'p:spTree');
  const shapes: ReadShape[] = [];
  for (const sp of children(spTree, 'p:sp')) {
    const body = child(sp, 'p:txBody');
    shapes.push({
      ...box(child(child(sp, 'p:spPr'), 'a:xfrm')),
      paragraphs: children(body, 'a:p').map(readParagraph),
    });
  }
  for (const frame of children(spTree, 'p:graphicFrame')) {
    const table = descendants(frame, 'a:tbl')[0];
    if (!table) continue;
    shapes.push({
      ...box(child(frame, 'p:xfrm')),
      paragraphs: [],
      table: {
        columnsIn: descendants(table, 'a:gridCol').map((c) => Number(c.attrs.w) / EMU_PER_IN),
        rows: children(table, 'a:tr').map((tr) =>
          children(tr, 'a:tc').map((tc) => {
            const tcPr = child(tc, 'a:tcPr')?.attrs ?? {};
            return {
              paragraphs: children(child(tc, 'a:txBody'), 'a:p').map(readParagraph),
              marginsPt:
                ((Number(tcPr.marT ?? 45720) + Number(tcPr.marB ?? 45720)) * 72) / EMU_PER_IN,
              sideMarginsPt:
                ((Number(tcPr.marL ?? 91440) + Number(tcPr.marR ?? 91440)) * 72) / EMU_PER_IN,
            };
          }),
        ),
      },
    });
  }
  const texts = shapes.flatMap((s) =>
    s.table
      ? s.table.rows.flat().flatMap((c) => c.paragraphs.map((p) => p.text))
      : s.paragraphs.map((p) => p.text),
  );
  return { name, shapes, text: texts.filter(Boolean).join('\n') };
}

export interface ReadPackage {
  slides: ReadSlide[];
  /** Every part's name, without the leading slash (`ppt/slides/slide1.xml`). */
  parts: string[];
  contentTypes: XmlElement;
  /** Each .rels part by name, with its relationships. */
  relationships: Map<string, { target: string; external: boolean }[]>;
}

export async function readPptx(pptx: Buffer): Promise<ReadPackage> {
  const zip = await JSZip.loadAsync(pptx);
  const parts = Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const slideNames = parts
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(a.match(/\d+/)?.[0]) - Number(b.match(/\d+/)?.[0]));
  const slides: ReadSlide[] = [];
  for (const name of slideNames) slides.push(readSlideXml(name, await read(name)));
  const relationships = new Map<string, { target: string; external: boolean }[]>();
  for (const name of parts.filter((n) => n.endsWith('.rels'))) {
    relationships.set(
      name,
      children(parseXml(await read(name)), 'Relationship').map((r) => ({
        target: r.attrs.Target ?? '',
        external: r.attrs.TargetMode === 'External',
      })),
    );
  }
  return {
    slides,
    parts,
    contentTypes: parseXml(await read('[Content_Types].xml')),
    relationships,
  };
}

/** The part a relationship in `relsPart` points to (`ppt/slides/_rels/slide1.xml.rels`). */
export function resolveTarget(relsPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const source = relsPart.replace(/_rels\/([^/]*)\.rels$/, '$1');
  const segments = source.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.') segments.push(segment);
  }
  return segments.join('/');
}
