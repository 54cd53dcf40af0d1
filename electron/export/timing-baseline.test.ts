import { describe, expect, it } from 'vitest';
import { timingBaseline } from '../core/timing-baseline.ts';
import { layoutTimingChart } from '../core/timing-chart-layout.ts';
import { timingChart } from '../core/timing-chart.ts';
import { exportSampleData } from './test-support/export-fixture.ts';
import { makeExport } from './export-file.ts';
import type { MeetingData } from './meeting-data.ts';
import { chineseChartLabels } from './timing-chart-words.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** The venue here is UTC+8: its clock and its calendar day, passed in. */
const venueClock = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(11, 19);
const venueDay = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
/** The sample is dated 2026-11-25 at 09:00 and its run (export-fixture) began then. */
const PLANNED = Date.parse('2026-11-25T09:00:00+08:00');

/** The sample's run moved so that it began at `startAt` instead, every record with it. */
function ranFrom(data: MeetingData, startAt: number): MeetingData {
  const shift = (at: number | null) => (at === null ? null : at + startAt - PLANNED);
  const itemRuns = Object.fromEntries(
    Object.entries(data.run.itemRuns).map(([id, r]) => [
      id,
      { ...r, actualStartAt: shift(r.actualStartAt), actualEndAt: shift(r.actualEndAt) },
    ]),
  );
  return { ...data, run: { ...data.run, itemRuns } };
}

/** The instant the exports measure the sample's run from, planned to start at `plannedStartAt`. */
const baselineOf = (data: MeetingData, plannedStartAt: number) =>
  timingBaseline(data.meeting, plannedStartAt, Object.values(data.run.itemRuns), venueDay);

/** The 用时图's leader line as the exports word it, measured from the baseline they use. */
function leaderLine(data: MeetingData, plannedStartAt = PLANNED): string {
  const baseline = baselineOf(data, plannedStartAt);
  const chart = timingChart(data.items, baseline, data.run, baseline, data.run.adjustedLimits);
  const layout = layoutTimingChart(chart, chineseChartLabels(venueClock), 960);
  const texts = layout.shapes.flatMap((s) => (s.type === 'text' ? [s.text] : []));
  return texts.find((text) => text.startsWith('张勇讲话')) ?? '';
}

describe('the timing exports of a meeting run on another day than its date', () => {
  it('measure from the run’s actual start, as 按实际开始计算 does in the console', () => {
    const data = ranFrom(exportSampleData(), Date.parse('2026-12-01T14:00:00+08:00'));
    expect(baselineOf(data, PLANNED)).toBe(Date.parse('2026-12-01T14:00:00+08:00'));
    // 93 minutes planned before the leader, who began 3¼ minutes after that: not 8,000 late.
    expect(leaderLine(data)).toBe('张勇讲话：计划 15:33 开始，实际 15:36（晚 3 分钟）');
  });

  it('measure a meeting dated 2020 run on its sample day from the actual start, not 晚 3419665 分钟', () => {
    const data = exportSampleData();
    data.meeting = { ...data.meeting, date: '2020-05-01' };
    const dated = Date.parse('2020-05-01T09:00:00+08:00');
    expect(leaderLine(data, dated)).toBe('张勇讲话：计划 10:33 开始，实际 10:36（晚 3 分钟）');
  });

  it('keep real lateness on the meeting’s own day: an hour late stays an hour late', () => {
    const data = ranFrom(exportSampleData(), PLANNED + HOUR);
    expect(baselineOf(data, PLANNED)).toBe(PLANNED);
    expect(leaderLine(data)).toBe('张勇讲话：计划 10:33 开始，实际 11:36（晚 63 分钟）');
  });

  it('write the report’s 计划开始 from the actual start in the .csv the app saves', async () => {
    // makeExport reads the venue's zone from this machine: the run is placed in the same zone.
    const startAt = new Date('2026-12-01T14:00:00').getTime();
    const data = ranFrom(exportSampleData(), startAt);
    const file = await makeExport('timing.csv', data, startAt, () => Promise.reject(new Error()));
    const rows = file.body.toString('utf8').split('\r\n');
    const plannedStarts = rows.slice(1, 3).map((row) => row.split(',')[4]);
    expect(plannedStarts).toEqual(['14:00:00', '14:05:00']);
  });
});
