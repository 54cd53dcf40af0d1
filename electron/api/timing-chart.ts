/** The timing chart's model and layout, for the screens (the renderer reaches the core here). */
export {
  timingChart,
  type LeaderStart,
  type TimingBar,
  type TimingChart,
} from '../core/timing-chart.ts';
export {
  CHART_COLORS,
  layoutTimingChart,
  type ChartLayout,
  type ChartShape,
  type TimingChartLabels,
} from '../core/timing-chart-layout.ts';
