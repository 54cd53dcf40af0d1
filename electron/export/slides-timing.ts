import {
  layoutTimingChart,
  type ChartLayout,
  type ChartTextStyle,
} from '../core/timing-chart-layout.ts';
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
  /** Where the chart goes, inches: the body's width, one layout unit to the point. */
  box: { x: number; y: number; w: number; h: number };
}

/**
 * On a slide every text of the chart is at 14 pt, read from the back of the hall (the report's
 * picture, scaled into the body, put a dozen names at 8 pt). The layout is drawn one unit to the
 * point, so these sizes are points; rows a little tighter than up close fit seven to a slide.
 */
const SLIDE_TEXT: ChartTextStyle = { label: 14, value: 14, axis: 14, row: 26 };
const POINTS_PER_INCH = 72;
const CONTINUED = '（续）';

/** The body's room on a content slide, inches (the summary's, between band and footer). */
export interface BodyRoom {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The bars per slide: as many rows as the body's height holds at the slide's text size, shared
 * evenly (14 items: two slides of 7, not 13 and 1), all on one scale of minutes.
 */
function pagesOf<T>(bars: readonly T[], perSlide: number): T[][] {
  const count = Math.max(1, Math.ceil(bars.length / perSlide));
  const size = Math.ceil(bars.length / count);
  return Array.from({ length: count }, (_, page) => bars.slice(page * size, (page + 1) * size));
}

/**
 * The timing slides after the summary, the chart paged so that its text stays at 14 pt; none
 * before the meeting has run: a deck made beforehand has nothing to show.
 */
export function timingSlides(
  { items, run }: MeetingData,
  timing: SlideTiming,
  footer: PlacedText,
  room: BodyRoom,
): TimingSlideSpec[] {
  if (Object.keys(run.itemRuns).length === 0) return [];
  const chart = timingChart(items, timing.plannedStartAt, run, timing.now, run.adjustedLimits);
  const labels = chineseChartLabels(timing.clockTime);
  const width = room.w * POINTS_PER_INCH;
  const layoutOf = (bars: typeof chart.bars) =>
    layoutTimingChart({ ...chart, bars }, labels, width, SLIDE_TEXT);
  // The chart's height without rows, then the rows that fit under it.
  const frame = layoutOf([]).height;
  const perSlide = Math.max(1, Math.floor((room.h * POINTS_PER_INCH - frame) / SLIDE_TEXT.row));
  return pagesOf(chart.bars, perSlide).map((bars, page) => {
    const layout = layoutOf(bars);
    const k = room.w / layout.width;
    return {
      kind: 'timing',
      band: bandTitle('交流小结', ` · 用时情况${page === 0 ? '' : CONTINUED}`),
      footer,
      chart: layout,
      box: { x: room.x, y: room.y, w: room.w, h: layout.height * k },
    };
  });
}
