import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportSampleData } from './test-support/export-fixture.ts';
import { sortNotes } from '../core/notes.ts';
import { SLIDE, slidesModel } from './slides-model.ts';
import { slidesPptx } from './slides-pptx.ts';

/** The text of each slide, in order, as PowerPoint would read it out of the file. */
async function readDeck(pptx: Buffer) {
  const zip = await JSZip.loadAsync(pptx);
  const count = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).length;
  const slides: { xml: string; text: string }[] = [];
  for (let n = 1; n <= count; n++) {
    const xml = (await zip.file(`ppt/slides/slide${n}.xml`)?.async('string')) ?? '';
    const paragraphs = xml.split('</a:p>').map((p) =>
      [...p.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
        .map((m) => m[1])
        .join('')
        .replaceAll('&quot;', '"')
        .replaceAll('&amp;', '&'),
    );
    slides.push({ xml, text: paragraphs.filter(Boolean).join('\n') });
  }
  const presentation = (await zip.file('ppt/presentation.xml')?.async('string')) ?? '';
  return { slides, presentation };
}

describe('the slides (.pptx)', async () => {
  const data = exportSampleData();
  const { slides, presentation } = await readDeck(
    await slidesPptx(slidesModel(data), data.meeting),
  );
  const titled = (title: string) => slides.filter((s) => s.text.startsWith(title));

  it('is 16:9 with the cover, the agenda, a card per speech and the closing summary', () => {
    // 10 in × 5.625 in in EMU.
    expect(presentation).toContain('<p:sldSz cx="9144000" cy="5143500"');
    expect(slides[0]?.text).toBe(
      '龙岗区组织工作会议暨基层工作经验交流座谈会（示例）\n中共深圳市龙岗区委组织部\n2026年11月25日  ·  区委大院第一会议室',
    );
    const agenda = titled('会议议程');
    // 13 items, one row each at 24 pt: two slides, not three half-empty ones.
    expect(agenda).toHaveLength(2);
    const agendaText = agenda.map((s) => s.text).join('\n');
    for (const name of ['平湖街道 林一平', '宝龙街道 何十一', '龙岗区委 张勇']) {
      expect(agendaText).toContain(name);
    }
    expect(agendaText).toMatch(/\n11\n宝龙街道 何十一\n8(\n|$)/);
    const cards = slides.filter((s) =>
      /^龙岗区组织工作会议.*\n(第 \d+ 位|开场|领导讲话)\n/.test(s.text),
    );
    expect(cards).toHaveLength(13);
    expect(cards[1]?.text).toContain(
      '第 1 位\n平湖街道\n林一平  党工委书记\n4个河道整治攻坚临时党支部',
    );
    expect(slides.at(-1)?.text).toMatch(/^交流小结/);
    expect(titled('交流小结')[0]?.text).toContain('11位同志交流发言，记录干货');
  });

  it("writes the agenda's minutes as a bare number under 分钟, so no unit wraps off its number", () => {
    for (const slide of titled('会议议程')) {
      const minutes = [...slide.xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
        .map((m) => m[1] as string)
        .filter((t) => /分|钟/.test(t));
      expect(minutes).toEqual(['分钟']);
    }
  });

  it("shows a speaker's takeaways on at most two slides, starred first, the rest left to the minutes", () => {
    const pingdi = titled('坪地街道 陈二坪 · 干货');
    expect(pingdi).toHaveLength(SLIDE.maxTakeawaySlides);
    expect(pingdi[1]?.text.startsWith('坪地街道 陈二坪 · 干货（续）')).toBe(true);
    const notes = sortNotes(data.notes.filter((n) => n.itemId === 'i2'));
    expect(notes).toHaveLength(40);
    const shown = notes.filter((n) =>
      pingdi.some((s) => s.text.replaceAll('\n', '').includes(n.text)),
    );
    // What is shown is the head of the list: the starred ones, then the others in speech order.
    expect(shown.length).toBeGreaterThan(4);
    expect(shown).toEqual(notes.slice(0, shown.length));
    expect(shown.slice(0, 4).every((n) => n.starred)).toBe(true);
    // Each note whole on one slide, never split between two.
    for (const note of shown) {
      expect(pingdi.filter((s) => s.text.includes(note.text))).toHaveLength(1);
    }
    expect(pingdi.at(-1)?.text).toContain(`其余 ${40 - shown.length} 条见会议纪要`);
  });

  it("labels the leader's points 会议要求, numbered, not 干货", () => {
    const leader = slides.filter((s) => s.text.startsWith('龙岗区委 张勇'));
    expect(leader.length).toBeGreaterThan(0);
    expect(leader[0]?.text).toMatch(/^龙岗区委 张勇 · 会议要求\n一、/);
    expect(leader[0]?.text).toContain('\n二、坚持以实干论英雄');
    expect(leader.some((s) => s.text.includes('干货'))).toBe(false);
  });

  it('gives the speaker without notes a card but no takeaway slide', () => {
    expect(slides.some((s) => s.text.includes('\n龙城街道\n赵五城'))).toBe(true);
    expect(titled('龙城街道 赵五城 · 干货')).toHaveLength(0);
  });

  it('writes each paragraph with its properties once, first, as the schema requires', () => {
    for (const slide of slides) {
      for (const paragraph of slide.xml.split('<a:p>').slice(1)) {
        const body = paragraph.slice(0, paragraph.indexOf('</a:p>'));
        expect(body.match(/<a:pPr\b/g)?.length ?? 0).toBeLessThanOrEqual(1);
        if (body.includes('<a:pPr')) expect(body.indexOf('<a:pPr')).toBe(0);
      }
    }
  });

  it('sets Microsoft YaHei as the Latin and East-Asian font of every run', () => {
    for (const slide of slides) {
      const runs = slide.xml.match(/<a:rPr[^>]*>.*?<\/a:rPr>/gs) ?? [];
      for (const run of runs) {
        expect(run).toContain('<a:ea typeface="Microsoft YaHei"');
        expect(run).toContain('<a:latin typeface="Microsoft YaHei"');
      }
    }
    expect(slides[8]?.xml).toContain('lang="zh-CN"');
  });

  it('draws the neutral theme and the logo when the meeting asks for them', async () => {
    // A 2×1 PNG, red.
    const logo =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR42mP8z8DAwMDAwAAAEgAB/4dKOwAAAABJRU5ErkJggg==';
    const meeting = { ...data.meeting, slideTheme: 'neutral' as const, logo };
    const zip = await JSZip.loadAsync(await slidesPptx(slidesModel({ ...data, meeting }), meeting));
    const cover = (await zip.file('ppt/slides/slide1.xml')?.async('string')) ?? '';
    expect(cover).toContain('<a:srgbClr val="1F3A5F"/>');
    expect(cover).not.toContain('B7141B');
    expect(cover).toContain('<p:pic>');
    expect(Object.keys(zip.files).some((f) => f.startsWith('ppt/media/'))).toBe(true);
  });
});
