import PptxGenJS from 'pptxgenjs';
import type { Meeting, SlideTheme } from '../core/meeting.ts';
import { imageSize } from './image-size.ts';
import { LEAD_HEIGHT_PT, SLIDE, type SlideSpec } from './slides-model.ts';
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
const BAND_H = 0.85;
const text = (options: PptxGenJS.TextPropsOptions): PptxGenJS.TextPropsOptions => ({
  fontFace: SLIDE_FONT,
  lang: 'zh-CN',
  margin: 0,
  ...options,
});

/** The logo as pptxgenjs takes it, sized to fit `box` without distortion. */
function logoImage(logo: string, box: { x: number; y: number; w: number; h: number }) {
  const size = imageSize(Buffer.from(logo.slice(logo.indexOf(',') + 1), 'base64'));
  if (!size) return null;
  const scale = Math.min(box.w / size.width, box.h / size.height);
  const w = size.width * scale;
  const h = size.height * scale;
  return { data: logo.slice('data:'.length), x: box.x + (box.w - w) / 2, y: box.y, w, h };
}

function addBand(slide: PptxGenJS.Slide, p: Palette, title: string, meeting: Meeting) {
  slide.addShape('rect', {
    x: 0,
    y: 0,
    w: W,
    h: BAND_H,
    fill: { color: p.band },
    line: { color: p.band },
  });
  slide.addShape('rect', {
    x: 0,
    y: BAND_H,
    w: W,
    h: 0.06,
    fill: { color: p.rule },
    line: { color: p.rule },
  });
  slide.addText(
    title,
    text({
      x: M,
      y: 0.12,
      w: W - 2 * M - 0.9,
      h: BAND_H - 0.24,
      fontSize: 24,
      bold: true,
      color: p.bandText,
      valign: 'middle',
      fit: 'none',
    }),
  );
  const logo =
    meeting.logo && logoImage(meeting.logo, { x: W - M - 0.7, y: 0.12, w: 0.7, h: BAND_H - 0.24 });
  if (logo) slide.addImage(logo);
}

/** The meeting's name at the foot of a content slide; drawn last, so it is read last. */
function addFooter(slide: PptxGenJS.Slide, p: Palette, meeting: Meeting) {
  slide.addText(
    meeting.title,
    text({ x: M, y: H - 0.42, w: W - 2 * M, h: 0.3, fontSize: 10, color: p.muted, align: 'right' }),
  );
}

function drawCover(
  slide: PptxGenJS.Slide,
  p: Palette,
  spec: Extract<SlideSpec, { kind: 'cover' }>,
  meeting: Meeting,
) {
  slide.background = { color: p.coverBackground };
  const logo = meeting.logo && logoImage(meeting.logo, { x: W / 2 - 0.6, y: 0.45, w: 1.2, h: 1.0 });
  if (logo) slide.addImage(logo);
  slide.addShape('rect', {
    x: 1.2,
    y: 1.62,
    w: W - 2.4,
    h: 0.04,
    fill: { color: p.rule },
    line: { color: p.rule },
  });
  slide.addText(
    spec.title,
    text({
      x: 0.8,
      y: 1.8,
      w: W - 1.6,
      h: 1.5,
      fontSize: 32,
      bold: true,
      color: p.coverTitle,
      align: 'center',
      valign: 'middle',
      lineSpacingMultiple: 1.15,
    }),
  );
  slide.addShape('rect', {
    x: 1.2,
    y: 3.45,
    w: W - 2.4,
    h: 0.04,
    fill: { color: p.rule },
    line: { color: p.rule },
  });
  const lines = [spec.organizer, [spec.date, spec.venue].filter(Boolean).join('  ·  ')].filter(
    Boolean,
  );
  slide.addText(
    lines.join('\n'),
    text({
      x: 0.8,
      y: 3.7,
      w: W - 1.6,
      h: 1.1,
      fontSize: 18,
      color: p.coverText,
      align: 'center',
      valign: 'top',
      lineSpacing: 30,
    }),
  );
}

function drawAgenda(
  slide: PptxGenJS.Slide,
  p: Palette,
  spec: Extract<SlideSpec, { kind: 'agenda' }>,
  meeting: Meeting,
) {
  addBand(slide, p, spec.title, meeting);
  const cell = (value: string, options: PptxGenJS.TableCellProps = {}) => ({
    text: value,
    options,
  });
  const header = ['顺序', '发言单位及发言人', '题目', '时长'].map((label) =>
    cell(label, { bold: true, color: p.bandText, fill: { color: p.band } }),
  );
  const rows = spec.rows.map((row) => [
    cell(row.order, { color: p.band, bold: true }),
    cell(row.speaker),
    cell(row.topic),
    cell(`${row.minutes} 分钟`, { align: 'right' }),
  ]);
  slide.addTable([header, ...rows], {
    x: M,
    y: SLIDE.bodyTopIn,
    w: SLIDE.agendaColumnsIn.reduce((a, b) => a + b, 0),
    colW: [...SLIDE.agendaColumnsIn],
    fontFace: SLIDE_FONT,
    fontSize: SLIDE.agendaFontPt,
    color: p.ink,
    valign: 'middle',
    margin: [4, 6, 4, 6],
    border: { type: 'solid', pt: 0.75, color: p.rule },
  });
}

function drawSpeaker(
  slide: PptxGenJS.Slide,
  p: Palette,
  spec: Extract<SlideSpec, { kind: 'speaker' }>,
  meeting: Meeting,
) {
  slide.background = { color: 'FFFFFF' };
  slide.addShape('rect', {
    x: 0,
    y: 0,
    w: 0.35,
    h: H,
    fill: { color: p.band },
    line: { color: p.band },
  });
  slide.addShape('rect', {
    x: 0.35,
    y: 0,
    w: 0.06,
    h: H,
    fill: { color: p.rule },
    line: { color: p.rule },
  });
  slide.addText(
    meeting.title,
    text({ x: 1, y: 0.35, w: W - 2, h: 0.35, fontSize: 12, color: p.muted, align: 'center' }),
  );
  slide.addText(
    spec.ordinal,
    text({
      x: 1,
      y: 0.95,
      w: W - 2,
      h: 0.6,
      fontSize: 26,
      bold: true,
      color: p.band,
      align: 'center',
    }),
  );
  if (spec.organization) {
    slide.addText(
      spec.organization,
      text({ x: 1, y: 1.65, w: W - 2, h: 0.6, fontSize: 28, color: p.ink, align: 'center' }),
    );
  }
  slide.addText(
    [
      { text: spec.name, options: { fontSize: 40, bold: true, color: p.ink } },
      ...(spec.position
        ? [{ text: `  ${spec.position}`, options: { fontSize: 20, color: p.muted } }]
        : []),
    ],
    text({ x: 1, y: 2.35, w: W - 2, h: 0.95, align: 'center', valign: 'middle' }),
  );
  if (spec.topic) {
    slide.addShape('rect', {
      x: 2.5,
      y: 3.5,
      w: W - 5,
      h: 0.03,
      fill: { color: p.accent },
      line: { color: p.accent },
    });
    slide.addText(
      spec.topic,
      text({
        x: 1,
        y: 3.7,
        w: W - 2,
        h: 1.2,
        fontSize: 22,
        color: p.ink,
        align: 'center',
        valign: 'top',
        lineSpacing: 32,
      }),
    );
  }
}

function drawList(
  slide: PptxGenJS.Slide,
  p: Palette,
  spec: Extract<SlideSpec, { kind: 'list' }>,
  meeting: Meeting,
) {
  addBand(slide, p, spec.title, meeting);
  let top = SLIDE.bodyTopIn;
  if (spec.lead) {
    slide.addText(
      spec.lead,
      text({ x: M, y: top, w: W - 2 * M, h: 0.3, fontSize: SLIDE.leadPt, color: p.muted }),
    );
    top += LEAD_HEIGHT_PT / 72;
  }
  if (spec.bullets.length === 0) return;
  const runs = spec.bullets.flatMap((bullet, index) => {
    const last = index === spec.bullets.length - 1;
    const label = bullet.continued ? '' : `${bullet.starred ? '★' : ''}${bullet.label}：`;
    return [
      ...(label ? [{ text: label, options: { bold: true, color: p.band } }] : []),
      { text: bullet.text, options: { color: p.ink, breakLine: !last } },
    ];
  });
  slide.addText(
    runs,
    text({
      x: M,
      y: top,
      w: W - 2 * M,
      h: SLIDE.bodyHeightIn - (top - SLIDE.bodyTopIn),
      fontSize: spec.style.fontPt,
      lineSpacing: spec.style.linePt,
      paraSpaceAfter: spec.style.gapPt,
      valign: 'top',
      fit: 'none',
    }),
  );
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
        drawSpeaker(slide, palette, spec, meeting);
        break;
      case 'list':
        drawList(slide, palette, spec, meeting);
        break;
      default:
        spec satisfies never;
    }
    if (spec.kind === 'agenda' || spec.kind === 'list') addFooter(slide, palette, meeting);
    // Drawing is about a third of the work; writing the XML and packing it, the rest.
    if (index % 200 === 199) onProgress((0.3 * index) / slides.length);
  }
  // Stored, not compressed: the package is repacked below, and deflated once there.
  const written = (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
  onProgress(0.7);
  return withOneParagraphPropertiesEach(written);
}

/**
 * pptxgenjs repeats a paragraph's <a:pPr> before every run after the first (bold label, then
 * text), which the schema does not allow and PowerPoint answers with a repair prompt. Keep only
 * the first, where it belongs, and compress the package.
 */
function withOneParagraphPropertiesEach(stored: Buffer): Buffer {
  const entries = readStoredZip(stored).map((entry) =>
    /^ppt\/slides\/slide\d+\.xml$/.test(entry.name)
      ? { ...entry, data: Buffer.from(entry.data.toString('utf8').replace(STRAY_PPR, '$1')) }
      : entry,
  );
  return writeDeflatedZip(entries);
}
const STRAY_PPR = /(<\/a:r>|<a:br\/>)<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g;
