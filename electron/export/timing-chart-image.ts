import { existsSync } from 'node:fs';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import type { AgendaItem } from '../core/agenda.ts';
import type { RunState } from '../core/run.ts';
import { timingChart, type TimingChart } from '../core/timing-chart.ts';
import {
  layoutTimingChart,
  type ChartLayout,
  type ChartShape,
} from '../core/timing-chart-layout.ts';
import { chineseChartLabels } from './timing-chart-words.ts';

/** The face the chart's picture is drawn in: Noto Sans CJK ships with the usual Linux desktops. */
const FONT_FAMILY =
  'Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif';

const escapeXml = (text: string) =>
  text.replace(/[<>&"]/g, (ch) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot' }[ch]};`);

function shapeSvg(shape: ChartShape): string {
  const dash = (dashed?: boolean) => (dashed ? ' stroke-dasharray="4 3"' : '');
  switch (shape.type) {
    case 'rect':
      return `<rect x="${shape.x}" y="${shape.y}" width="${shape.width}" height="${shape.height}" fill="${shape.fill}"${shape.stroke ? ` stroke="${shape.stroke}" stroke-width="1.5"` : ''}${dash(shape.dashed)}/>`;
    case 'line':
      return `<line x1="${shape.x1}" y1="${shape.y1}" x2="${shape.x2}" y2="${shape.y2}" stroke="${shape.stroke}" stroke-width="${shape.strokeWidth}"${dash(shape.dashed)}/>`;
    case 'text':
      return `<text x="${shape.x}" y="${shape.y}" font-size="${shape.size}" fill="${shape.fill}" text-anchor="${shape.anchor}"${shape.bold ? ' font-weight="bold"' : ''}>${escapeXml(shape.text)}</text>`;
  }
  return shape satisfies never;
}

/** The laid-out chart as an SVG document on a white ground. */
export function chartSvg(layout: ChartLayout): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="${FONT_FAMILY}">`,
    `<rect width="${layout.width}" height="${layout.height}" fill="#ffffff"/>`,
    ...layout.shapes.map(shapeSvg),
    '</svg>',
  ].join('\n');
}

export interface Raster {
  width: number;
  height: number;
  /** RGBA, four bytes a pixel, row by row. */
  pixels: Buffer;
  png: Buffer;
}

/**
 * Faces to draw with, the first set whose CJK file is here: Windows' 微软雅黑, macOS's 苹方, and on
 * Linux Liberation Sans with Droid Sans Fallback before Noto Sans CJK. resvg outlines Noto's CFF
 * glyphs about ten times slower than TrueType ones (seconds for one chart on a loaded machine),
 * and scanning every system font costs a second more.
 */
const FONT_SETS: { cjk: string; others: string[] }[] = [
  { cjk: 'C:\\Windows\\Fonts\\msyh.ttc', others: ['C:\\Windows\\Fonts\\msyhbd.ttc'] },
  { cjk: '/System/Library/Fonts/PingFang.ttc', others: [] },
  {
    cjk: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
    others: [
      '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf',
      '/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf',
    ],
  },
  {
    cjk: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    others: ['/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'],
  },
];
let fontOptions: ResvgRenderOptions['font'] | undefined;

/** The fonts resvg draws with: the first set found here, else every system font. */
function chartFonts(): ResvgRenderOptions['font'] {
  if (!fontOptions) {
    const set = FONT_SETS.find((candidate) => existsSync(candidate.cjk));
    fontOptions = set
      ? {
          loadSystemFonts: false,
          fontFiles: [set.cjk, ...set.others.filter((file) => existsSync(file))],
          defaultFontFamily: 'Droid Sans Fallback',
        }
      : { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' };
  }
  return fontOptions;
}

/** An SVG drawn `scale` times its size by resvg, with the machine's own fonts (CJK included). */
export function rasterizeSvg(svg: string, scale: number): Raster {
  const image = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: chartFonts(),
  }).render();
  return {
    width: image.width,
    height: image.height,
    pixels: Buffer.from(image.pixels),
    png: Buffer.from(image.asPng()),
  };
}

export interface ChartPicture {
  chart: TimingChart;
  layout: ChartLayout;
  /** The picture at `scale` times the layout's size, for a sharp print. */
  png: Buffer;
}

/**
 * The timing chart of a finished (or running) meeting as a PNG, drawn without a browser, in
 * Chinese: the exports are Chinese documents.
 */
export function timingChartPicture(
  items: readonly AgendaItem[],
  plannedStartAt: number,
  run: Pick<RunState, 'clock' | 'itemRuns' | 'adjustedLimits'>,
  now: number,
  clockTime: (epochMs: number) => string,
  width = 960,
  scale = 2,
): ChartPicture {
  const chart = timingChart(items, plannedStartAt, run, now, run.adjustedLimits);
  const layout = layoutTimingChart(chart, chineseChartLabels(clockTime), width);
  return { chart, layout, png: rasterizeSvg(chartSvg(layout), scale).png };
}
