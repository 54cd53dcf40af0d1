import { describe, expect, it } from 'vitest';
import { exportSampleData, hardMeeting, plainSampleData } from './export-fixture.ts';
import { SLIDE, slidesModel } from './slides-model.ts';
import { slidesPptx } from './slides-pptx.ts';
import type { SlideTiming } from './slides-timing.ts';
import { readPptx } from './test-support/pptx-readback.ts';

/** The fixtures' meetings start at 09:00 in the venue, UTC+8; the test passes the zone in. */
const START = Date.parse('2026-11-25T09:00:00+08:00');
const timing: SlideTiming = {
  plannedStartAt: START,
  clockTime: (ms) => new Date(ms + 8 * 3_600_000).toISOString().slice(11, 19),
  now: START + 4 * 3_600_000,
};

describe('the timing chart on the slides', () => {
  it('follows the summary once the meeting has run, as large as the body allows', () => {
    const deck = slidesModel(hardMeeting(), timing);
    const last = deck.at(-1);
    expect(deck.at(-2)).toMatchObject({ kind: 'list', role: 'summary' });
    if (last?.kind !== 'timing') throw new Error(`the last slide is ${last?.kind}`);
    expect(last.band.text).toBe('交流小结 · 用时情况');
    // The picture keeps its proportions and fills the body's height (or its width), inside it.
    const { box, chart } = last;
    expect(box.w / box.h).toBeCloseTo(chart.width / chart.height, 5);
    expect(box.y).toBe(SLIDE.bodyTopIn);
    expect(box.h).toBeLessThanOrEqual(SLIDE.bodyHeightIn + 1e-9);
    expect(box.x).toBeGreaterThanOrEqual(SLIDE.marginIn);
    expect(box.x + box.w).toBeLessThanOrEqual(SLIDE.widthIn - SLIDE.marginIn + 1e-9);
    expect(
      Math.max(box.h / SLIDE.bodyHeightIn, box.w / (SLIDE.widthIn - 2 * SLIDE.marginIn)),
    ).toBeCloseTo(1, 5);
    const texts = chart.shapes.flatMap((s) => (s.type === 'text' ? [s.text] : []));
    expect(texts).toEqual(
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

  it('is drawn in the slide’s own shapes on the last slide of the .pptx, inside the chart’s box', async () => {
    const data = exportSampleData();
    const deck = slidesModel(data, timing);
    const spec = deck.at(-1);
    if (spec?.kind !== 'timing') throw new Error(`the last slide is ${spec?.kind}`);
    const file = await slidesPptx(deck, data.meeting);
    const read = await readPptx(file);
    const lastSlide = read.slides.at(-1);
    expect(lastSlide?.text).toContain('交流小结 · 用时情况');
    // Every label of the chart is a text of the slide, readable and editable, not a picture.
    const labels = spec.chart.shapes.flatMap((s) => (s.type === 'text' ? [s.text] : []));
    for (const label of labels) expect(lastSlide?.text).toContain(label);
    const rels =
      read.relationships.get(`ppt/slides/_rels/${lastSlide?.name.split('/').at(-1)}.rels`) ?? [];
    expect(rels.filter((r) => /\.(png|jpe?g)$/.test(r.target))).toEqual([]);
    // A shape for every rectangle, line and label of the layout, all within the chart's box.
    const band = 1; // the band title's text box
    const drawn = (lastSlide?.shapes.length ?? 0) - band;
    expect(drawn).toBeGreaterThanOrEqual(spec.chart.shapes.length);
    const { box } = spec;
    const inChart =
      lastSlide?.shapes.filter((s) => s.y >= box.y - 0.05 && s.y < box.y + box.h) ?? [];
    expect(inChart.length).toBeGreaterThanOrEqual(spec.chart.shapes.length);
    for (const s of inChart) {
      expect(s.x).toBeGreaterThanOrEqual(box.x - 0.01);
      expect(s.x + s.w).toBeLessThanOrEqual(box.x + box.w + 0.01);
    }
  });
});
