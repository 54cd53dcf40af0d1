import { describe, expect, it } from 'vitest';
import { bulletLines, paginateBullets, type SlideBullet } from './slides-paging.ts';
import { balancedLines, fitText } from './text-fit.ts';

const STYLE = { fontPt: 24, linePt: 30, gapPt: 8 };
const WIDTH_IN = 8.8;
/** Nine lines of 24 pt: a takeaway slide. */
const SLIDE_PT = 287;
const bullet = (text: string, label = '干货：'): SlideBullet => ({
  label,
  starred: false,
  text,
  continued: false,
});
const linesOf = (page: SlideBullet[]) =>
  page.reduce((sum, b) => sum + bulletLines(b, WIDTH_IN, STYLE), 0);

describe('takeaways laid onto slides', () => {
  const sentence =
    '临时党支部把来自不同单位的不同利益群体“拧成一股绳”，在土地整备、治水提质、查违拆迁、安监执法等急难险重一线发挥战斗堡垒作用。';

  it('splits a note taller than a slide only between sentences, and loses nothing', () => {
    const long = bullet(sentence.repeat(6));
    const { pages } = paginateBullets([long], SLIDE_PT, WIDTH_IN, STYLE);
    expect(pages.length).toBeGreaterThan(1);
    const pieces = pages.flat();
    expect(pieces.map((p) => p.text).join('')).toBe(long.text);
    for (const piece of pieces) expect(piece.text).toMatch(/。$/);
    expect(pieces.slice(1).every((p) => p.continued)).toBe(true);
    for (const page of pages) expect(linesOf(page) * STYLE.linePt).toBeLessThanOrEqual(SLIDE_PT);
  });

  it('splits a sentence taller than a slide between its phrases, never inside one', () => {
    const one = bullet(sentence.replace(/。$/, '，').repeat(5).replace(/，$/, '。'));
    const pieces = paginateBullets([one], SLIDE_PT, WIDTH_IN, STYLE).pages.flat();
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.map((p) => p.text).join('')).toBe(one.text);
    for (const piece of pieces.slice(0, -1)) expect(piece.text).toMatch(/[，、：]$/);
  });

  it('moves a note that does not fit whole to the next slide rather than cut it', () => {
    const notes = [bullet('短句。'.repeat(60)), bullet(sentence), bullet(sentence)];
    const { pages } = paginateBullets(notes, SLIDE_PT, WIDTH_IN, STYLE);
    for (const note of notes.slice(1)) {
      expect(pages.filter((page) => page.some((b) => b.text === note.text))).toHaveLength(1);
    }
  });

  it('leaves no slide with a single line alone when the slide before can spare a note', () => {
    // Four two-line notes fill a slide; a one-line fifth would stand alone on the next.
    const notes = [
      ...Array.from({ length: 4 }, () => bullet(sentence.slice(0, 40))),
      bullet('一句话。'),
    ];
    const { pages } = paginateBullets(notes, SLIDE_PT, WIDTH_IN, STYLE);
    expect(pages).toHaveLength(2);
    for (const page of pages) expect(linesOf(page)).toBeGreaterThan(1);
  });

  it('stops at the cap, keeps the order, and keeps a line free for what was left out', () => {
    const notes = Array.from({ length: 20 }, (_, i) =>
      bullet(`${sentence.slice(0, 30)}（第${i + 1}条）`),
    );
    const { pages, leftOut } = paginateBullets(notes, SLIDE_PT, WIDTH_IN, STYLE, 2);
    expect(pages).toHaveLength(2);
    const shown = pages.flat();
    expect(shown).toEqual(notes.slice(0, shown.length));
    expect(leftOut).toBe(20 - shown.length);
    const last = pages.at(-1) as SlideBullet[];
    const usedPt = linesOf(last) * STYLE.linePt + last.length * STYLE.gapPt;
    expect(usedPt + STYLE.linePt).toBeLessThanOrEqual(SLIDE_PT);
  });
});

describe('a text fitted to its box', () => {
  it('shrinks within its limits before it shortens, and shortens with … before its tail', () => {
    const limits = { maxPt: 28, minPt: 24, spacing: 1.1 };
    const shrunk = fitText('青石街道 欧阳明远 党工委书记', 5.5, 31, limits);
    expect(shrunk).toMatchObject({ shortened: false, lines: 1 });
    expect(shrunk.fontPt).toBeLessThan(28);
    const cut = fitText(
      '中共云溪区委城市更新和土地整备攻坚指挥部松岭片区临时党支部',
      4,
      31,
      limits,
      ' · 干货',
    );
    expect(cut).toMatchObject({ shortened: true, fontPt: 24, lines: 1 });
    expect(cut.text).toMatch(/^中共云溪区委.*… · 干货$/);
  });

  it('breaks a centred two-line topic after a phrase, else into even lines', () => {
    expect(balancedLines('临时党支部建在土地整备一线：把复杂问题解决在一线', 8, 28)).toEqual([
      '临时党支部建在土地整备一线：',
      '把复杂问题解决在一线',
    ]);
    const even = balancedLines('总结讲话以党建引领城市更新和基层治理攻坚', 7, 36);
    expect(even.join('')).toBe('总结讲话以党建引领城市更新和基层治理攻坚');
    expect(even.map((line) => Array.from(line).length)).toEqual([10, 10]);
  });
});
