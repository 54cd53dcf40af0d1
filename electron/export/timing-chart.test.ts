import { describe, expect, it } from 'vitest';
import type { ChartShape } from '../core/timing-chart-layout.ts';
import { layoutTimingChart } from '../core/timing-chart-layout.ts';
import { timingChart } from '../core/timing-chart.ts';
import { exportSampleData, hardMeeting } from './test-support/export-fixture.ts';
import { chartSvg, rasterizeSvg, timingChartPicture } from './timing-chart-image.ts';
import { chineseChartLabels } from './timing-chart-words.ts';

/** The fixtures' meetings start at 09:00 in the venue, UTC+8; the test passes the zone in. */
const START = Date.parse('2026-11-25T09:00:00+08:00');
const venueClock = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(11, 19);
const MIN = 60_000;

const chartOf = (data = exportSampleData()) => timingChart(data.items, START, data.run, START);

describe('the timing chart of the sample meeting and the hard one', () => {
  it('has a bar per item of the sample, planned against actual, the three overruns in red', () => {
    const chart = chartOf();
    expect(chart.bars).toHaveLength(13);
    expect(chart.bars.map((b) => b.actualMinutes)).toEqual([
      4.5, 9.25, 7.5, 7.5, 7.5, 9.25, 7.5, 7.5, 7.5, 9.25, 7.5, 7.5, 19.5,
    ]);
    const over = chart.bars.filter((b) => b.overMinutes > 0);
    expect(over.map((b) => [b.name, b.plannedMinutes, b.withinMinutes, b.overMinutes])).toEqual([
      ['林一平', 8, 8, 1.25],
      ['赵五城', 8, 8, 1.25],
      ['王九华', 8, 8, 1.25],
    ]);
    expect(chart.bars.every((b) => b.adjustedMinutes === null)).toBe(true);
    expect(chart).toMatchObject({ scaleMinutes: 20, ticks: [0, 5, 10, 15, 20] });
    // 5 + 11 × 8 minutes planned before the leader; the overruns and early ends and the 20 s
    // between speakers put his start 3¼ minutes late.
    expect(chart.leaderStart).toEqual({
      itemId: 'i12',
      name: '张勇',
      plannedStartAt: START + 93 * MIN,
      startAt: START + 96.25 * MIN,
      projected: false,
      lateMinutes: 3.25,
    });
  });

  it('marks the hard meeting’s skipped speaker and its break, and scales to the leader’s overrun', () => {
    const chart = chartOf(hardMeeting());
    expect(chart.bars).toHaveLength(14);
    expect(chart.bars[6]).toMatchObject({ name: '谭慧敏', state: 'skipped', actualMinutes: null });
    expect(chart.bars[7]).toMatchObject({
      name: '茶歇',
      kind: 'break',
      plannedMinutes: 10,
      actualMinutes: 11.58,
      overMinutes: 1.58,
    });
    expect(chart.bars[13]).toMatchObject({ name: '严正清', kind: 'leader', actualMinutes: 21.58 });
    expect(chart).toMatchObject({ scaleMinutes: 25, ticks: [0, 5, 10, 15, 20, 25] });
    expect(chart.leaderStart).toMatchObject({ name: '严正清', lateMinutes: 4.67 });
  });
});

describe('the chart laid out and drawn', () => {
  const rects = (shapes: ChartShape[], fill: string) =>
    shapes.filter(
      (s): s is Extract<ChartShape, { type: 'rect' }> => s.type === 'rect' && s.fill === fill,
    );
  const texts = (shapes: ChartShape[]) =>
    shapes.flatMap((s) => (s.type === 'text' ? [s.text] : []));

  it('draws overtime in red in proportion, says the leader’s start and marks the skipped', () => {
    const layout = layoutTimingChart(chartOf(hardMeeting()), chineseChartLabels(venueClock), 960);
    const blue = rects(layout.shapes, '#2f6fba');
    const red = rects(layout.shapes, '#d93025');
    expect(red).toHaveLength(5 + 1); // five overruns and the legend's key
    const [key, first] = red;
    // 1.58 of 7 minutes on the same scale as the blue part.
    const within = blue.find((b) => Math.abs(b.y - (first?.y ?? 0)) < 1);
    expect(key?.width).toBe(22);
    expect((first?.width ?? 0) / (within?.width ?? 1)).toBeCloseTo(1.58 / 7, 2);
    expect(texts(layout.shapes)).toEqual(
      expect.arrayContaining([
        '严正清讲话：计划 10:32 开始，实际 10:36（晚 5 分钟）',
        '7. 谭慧敏',
        '已跳过',
        '2. 邵云峰',
        '8分35秒 / 7分钟',
        '6. Zhang Wei-Ming',
      ]),
    );
  });

  it("marks the run's finish-on-time limits in the picture the exports draw (issue 17)", () => {
    const data = exportSampleData();
    const shortened = data.items[5]!;
    const run = { ...data.run, adjustedLimits: { [shortened.id]: 6.5 } };
    const { chart } = timingChartPicture(data.items, START, run, START, venueClock);
    const bar = chart.bars.find((b) => b.itemId === shortened.id);
    expect(bar?.adjustedMinutes).toBe(6.5);
    expect(chart.bars.filter((b) => b.adjustedMinutes !== null)).toHaveLength(1);
  });

  it('marks an adjusted limit only where the data has one', () => {
    const data = exportSampleData();
    const plain = layoutTimingChart(chartOf(data), chineseChartLabels(venueClock), 960);
    const dashes = (shapes: ChartShape[]) =>
      shapes.filter((s) => s.type === 'line' && s.stroke === '#e07b00');
    expect(dashes(plain.shapes)).toHaveLength(1); // the legend's key alone
    const chart = timingChart(data.items, START, data.run, START, { i3: 6, i4: 6 });
    expect(chart.bars[3]).toMatchObject({ adjustedMinutes: 6, limitMinutes: 6, overMinutes: 1.5 });
    const adjusted = layoutTimingChart(chart, chineseChartLabels(venueClock), 960);
    expect(dashes(adjusted.shapes)).toHaveLength(3);
  });

  it('rasterizes to a PNG with the red overrun and the Chinese labels drawn', () => {
    const layout = layoutTimingChart(chartOf(hardMeeting()), chineseChartLabels(venueClock), 960);
    const picture = rasterizeSvg(chartSvg(layout), 2);
    expect([picture.width, picture.height]).toEqual([1920, layout.height * 2]);
    expect(picture.png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const pixel = (x: number, y: number) => {
      const at = (Math.round(y * 2) * picture.width + Math.round(x * 2)) * 4;
      return [...picture.pixels.subarray(at, at + 3)];
    };
    const red = rects(layout.shapes, '#d93025')[1]!;
    expect(pixel(red.x + red.width / 2, red.y + red.height / 2)).toEqual([0xd9, 0x30, 0x25]);
    // The label column of the first row has ink: the CJK face was found (else nothing is drawn).
    const label = layout.shapes.find((s) => s.type === 'text' && s.text === '1. 贺建国')!;
    let ink = 0;
    for (let x = 12; x < 90; x++) {
      for (
        let y = label.type === 'text' ? label.y - 12 : 0;
        y < (label.type === 'text' ? label.y : 0);
        y++
      ) {
        if ((pixel(x, y)[0] ?? 255) < 128) ink++;
      }
    }
    expect(ink).toBeGreaterThan(50);
  });
});
