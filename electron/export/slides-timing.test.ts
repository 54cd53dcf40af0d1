import { describe, expect, it } from 'vitest';
import {
  exportSampleData,
  hardMeeting,
  largeMeetingData,
  plainSampleData,
} from './test-support/export-fixture.ts';
import { SLIDE, slidesModel, type SlideSpec } from './slides-model.ts';
import { slidesPptx } from './slides-pptx.ts';
import type { SlideTiming, TimingSlideSpec } from './slides-timing.ts';
import { readPptx, type ReadShape } from './test-support/pptx-readback.ts';

/** The fixtures' meetings start at 09:00 in the venue, UTC+8; the test passes the zone in. */
const START = Date.parse('2026-11-25T09:00:00+08:00');
const timing: SlideTiming = {
  plannedStartAt: START,
  clockTime: (ms) => new Date(ms + 8 * 3_600_000).toISOString().slice(11, 19),
  now: START + 4 * 3_600_000,
};

const timingSpecs = (deck: SlideSpec[]) =>
  deck.flatMap((spec) => (spec.kind === 'timing' ? [spec] : []));
const chartTexts = (spec: TimingSlideSpec) =>
  spec.chart.shapes.flatMap((s) => (s.type === 'text' ? [s.text] : []));

describe('the timing chart on the slides', () => {
  it('follows the summary once the meeting has run, across the body, paged within it', () => {
    const deck = slidesModel(hardMeeting(), timing);
    const first = deck.findIndex((s) => s.kind === 'timing');
    expect(deck[first - 1]).toMatchObject({ kind: 'list', role: 'summary' });
    const pages = timingSpecs(deck);
    expect(deck.slice(first)).toEqual(pages);
    expect(pages.map((p) => p.band.text)).toEqual([
      '交流小结 · 用时情况',
      ...pages.slice(1).map(() => '交流小结 · 用时情况（续）'),
    ]);
    for (const { box, chart } of pages) {
      // The chart keeps its proportions, as wide as the body, inside it.
      expect(box.w / box.h).toBeCloseTo(chart.width / chart.height, 5);
      expect(box.y).toBe(SLIDE.bodyTopIn);
      expect(box.h).toBeLessThanOrEqual(SLIDE.bodyHeightIn + 1e-9);
      expect(box.x).toBe(SLIDE.marginIn);
      expect(box.x + box.w).toBeCloseTo(SLIDE.widthIn - SLIDE.marginIn, 9);
    }
    expect(pages.flatMap(chartTexts)).toEqual(
      expect.arrayContaining([
        '7. 谭慧敏',
        '已跳过',
        '严正清讲话：计划 10:32 开始，实际 10:36（晚 5 分钟）',
      ]),
    );
  });

  it('is left out before the meeting has run, and when no timing is passed', () => {
    expect(slidesModel(plainSampleData(), timing).some((s) => s.kind === 'timing')).toBe(false);
    expect(slidesModel(exportSampleData()).some((s) => s.kind === 'timing')).toBe(false);
  });

  it.each([
    ['the sample, 13 items and the leader’s line', exportSampleData()],
    ['14 speeches', largeMeetingData(14, 100)],
  ])(
    'reads from the back of the hall (%s): every text of the chart at 14 pt or more in the .pptx, the items on two slides, each once',
    async (_, data) => {
      // With a finish-on-time plan applied, as after a late meeting.
      const shortened = data.items[3]?.id ?? '';
      const run = { ...data.run, adjustedLimits: { [shortened]: 6.5 } };
      const deck = slidesModel({ ...data, run }, timing);
      const read = await readPptx(await slidesPptx(deck, data.meeting));
      const slides = read.slides.filter((s) => s.text.includes('交流小结 · 用时情况'));
      expect(slides).toHaveLength(2);
      const body = (shape: ReadShape) =>
        shape.y >= SLIDE.bodyTopIn - 0.05 && shape.y < SLIDE.bodyTopIn + SLIDE.bodyHeightIn;
      const runs = slides.flatMap((slide) =>
        slide.shapes.filter(body).flatMap((s) => s.paragraphs.flatMap((p) => p.runs)),
      );
      expect(runs.length).toBeGreaterThan(14 * 2);
      expect(Math.min(...runs.map((r) => r.sizePt))).toBeGreaterThanOrEqual(14);
      // Every item's row is on one of the slides, once, in order.
      const numbers = runs.flatMap((r) => /^(\d+)\. /.exec(r.text)?.[1] ?? []).map(Number);
      expect(numbers).toEqual(data.items.map((_, i) => i + 1));
      expect(slides.map((s) => s.text).join('\n')).toContain('6分30秒');
    },
  );

  it('is drawn in the slide’s own shapes, every label a text of the slide inside the chart’s box', async () => {
    const data = exportSampleData();
    const deck = slidesModel(data, timing);
    const pages = timingSpecs(deck);
    const read = await readPptx(await slidesPptx(deck, data.meeting));
    const slides = read.slides.slice(-pages.length);
    pages.forEach((spec, index) => {
      const slide = slides[index];
      expect(slide?.text).toContain(spec.band.text);
      // Every label of the chart is a text of the slide, readable and editable, not a picture.
      for (const label of chartTexts(spec)) expect(slide?.text).toContain(label);
      const rels =
        read.relationships.get(`ppt/slides/_rels/${slide?.name.split('/').at(-1)}.rels`) ?? [];
      expect(rels.filter((r) => /\.(png|jpe?g)$/.test(r.target))).toEqual([]);
      // A shape for every rectangle, line and label of the layout, all within the chart's box.
      const { box } = spec;
      const inChart = slide?.shapes.filter((s) => s.y >= box.y - 0.05 && s.y < box.y + box.h) ?? [];
      expect(inChart.length).toBeGreaterThanOrEqual(spec.chart.shapes.length);
      for (const s of inChart) {
        expect(s.x).toBeGreaterThanOrEqual(box.x - 0.01);
        expect(s.x + s.w).toBeLessThanOrEqual(box.x + box.w + 0.01);
      }
    });
  });
});
