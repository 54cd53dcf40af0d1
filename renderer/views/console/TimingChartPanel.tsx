import { useEffect, useMemo, useRef, useState } from 'react';
import type { AgendaItem } from '../../../electron/api/agenda.ts';
import type { Meeting } from '../../../electron/api/meeting.ts';
import type { RunView } from '../../../electron/api/run.ts';
import {
  layoutTimingChart,
  timingChart,
  type ChartShape,
} from '../../../electron/api/timing-chart.ts';
import { serverNow } from '../../api/serverClock.ts';
import { useDerived } from '../../components/useDerived.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import '../../styles/timing-chart.css';
import { timingChartLabels } from './timingChartLabels.ts';
import { useFromActualStart } from './useFromActualStart.ts';

interface Props {
  meeting: Meeting;
  items: AgendaItem[];
  run: RunView | null;
}

/** Narrower than this, the chart is drawn at this width and the panel scrolls sideways. */
const MIN_WIDTH = 640;

function Shape({ shape }: { shape: ChartShape }) {
  const dash = (dashed?: boolean) => (dashed ? '4 3' : undefined);
  switch (shape.type) {
    case 'rect':
      return (
        <rect
          x={shape.x}
          y={shape.y}
          width={shape.width}
          height={shape.height}
          fill={shape.fill}
          stroke={shape.stroke}
          strokeWidth={shape.stroke ? 1.5 : undefined}
          strokeDasharray={dash(shape.dashed)}
        />
      );
    case 'line':
      return (
        <line
          x1={shape.x1}
          y1={shape.y1}
          x2={shape.x2}
          y2={shape.y2}
          stroke={shape.stroke}
          strokeWidth={shape.strokeWidth}
          strokeDasharray={dash(shape.dashed)}
        />
      );
    case 'text':
      return (
        <text
          x={shape.x}
          y={shape.y}
          fontSize={shape.size}
          fill={shape.fill}
          textAnchor={shape.anchor}
          fontWeight={shape.bold ? 'bold' : undefined}
        >
          {shape.text}
        </text>
      );
  }
  return shape satisfies never;
}

/**
 * Planned against actual for every item, once the run has started: the bars grow as the speech
 * runs and settle as items finish. The same model and layout as the timing report's 用时图, drawn
 * at the panel's own width so the letters keep their size at 1024 px.
 */
export function TimingChartPanel({ meeting, items, run }: Props) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(960);

  // Measured as the run panel measures: from the actual start for a run on another day than
  // the meeting's date (a rehearsal) unless the organizer unticked it, not "晚 3419665 分钟".
  const { baseline } = useFromActualStart(meeting, run);

  const clock = run?.clock ?? null;
  // A running speech redraws once a second; otherwise only a command's new facts redraw.
  const second = useDerived(() =>
    clock && clock.pausedAt === null ? Math.floor(serverNow() / 1000) : 0,
  );
  const layout = useMemo(() => {
    if (!run || run.itemRuns.length === 0) return null;
    const itemRuns = Object.fromEntries(run.itemRuns.map((r) => [r.itemId, r]));
    const now = second ? second * 1000 : serverNow();
    const chart = timingChart(
      items,
      baseline,
      { clock: run.clock, itemRuns },
      now,
      run.adjustedLimits,
    );
    return layoutTimingChart(chart, timingChartLabels(t), width);
  }, [run, items, baseline, t, width, second]);

  // The box exists only once the chart is shown (the run has started): watched from then on.
  const shown = layout !== null;
  useEffect(() => {
    const element = box.current;
    if (!shown || !element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(MIN_WIDTH, Math.floor(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [shown]);

  if (!layout) return null;
  return (
    <section className="timing-chart-panel" aria-labelledby="timing-chart-heading">
      <h2 id="timing-chart-heading">{t('timingChart.heading')}</h2>
      <div className="timing-chart-box" ref={box}>
        <svg
          role="img"
          aria-label={t('timingChart.heading')}
          data-testid="timing-chart"
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
        >
          {layout.shapes.map((shape, index) => (
            <Shape key={index} shape={shape} />
          ))}
        </svg>
      </div>
    </section>
  );
}
