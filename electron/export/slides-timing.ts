import { layoutTimingChart, type ChartLayout } from '../core/timing-chart-layout.ts';
import { timingChart } from '../core/timing-chart.ts';
import type { MeetingData } from './meeting-data.ts';
import { bandTitle, type PlacedText } from './slides-layout.ts';
import { chineseChartLabels } from './timing-chart-words.ts';

/** What the deck needs to draw the run's timing: the caller's planned start, zone and time. */
export interface SlideTiming {
  plannedStartAt: number;
  clockTime: (epochMs: number) => string;
  now: number;
}

/** The timing chart after the summary: the picture of the timing report's 用时图, as laid out. */
export interface TimingSlideSpec {
  kind: 'timing';
  band: PlacedText;
  footer: PlacedText;
  chart: ChartLayout;
  /** Where the picture goes, inches: the body's room at the chart's own proportions. */
  box: { x: number; y: number; w: number; h: number };
}

/**
 * Narrower than the report's 960, so the letters come out larger on the slide: with a dozen
 * items the picture is as tall as the body, and its width follows.
 */
const SLIDE_CHART_WIDTH = 800;

/** The body's room on a content slide, inches (the summary's, between band and footer). */
export interface BodyRoom {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** None before the meeting has run: a deck made beforehand has nothing to show. */
export function timingSlide(
  { items, run }: MeetingData,
  timing: SlideTiming,
  footer: PlacedText,
  room: BodyRoom,
): TimingSlideSpec | null {
  if (Object.keys(run.itemRuns).length === 0) return null;
  const chart = timingChart(items, timing.plannedStartAt, run, timing.now, run.adjustedLimits);
  const layout = layoutTimingChart(chart, chineseChartLabels(timing.clockTime), SLIDE_CHART_WIDTH);
  const scale = Math.min(room.w / layout.width, room.h / layout.height);
  const w = layout.width * scale;
  const h = layout.height * scale;
  return {
    kind: 'timing',
    band: bandTitle('交流小结', ' · 用时情况'),
    footer,
    chart: layout,
    box: { x: room.x + (room.w - w) / 2, y: room.y, w, h },
  };
}
