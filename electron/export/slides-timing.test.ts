import JSZip from 'jszip';
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

  it('is written as the chart’s picture on the last slide of the .pptx', async () => {
    const data = exportSampleData();
    const file = await slidesPptx(slidesModel(data, timing), data.meeting);
    const deck = await readPptx(file);
    const lastSlide = deck.slides.at(-1);
    expect(lastSlide?.text).toContain('交流小结 · 用时情况');
    const rels =
      deck.relationships.get(`ppt/slides/_rels/${lastSlide?.name.split('/').at(-1)}.rels`) ?? [];
    const media = rels.map((r) => r.target).filter((t) => t.endsWith('.png'));
    expect(media).toHaveLength(1);
    const png = await (
      await JSZip.loadAsync(file)
    )
      .file(`ppt/media/${media[0]?.split('/').at(-1)}`)
      ?.async('nodebuffer');
    // Drawn at twice the slide layout's 800 units, for the projector.
    expect(png?.readUInt32BE(16)).toBe(1600);
  });
});
