import PptxGenJS from 'pptxgenjs';
import type { Meeting, SlideTheme } from '../core/meeting.ts';
import { imageSize } from './image-size.ts';
import { BAND_IN, CARD_POSITION_PT } from './slides-layout.ts';
import { BODY_WIDTH_IN, SLIDE, type PlacedText, type SlideSpec } from './slides-model.ts';
import { bulletPrefix } from './slides-paging.ts';
import { drawChart } from './slides-chart.ts';
import { withDeclaredPartsOnly } from './package-parts.ts';
import { readStoredZip, writeDeflatedZip } from './zip-package.ts';

/**
 * Microsoft YaHei is on every Windows since Vista and WPS maps it; pptxgenjs writes it as the
 * Latin, East-Asian and complex-script face with the GB2312 charset, so PowerPoint keeps it for
 * Chinese instead of substituting, and a machine without it falls back to its own Chinese sans.
 */
export const SLIDE_FONT = 'Microsoft YaHei';

interface Palette {
  coverBackground: string;
  coverTitle: string;
  coverText: string;
  band: string;
  bandText: string;
  accent: string;
  ink: string;
  muted: string;
  rule: string;
}

/** 党建 red and gold, or a plain blue-grey for meetings of other kinds. */
export const PALETTES: Record<SlideTheme, Palette> = {
  party: {
    coverBackground: 'B7141B',
    coverTitle: 'FFE29A',
    coverText: 'FFFFFF',
    band: 'B7141B',
    bandText: 'FFFFFF',
    accent: 'C9A227',
    ink: '222222',
    muted: '6B6B6B',
    rule: 'E6C76A',
  },
  neutral: {
    coverBackground: '1F3A5F',
    coverTitle: 'FFFFFF',
    coverText: 'DCE6F2',
    band: '1F3A5F',
    bandText: 'FFFFFF',
    accent: '3A7BBF',
    ink: '222222',
    muted: '5E6670',
    rule: 'A9C3E0',
  },
};

const { widthIn: W, heightIn: H, marginIn: M } = SLIDE;
const text = (options: PptxGenJS.TextPropsOptions): PptxGenJS.TextPropsOptions => ({
  fontFace: SLIDE_FONT,
  lang: 'zh-CN',
  margin: 0,
  fit: 'none',
  ...options,
});

/** A text measured by the model, at its size and exact line pitch, in its box. */
function addPlaced(
  slide: PptxGenJS.Slide,
  placed: PlacedText,
  options: PptxGenJS.TextPropsOptions = {},
) {
  const lines = placed.breaks ?? [placed.text];
  slide.addText(
    lines.map((line, index) => ({ text: line, options: { softBreakBefore: index > 0 } })),
    text({
      x: placed.x,
      y: placed.y,
      w: placed.w,
      h: placed.h,
      fontSize: placed.fontPt,
      lineSpacing: placed.linePt,
      valign: 'top',
      ...options,
    }),
  );
}

const rule = (
  slide: PptxGenJS.Slide,
  color: string,
  box: { x: number; y: number; w: number; h: number },
) => slide.addShape('rect', { ...box, fill: { color }, line: { color } });

/** The logo as pptxgenjs takes it, sized to fit `box` without distortion. */
function logoImage(logo: string, box: { x: number; y: number; w: number; h: number }) {
  const size = imageSize(Buffer.from(logo.slice(logo.indexOf(',') + 1), 'base64'));
  if (!size) return null;
  const scale = Math.min(box.w / size.width, box.h / size.height);
  const w = size.width * scale;
  const h = size.height * scale;
  return { data: logo.slice('data:'.length), x: box.x + (box.w - w) / 2, y: box.y, w, h };
}

function addBand(slide: PptxGenJS.Slide, p: Palette, band: PlacedText, meeting: Meeting) {
  rule(slide, p.band, { x: 0, y: 0, w: W, h: BAND_IN });
  rule(slide, p.rule, { x: 0, y: BAND_IN, w: W, h: 0.06 });
  addPlaced(slide, band, { bold: true, color: p.bandText });
  const logo =
    meeting.logo && logoImage(meeting.logo, { x: W - M - 0.7, y: 0.12, w: 0.7, h: BAND_IN - 0.24 });
  if (logo) slide.addImage(logo);
}

/**
 * The meeting's name at the foot of a content slide, 10 pt: not meant to be read in the hall,
 * it names the deck on a printout. Drawn last, so it is read last.
 */
function addFooter(slide: PptxGenJS.Slide, p: Palette, footer: PlacedText) {
  addPlaced(slide, footer, { color: p.muted, align: 'right' });
}

function drawCover(
  slide: PptxGenJS.Slide,
  p: Palette,
  spec: Extract<SlideSpec, { kind: 'cover' }>,
  meeting: Meeting,
) {
  const { layout } = spec;
  slide.background = { color: p.coverBackground };
  const logo = meeting.logo && layout.logo && logoImage(meeting.logo, layout.logo);
  if (logo) slide.addImage(logo);
  for (const y of layout.rulesIn) rule(slide, p.rule, { x: 1.2, y, w: W - 2.4, h: 0.04 });
  addPlaced(slide, layout.title, { bold: true, color: p.coverTitle, align: 'center' });
  for (const line of [layout.organizer, layout.dateVenue]) {
    if (line) addPlaced(slide, line, { color: p.coverText, align: 'center' });
  }
}

function drawAgenda(
  slide: PptxGenJS.Slide,
  p: Palette,
  spec: Extract<SlideSpec, { kind: 'agenda' }>,
  meeting: Meeting,
) {
  addBand(slide, p, spec.band, meeting);
  const cell = (value: string, options: PptxGenJS.TableCellProps = {}) => ({
    text: value,
    options: { lineSpacing: SLIDE.agenda.linePt, ...options } as PptxGenJS.TableCellProps,
  });
  const header = [
    cell('顺序', { align: 'center' }),
    cell('发言单位及发言人'),
    cell('分钟', { align: 'center' }),
  ].map((c) => ({
    ...c,
    options: { ...c.options, bold: true, color: p.bandText, fill: { color: p.band } },
  }));
  // Minutes as a bare number under 分钟: a unit cannot wrap away from its number ("20 分 / 钟").
  const rows = spec.rows.map((row) => [
    cell(row.order, { color: p.band, bold: true, align: 'center' }),
    cell(row.speaker),
    cell(String(row.minutes), { align: 'center' }),
  ]);
  slide.addTable([header, ...rows], {
    x: M,
    y: SLIDE.bodyTopIn,
    w: SLIDE.agendaColumnsIn.reduce((a, b) => a + b, 0),
    colW: [...SLIDE.agendaColumnsIn],
    fontFace: SLIDE_FONT,
    fontSize: SLIDE.agenda.fontPt,
    color: p.ink,
    valign: 'middle',
    margin: [3, 6, 3, 6],
    border: { type: 'solid', pt: 0.75, color: p.rule },
  });
}

function drawSpeaker(
  slide: PptxGenJS.Slide,
  p: Palette,
  spec: Extract<SlideSpec, { kind: 'speaker' }>,
) {
  const { layout } = spec;
  slide.background = { color: 'FFFFFF' };
  rule(slide, p.band, { x: 0, y: 0, w: 0.35, h: H });
  rule(slide, p.rule, { x: 0.35, y: 0, w: 0.06, h: H });
  // The meeting's name, small in a corner: it says which meeting, it is not read from the back.
  addPlaced(slide, layout.header, { color: p.muted, align: 'center' });
  addPlaced(slide, layout.ordinal, { bold: true, color: p.band, align: 'center' });
  if (layout.organization) addPlaced(slide, layout.organization, { color: p.ink, align: 'center' });
  const { name } = layout;
  slide.addText(
    [
      { text: name.text, options: { fontSize: name.fontPt, bold: true, color: p.ink } },
      ...(layout.positionInline
        ? [{ text: layout.positionInline, options: { fontSize: CARD_POSITION_PT, color: p.muted } }]
        : []),
    ],
    text({
      x: name.x,
      y: name.y,
      w: name.w,
      h: name.h,
      lineSpacing: name.linePt,
      align: 'center',
      valign: 'top',
    }),
  );
  if (layout.position) addPlaced(slide, layout.position, { color: p.muted, align: 'center' });
  if (layout.topic && layout.ruleIn !== null) {
    rule(slide, p.accent, { x: 2.5, y: layout.ruleIn, w: W - 5, h: 0.03 });
    addPlaced(slide, layout.topic, { color: p.ink, align: 'center' });
  }
}

function drawList(
  slide: PptxGenJS.Slide,
  p: Palette,
  spec: Extract<SlideSpec, { kind: 'list' }>,
  meeting: Meeting,
) {
  addBand(slide, p, spec.band, meeting);
  let top = SLIDE.bodyTopIn;
  if (spec.lead) {
    addPlaced(slide, spec.lead, { color: p.muted });
    top = spec.lead.y + spec.lead.h + 6 / 72;
  }
  if (spec.bullets.length === 0) return;
  const runs = spec.bullets.flatMap((bullet, index) => {
    const last = index === spec.bullets.length - 1 && !spec.more;
    const label = bulletPrefix(bullet);
    return [
      ...(label ? [{ text: label, options: { bold: true, color: p.band } }] : []),
      { text: bullet.text, options: { color: p.ink, breakLine: !last } },
    ];
  });
  if (spec.more) runs.push({ text: spec.more, options: { color: p.muted, breakLine: false } });
  slide.addText(
    runs,
    text({
      x: M,
      y: top,
      w: BODY_WIDTH_IN,
      h: SLIDE.bodyTopIn + SLIDE.bodyHeightIn - top,
      fontSize: spec.style.fontPt,
      lineSpacing: spec.style.linePt,
      paraSpaceAfter: spec.style.gapPt,
      valign: 'top',
    }),
  );
}

/**
 * The run's timing as the report's chart (the same layout as the console's and the .xlsx's
 * picture; not PowerPoint's bar chart, which cannot carry the skipped marks, the adjusted limits
 * and the leader's start), drawn in the slide's own shapes.
 */
function drawTiming(
  slide: PptxGenJS.Slide,
  p: Palette,
  spec: Extract<SlideSpec, { kind: 'timing' }>,
  meeting: Meeting,
) {
  addBand(slide, p, spec.band, meeting);
  drawChart(slide, spec.chart, spec.box, SLIDE_FONT);
}

/** How far a long export has come, 0 to 1; called every few hundred slides. */
export type ProgressReport = (fraction: number) => void;

/** The deck as a .pptx file, 16:9, in the meeting's theme. */
export async function slidesPptx(
  slides: SlideSpec[],
  meeting: Meeting,
  onProgress: ProgressReport = () => {},
): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9';
  pptx.title = meeting.title;
  pptx.company = meeting.organizer;
  pptx.author = meeting.organizer || 'Roundtable';
  pptx.theme = { headFontFace: SLIDE_FONT, bodyFontFace: SLIDE_FONT };
  const palette = PALETTES[meeting.slideTheme];
  for (const [index, spec] of slides.entries()) {
    const slide = pptx.addSlide();
    switch (spec.kind) {
      case 'cover':
        drawCover(slide, palette, spec, meeting);
        break;
      case 'agenda':
        drawAgenda(slide, palette, spec, meeting);
        break;
      case 'speaker':
        drawSpeaker(slide, palette, spec);
        break;
      case 'list':
        drawList(slide, palette, spec, meeting);
        break;
      case 'timing':
        drawTiming(slide, palette, spec, meeting);
        break;
      default:
        spec satisfies never;
    }
    if (spec.kind !== 'cover' && spec.kind !== 'speaker') addFooter(slide, palette, spec.footer);
    // Drawing is about a third of the work; writing the XML and packing it, the rest.
    if (index % 200 === 199) onProgress((0.3 * index) / slides.length);
  }
  // Stored, not compressed: the package is repacked below, and deflated once there.
  const written = (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
  onProgress(0.7);
  return repairedPackage(written);
}

/**
 * The package as PowerPoint opens it without a repair prompt. pptxgenjs repeats a paragraph's
 * <a:pPr> before every run after the first (bold label, then text), which the schema does not
 * allow: only the first is kept, where it belongs. Its content types name parts it never wrote:
 * those go (see package-parts.ts). Then the package is compressed.
 */
function repairedPackage(stored: Buffer): Buffer {
  const entries = readStoredZip(stored).map((entry) =>
    /^ppt\/slides\/slide\d+\.xml$/.test(entry.name)
      ? { ...entry, data: Buffer.from(entry.data.toString('utf8').replace(STRAY_PPR, '$1')) }
      : entry,
  );
  return writeDeflatedZip(withDeclaredPartsOnly(entries));
}
const STRAY_PPR = /(<\/a:r>|<a:br\/>)<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g;
