/** The few fields of a Chromium trace event (JSON trace format) that the console profile reads. */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  pid: number;
  tid: number;
  dur?: number;
  id?: string | number;
  id2?: { local?: string; global?: string };
  args?: { name?: string; frame_reporter?: { state?: string } };
}

/** What the trace says about the page's frames and main-thread tasks, within a time window. */
export interface FrameFigures {
  /** Duration of each frame Chromium began for the page, in ms. */
  frameMs: number[];
  /** Frames that changed something on screen. */
  presented: number;
  /** Duration of each top-level task on the page's main thread, in ms. */
  taskMs: number[];
}

/**
 * Frames as Chromium's compositor records them: one `PipelineReporter` async event per
 * BeginFrame of the page's compositor, from the frame's start to its presentation (or to the
 * point where it turned out that nothing needed drawing). A frame longer than the vsync interval
 * (16.7 ms at 60 Hz) made the next one late. Only the page's renderer counts: the browser
 * process has a compositor of its own. `fromUs` drops the first part of the trace, where
 * starting the trace itself costs time.
 */
export function framesFromTrace(events: readonly TraceEvent[], fromUs: number): FrameFigures {
  const pageMain = events.find((e) => e.ph === 'M' && e.args?.name === 'CrRendererMain');
  if (!pageMain) throw new Error('The trace has no renderer main thread');
  const ofPage = events
    .filter((e) => e.pid === pageMain.pid && e.ts >= fromUs)
    .sort((a, b) => a.ts - b.ts);

  const begun = new Map<string, TraceEvent>();
  const frameMs: number[] = [];
  let presented = 0;
  for (const e of ofPage) {
    if (e.name !== 'PipelineReporter') continue;
    const id = String(e.id ?? e.id2?.local ?? e.id2?.global);
    if (e.ph === 'b') begun.set(id, e);
    const begin = begun.get(id);
    if (e.ph !== 'e' || !begin) continue;
    begun.delete(id);
    frameMs.push((e.ts - begin.ts) / 1000);
    if (begin.args?.frame_reporter?.state?.startsWith('STATE_PRESENTED')) presented += 1;
  }

  const taskMs = ofPage
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.tid === pageMain.tid)
    .map((e) => (e.dur ?? 0) / 1000);
  return { frameMs, presented, taskMs };
}
