import { describe, expect, it } from 'vitest';
import type { MeetingData } from './meeting-data.ts';
import { exportSampleData, hardMeeting } from './test-support/export-fixture.ts';
import { BODY_WIDTH_IN, slidesModel } from './slides-model.ts';
import { bulletLines } from './slides-paging.ts';
import { slidesPptx } from './slides-pptx.ts';
import { slideEmWidth, slideLines } from './text-fit.ts';
import {
  readPptx,
  resolveTarget,
  type ReadParagraph,
  type ReadShape,
} from './test-support/pptx-readback.ts';
import { children } from './test-support/xml-tree.ts';

/**
 * The slides checked as a hall sees them, on the hard meeting (a 60-character title, a
 * 57-character organization, a 63-character topic, English names, 40 notes on one speaker):
 * every text inside its box, sizes readable from the back, a package PowerPoint opens as is.
 */

// A 2×1 PNG, red.
const LOGO =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR42mP8z8DAwMDAwAAAEgAB/4dKOwAAAABJRU5ErkJggg==';

function variants(): { name: string; data: MeetingData }[] {
  const hard = hardMeeting();
  const withLogo = (data: MeetingData, slideTheme: 'party' | 'neutral'): MeetingData => ({
    ...data,
    meeting: { ...data.meeting, slideTheme, logo: LOGO },
  });
  // The cover's organizer as long as the longest organization of the hard meeting.
  const longOrganizer = {
    ...hard,
    meeting: { ...hard.meeting, organizer: hard.items[1]?.organization ?? '' },
  };
  return [
    { name: 'hard, party', data: hard },
    { name: 'hard, neutral, logo', data: withLogo(hard, 'neutral') },
    { name: 'hard, long organizer, logo', data: withLogo(longOrganizer, 'party') },
    { name: 'sample', data: exportSampleData() },
  ];
}

/** Lines a paragraph takes in a box `widthIn` wide, measured at its largest run. */
function paragraphLines(p: ReadParagraph, widthIn: number): number {
  const sizePt = Math.max(...p.runs.map((r) => r.sizePt), 1);
  return slideLines(p.text, widthIn, sizePt).length;
}

/** The height the paragraphs of a box take: lines × exact pitch, and the space between. */
function textHeightPt(paragraphs: ReadParagraph[], widthIn: number): number {
  return paragraphs.reduce(
    (sum, p, i) =>
      sum +
      // Without an exact pitch PowerPoint spaces lines by the face, about 1.2 × the size.
      paragraphLines(p, widthIn) * (p.linePt ?? 1.2 * Math.max(...p.runs.map((r) => r.sizePt))) +
      (i < paragraphs.length - 1 ? p.spaceAfterPt : 0),
    0,
  );
}

const hasText = (shape: ReadShape) => shape.paragraphs.some((p) => p.text);
/** The thin rules of the cover and the speaker card (a band is a rule too tall to matter here). */
const isRule = (shape: ReadShape) => !hasText(shape) && !shape.table && shape.h < 0.1;
const overlaps = (a: ReadShape, b: ReadShape) =>
  a.y < b.y + b.h - 1e-6 && b.y < a.y + a.h - 1e-6 && a.x < b.x + b.w && b.x < a.x + a.w;

describe('slides that fit any real input', async () => {
  const decks = await Promise.all(
    variants().map(async ({ name, data }) => ({
      name,
      data,
      model: slidesModel(data),
      deck: await readPptx(await slidesPptx(slidesModel(data), data.meeting)),
    })),
  );

  it('keeps every text inside its box, on the slide, clear of the rules and of each other', () => {
    for (const { name, deck } of decks) {
      for (const slide of deck.slides) {
        const where = `${name}, ${slide.name}`;
        const texts = slide.shapes.filter(hasText);
        for (const shape of texts) {
          const label = `${where}: ${shape.paragraphs.map((p) => p.text).join('/')}`;
          expect(textHeightPt(shape.paragraphs, shape.w), label).toBeLessThanOrEqual(
            shape.h * 72 + 0.5,
          );
          // An exact line pitch on every paragraph, so the height measured is the height drawn.
          expect(
            shape.paragraphs.every((p) => p.linePt !== undefined),
            label,
          ).toBe(true);
          expect(shape.y, label).toBeGreaterThanOrEqual(0);
          expect(shape.y + shape.h, label).toBeLessThanOrEqual(5.625);
          expect(shape.x + shape.w, label).toBeLessThanOrEqual(10);
        }
        for (const [i, a] of texts.entries()) {
          for (const b of [...texts.slice(i + 1), ...slide.shapes.filter(isRule)]) {
            expect(
              overlaps(a, b),
              `${where}: ${a.paragraphs[0]?.text} × ${b.paragraphs[0]?.text ?? 'a rule'}`,
            ).toBe(false);
          }
        }
      }
    }
  });

  it('measures the agenda table as it is drawn: its rows fit the slide above the small print', () => {
    for (const { name, deck } of decks) {
      for (const slide of deck.slides) {
        for (const shape of slide.shapes.filter((s) => s.table)) {
          const { rows, columnsIn } = shape.table as NonNullable<ReadShape['table']>;
          const rowsPt = rows.reduce(
            (sum, row) =>
              sum +
              Math.max(
                ...row.map(
                  (cell, c) =>
                    textHeightPt(cell.paragraphs, (columnsIn[c] ?? 0) - cell.sideMarginsPt / 72) +
                    cell.marginsPt,
                ),
              ),
            0,
          );
          expect(shape.y * 72 + rowsPt, `${name}, ${slide.name}`).toBeLessThanOrEqual(5.15 * 72);
        }
      }
    }
  });

  it('writes 24 pt or more for all that is read in the hall, 28 or more for names', () => {
    for (const { name, data, model, deck } of decks) {
      deck.slides.forEach((slide, index) => {
        const runs = slide.shapes.flatMap((s) =>
          (s.table ? s.table.rows.flat().flatMap((c) => c.paragraphs) : s.paragraphs).flatMap(
            (p) => p.runs,
          ),
        );
        for (const run of runs.filter((r) => r.text.trim())) {
          // Only the meeting's name in small print (foot, card corner) is smaller: not read aloud.
          if (run.sizePt < 24) {
            expect(run.sizePt, `${name}, ${slide.name}: ${run.text}`).toBe(10);
            expect(data.meeting.title.startsWith(run.text.replace(/…$/, ''))).toBe(true);
          }
        }
        const spec = model[index];
        if (spec?.kind === 'speaker') {
          const nameRun = runs.find((r) => r.text === spec.layout.name.text);
          expect(nameRun?.sizePt, `${name}, ${slide.name}`).toBeGreaterThanOrEqual(28);
          expect(nameRun?.bold).toBe(true);
        }
      });
    }
  });

  it('breaks a centred title, organization or topic into even lines, never one stray character', () => {
    for (const { name, model, deck } of decks) {
      deck.slides.forEach((slide, index) => {
        const kind = model[index]?.kind;
        if (kind !== 'cover' && kind !== 'speaker') return;
        for (const shape of slide.shapes.filter(hasText)) {
          for (const p of shape.paragraphs) {
            const sizePt = Math.max(...p.runs.map((r) => r.sizePt));
            // Each line as drawn: the written breaks, then wherever the box still wraps.
            const lines = p.text
              .split('\n')
              .flatMap((line) => slideLines(line, shape.w, sizePt))
              .map((line) => slideEmWidth(line.trim()));
            if (lines.length < 2) continue;
            expect(Math.min(...lines), `${name}, ${slide.name}: ${p.text}`).toBeGreaterThanOrEqual(
              Math.max(...lines) / 2,
            );
          }
        }
      });
    }
  });

  it('never leaves a continuation slide holding a single line', () => {
    for (const { name, model } of decks) {
      model.forEach((spec, index) => {
        const before = model[index - 1];
        if (spec.kind !== 'list' || before?.kind !== 'list' || before.role !== spec.role) return;
        const lines =
          spec.bullets.reduce((sum, b) => sum + bulletLines(b, BODY_WIDTH_IN, spec.style), 0) +
          (spec.more ? 1 : 0);
        expect(lines, `${name}: ${spec.band.text}`).toBeGreaterThan(1);
      });
    }
  });

  it('shortens only as a last resort, with an ellipsis, and keeps a name whole', () => {
    const hard = decks[0] as (typeof decks)[number];
    const shortened = hard.model.flatMap((spec) => {
      if (spec.kind === 'cover') return [spec.layout.title, spec.layout.organizer];
      if (spec.kind === 'speaker') return [spec.layout.organization, spec.layout.topic];
      if (spec.kind === 'list' || spec.kind === 'agenda') return [spec.band];
      return [];
    });
    for (const text of shortened) {
      if (text?.shortened) expect(text.text).toMatch(/…/);
    }
    // The 60-character title and the 57-character organization are written whole.
    const cover = (hard.deck.slides[0]?.text ?? '').replaceAll('\n', '');
    expect(cover).toContain(hard.data.meeting.title);
    const card = (hard.deck.slides.find((s) => s.text.includes('第 1 位'))?.text ?? '').replaceAll(
      '\n',
      '',
    );
    expect(card).toContain(hard.data.items[1]?.organization);
    expect(card).toContain(hard.data.items[1]?.topic);
    // The long organization's band keeps the speaker's name and what the slide is.
    const band = hard.deck.slides.find((s) => s.text.includes('邵云峰 · 干货'));
    expect(band?.text).toMatch(/^中共云溪区委.*… 邵云峰 · 干货/);
  });
});

describe('the .pptx package', async () => {
  const data = hardMeeting();
  const meeting = { ...data.meeting, logo: LOGO };
  // With the logo and the timing chart, so the logo's image part and the chart's shapes are checked.
  const timing = { plannedStartAt: 0, clockTime: () => '09:00:00', now: 0 };
  const pptx = await readPptx(await slidesPptx(slidesModel({ ...data, meeting }, timing), meeting));
  const parts = new Set(pptx.parts);

  it('declares every part it holds and no part it does not hold, with registered types', () => {
    const overrides = children(pptx.contentTypes, 'Override');
    const defaults = children(pptx.contentTypes, 'Default');
    for (const override of overrides) {
      expect(parts.has((override.attrs.PartName ?? '').slice(1)), override.attrs.PartName).toBe(
        true,
      );
    }
    for (const type of [...overrides, ...defaults]) {
      expect(type.attrs.ContentType).not.toBe('image/jpg');
    }
    const overridden = new Set(overrides.map((o) => (o.attrs.PartName ?? '').slice(1)));
    const byExtension = new Set(defaults.map((d) => d.attrs.Extension?.toLowerCase()));
    for (const part of parts) {
      const extension = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
      expect(overridden.has(part) || byExtension.has(extension), part).toBe(true);
    }
  });

  it('points every relationship at a part that exists', () => {
    expect(pptx.relationships.size).toBeGreaterThan(10);
    for (const [rels, targets] of pptx.relationships) {
      for (const { target, external } of targets) {
        if (external) continue;
        expect(parts.has(resolveTarget(rels, target)), `${rels} → ${target}`).toBe(true);
      }
    }
  });
});
