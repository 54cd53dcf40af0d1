import type { LeaderStart, TimingBar, TimingChart } from './timing-chart.ts';
import { textEms } from './text-ems.ts';

/**
 * The timing chart laid out as plain shapes, so the console (React SVG) and the exports (an SVG
 * string rasterized to PNG) draw the same picture from one geometry.
 */
export type ChartShape =
  | {
      type: 'rect';
      x: number;
      y: number;
      width: number;
      height: number;
      fill: string;
      stroke?: string;
      dashed?: boolean;
    }
  | {
      type: 'line';
      x1: number;
      y1: number;
      x2: number;
      y2: number;
      stroke: string;
      strokeWidth: number;
      dashed?: boolean;
    }
  | {
      type: 'text';
      x: number;
      y: number;
      text: string;
      size: number;
      fill: string;
      anchor: 'start' | 'middle' | 'end';
      bold?: boolean;
    };

export interface ChartLayout {
  width: number;
  height: number;
  shapes: ChartShape[];
}

/** The words of the chart, in the reader's language; the caller's catalog words them. */
export interface TimingChartLabels {
  planned: string;
  actual: string;
  overtime: string;
  adjusted: string;
  breakTime: string;
  skipped: string;
  notStarted: string;
  minutes: string;
  /** What the row's right end says, e.g. "7分30秒 / 7分钟". */
  value: (bar: TimingBar) => string;
  /** The line on the leader's start, e.g. "严正清讲话：计划 10:05 开始，实际 10:12（晚 7 分钟）". */
  leaderStart: (start: LeaderStart) => string;
}

export const CHART_COLORS = {
  text: '#1f2933',
  muted: '#6b7280',
  grid: '#e5e7eb',
  planned: '#4b5563',
  actual: '#2f6fba',
  running: '#8db4e2',
  breakTime: '#c9b458',
  over: '#d93025',
  adjusted: '#e07b00',
  early: '#1e8e3e',
};

/**
 * Text sizes and row pitch, layout units. Up close (the console, the report's picture) the
 * values, legend and axis read a little smaller than the names; on a slide everything is at the
 * names' size, for the back of the hall.
 */
export interface ChartTextStyle {
  /** The items' names and the leader's line. */
  label: number;
  /** A row's value at its right end, and the legend. */
  value: number;
  /** The minutes under the axis. */
  axis: number;
  row: number;
}

export const UP_CLOSE_TEXT: ChartTextStyle = { label: 14, value: 13, axis: 12, row: 28 };

const PAD = 12;
const BAR = 16;
const LABEL_WIDTH = 170;
const VALUE_WIDTH = 150;

/** The text cut with an ellipsis to fit `maxEms`. */
export function fitText(text: string, maxEms: number): string {
  if (textEms(text) <= maxEms) return text;
  let out = '';
  for (const ch of text) {
    if (textEms(`${out}${ch}…`) > maxEms) break;
    out += ch;
  }
  return `${out}…`;
}

function legend(labels: TimingChartLabels, y: number, style: ChartTextStyle): ChartShape[] {
  const keys: { label: string; shape: (x: number) => ChartShape }[] = [
    { label: labels.planned, shape: (x) => outline(x, y - 11, 22, 12, CHART_COLORS.planned) },
    { label: labels.actual, shape: (x) => solid(x, y - 11, 22, 12, CHART_COLORS.actual) },
    { label: labels.overtime, shape: (x) => solid(x, y - 11, 22, 12, CHART_COLORS.over) },
    { label: labels.breakTime, shape: (x) => solid(x, y - 11, 22, 12, CHART_COLORS.breakTime) },
    { label: labels.adjusted, shape: (x) => marker(x + 11, y - 14, y + 3) },
  ];
  const shapes: ChartShape[] = [];
  let x = PAD;
  for (const key of keys) {
    shapes.push(key.shape(x));
    shapes.push(text(x + 28, y, key.label, style.value, CHART_COLORS.text, 'start'));
    x += 28 + textEms(key.label) * style.value + 22;
  }
  return shapes;
}

const solid = (x: number, y: number, width: number, height: number, fill: string): ChartShape => ({
  type: 'rect',
  x,
  y,
  width: Math.max(0, width),
  height,
  fill,
});
const outline = (
  x: number,
  y: number,
  width: number,
  height: number,
  stroke: string,
  dashed = false,
): ChartShape => ({ type: 'rect', x, y, width, height, fill: 'none', stroke, dashed });
const marker = (x: number, y1: number, y2: number): ChartShape => ({
  type: 'line',
  x1: x,
  y1,
  x2: x,
  y2,
  stroke: CHART_COLORS.adjusted,
  strokeWidth: 3,
  dashed: true,
});
const text = (
  x: number,
  y: number,
  value: string,
  size: number,
  fill: string,
  anchor: 'start' | 'middle' | 'end',
  bold = false,
): ChartShape => ({ type: 'text', x, y, text: value, size, fill, anchor, bold });

function barShapes(
  bar: TimingBar,
  top: number,
  xOf: (minutes: number) => number,
  labels: TimingChartLabels,
  style: ChartTextStyle,
): ChartShape[] {
  const y = top + (style.row - BAR) / 2;
  const baseline = top + style.row / 2 + style.label * 0.35;
  const name = fitText(`${bar.number}. ${bar.name}`, (LABEL_WIDTH - 8) / style.label);
  const shapes: ChartShape[] = [text(PAD, baseline, name, style.label, CHART_COLORS.text, 'start')];
  const x0 = xOf(0);
  const waiting = bar.state === 'pending' || bar.state === 'skipped';
  shapes.push(outline(x0, y, xOf(bar.plannedMinutes) - x0, BAR, CHART_COLORS.planned, waiting));
  if (bar.actualMinutes !== null) {
    const fill =
      bar.kind === 'break'
        ? CHART_COLORS.breakTime
        : bar.state === 'running'
          ? CHART_COLORS.running
          : CHART_COLORS.actual;
    shapes.push(solid(x0, y + 3, xOf(bar.withinMinutes) - x0, BAR - 6, fill));
    if (bar.overMinutes > 0) {
      const from = xOf(bar.withinMinutes);
      shapes.push(solid(from, y + 3, xOf(bar.actualMinutes) - from, BAR - 6, CHART_COLORS.over));
    }
  }
  if (bar.adjustedMinutes !== null)
    shapes.push(marker(xOf(bar.adjustedMinutes), y - 4, y + BAR + 4));
  const right = xOf(Number.POSITIVE_INFINITY);
  const valueText =
    bar.state === 'skipped'
      ? labels.skipped
      : bar.state === 'pending'
        ? labels.notStarted
        : labels.value(bar);
  const valueColor =
    bar.overMinutes > 0 ? CHART_COLORS.over : waiting ? CHART_COLORS.muted : CHART_COLORS.text;
  shapes.push(
    text(right + 10, baseline, valueText, style.value, valueColor, 'start', bar.overMinutes > 0),
  );
  return shapes;
}

/** The chart laid out `width` units wide; its height follows from the number of items. */
export function layoutTimingChart(
  chart: TimingChart,
  labels: TimingChartLabels,
  width: number,
  style: ChartTextStyle = UP_CLOSE_TEXT,
): ChartLayout {
  const plotLeft = PAD + LABEL_WIDTH;
  const plotRight = width - PAD - VALUE_WIDTH;
  const xOf = (minutes: number) =>
    Number.isFinite(minutes)
      ? plotLeft +
        (Math.min(minutes, chart.scaleMinutes) / chart.scaleMinutes) * (plotRight - plotLeft)
      : plotRight;

  const shapes: ChartShape[] = [];
  const font = style.label;
  let y = PAD + font;
  if (chart.leaderStart) {
    const late = chart.leaderStart.lateMinutes ?? 0;
    const color = late > 0 ? CHART_COLORS.over : CHART_COLORS.early;
    shapes.push(text(PAD, y, labels.leaderStart(chart.leaderStart), font, color, 'start', true));
    y += font + 12;
  }
  shapes.push(...legend(labels, y, style));
  y += 14;
  const rowsTop = y;
  const rowsBottom = rowsTop + chart.bars.length * style.row;
  for (const tick of chart.ticks) {
    const x = xOf(tick);
    shapes.push({
      type: 'line',
      x1: x,
      y1: rowsTop,
      x2: x,
      y2: rowsBottom,
      stroke: CHART_COLORS.grid,
      strokeWidth: 1,
    });
    shapes.push(
      text(x, rowsBottom + font + 4, String(tick), style.axis, CHART_COLORS.muted, 'middle'),
    );
  }
  chart.bars.forEach((bar, index) =>
    shapes.push(...barShapes(bar, rowsTop + index * style.row, xOf, labels, style)),
  );
  shapes.push(
    text(
      plotRight + 22,
      rowsBottom + font + 4,
      labels.minutes,
      style.axis,
      CHART_COLORS.muted,
      'start',
    ),
  );
  return { width, height: rowsBottom + font + 4 + PAD, shapes };
}
