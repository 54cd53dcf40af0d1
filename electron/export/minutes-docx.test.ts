import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { itemHeadline } from '../core/agenda.ts';
import { applyDraw, makeDraw } from '../core/draw.ts';
import { exportSampleData, plainSampleData } from './test-support/export-fixture.ts';
import type { MeetingData } from './meeting-data.ts';
import { hostScript } from './host-script.ts';
import { hostScriptDocx } from './host-script-docx.ts';
import { minutesDocx } from './minutes-docx.ts';
import { minutesMarkdown } from './minutes-md.ts';
import { minutesModel } from './minutes-model.ts';
import { readDocx, type ReadParagraph } from './test-support/docx-readback.ts';
import { child, children, parseXml, type XmlElement } from './test-support/xml-tree.ts';

/**
 * The minutes as GB/T 9704-2012 and its §10.3 (纪要) lay them out, read back from the .docx's
 * XML: the page and its grid, where the page number goes, the structure and wording a secretary
 * hands in unchanged, the 出席 block after the body, the 纪要标志, the font table.
 */

const TWIPS_PER_MM = 1440 / 25.4;
const attr = (element: XmlElement | undefined, name: string) => element?.attrs[name];
const val = (element: XmlElement | undefined) => attr(element, 'w:val');
const on = (pPr: XmlElement | undefined, name: string) => {
  const element = child(pPr, name);
  return element !== undefined && !['0', 'false', 'off'].includes(val(element) ?? '');
};

async function partsOf(docx: Buffer) {
  const zip = await JSZip.loadAsync(docx);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  return {
    document: parseXml(await read('word/document.xml')),
    fontTable: parseXml(await read('word/fontTable.xml')),
    footers: await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/footer\d*\.xml$/.test(f))
        .map(async (f) => parseXml(await read(f))),
    ),
  };
}

const sectionOf = (document: XmlElement) =>
  child(child(document, 'w:body'), 'w:sectPr') as XmlElement;

const withMeeting = (data: MeetingData, fields: Partial<MeetingData['meeting']>): MeetingData => ({
  ...data,
  meeting: { ...data.meeting, ...fields },
});

describe('the page: GB/T 9704-2012 type area, 22 lines of 28 characters, page numbers', async () => {
  const docx = await minutesDocx(minutesModel(exportSampleData()));
  const { document, footers } = await partsOf(docx);
  const doc = await readDocx(docx);
  const section = sectionOf(document);
  const pgSz = child(section, 'w:pgSz');
  const pgMar = child(section, 'w:pgMar');
  const n = (element: XmlElement | undefined, name: string) => Number(attr(element, name));
  const width = n(pgSz, 'w:w') - n(pgMar, 'w:left') - n(pgMar, 'w:right');
  const height = n(pgSz, 'w:h') - n(pgMar, 'w:top') - n(pgMar, 'w:bottom');

  it('has the 156 × 225 mm type area', () => {
    expect(width / TWIPS_PER_MM).toBeCloseTo(156, 0);
    expect(height / TWIPS_PER_MM).toBeCloseTo(225, 0);
  });

  it('declares a lines-and-characters grid of 22 lines that fill the type area', () => {
    const grid = child(section, 'w:docGrid');
    expect(attr(grid, 'w:type')).toBe('linesAndChars');
    const pitch = n(grid, 'w:linePitch');
    // 22 lines fit, and a pitch one twip larger would not fill it any better than to 225 mm.
    expect(22 * pitch).toBeLessThanOrEqual(height);
    expect(22 * (pitch + 1)).toBeGreaterThan(height);
    // The cell: the Normal style's 16 pt plus charSpace/4096 pt, 28 of them to a line.
    const cell = (16 + n(grid, 'w:charSpace') / 4096) * 20;
    expect(28 * cell).toBeLessThanOrEqual(width);
    expect(28 * (cell + 1)).toBeGreaterThan(width);
  });

  it('sets every body line on the grid’s pitch, justified, 28 characters to a line', () => {
    const grid = child(section, 'w:docGrid');
    const pitch = attr(grid, 'w:linePitch');
    const body = doc.body.filter((p) => p.runs.some((r) => r.size === 32));
    expect(body.length).toBeGreaterThan(50);
    for (const p of body) {
      const spacing = child(p.properties, 'w:spacing');
      expect([p.text.slice(0, 12), attr(spacing, 'w:line'), attr(spacing, 'w:lineRule')]).toEqual([
        p.text.slice(0, 12),
        pitch,
        'exact',
      ]);
      expect([p.text.slice(0, 12), p.alignment]).toEqual([p.text.slice(0, 12), 'both']);
      // Off the character grid (LibreOffice would set each character in two cells)…
      expect(on(p.properties, 'w:snapToGrid')).toBe(false);
    }
    // …28 characters a line come from each run's spacing: 28 fit the line and 29 do not.
    const runs = [...document.children]
      .flatMap(function all(node): XmlElement[] {
        return typeof node === 'string' ? [] : [node, ...node.children.flatMap(all)];
      })
      .filter((e) => e.name === 'w:rPr' && val(child(e, 'w:sz')) === '32');
    const spacings = new Set(runs.map((rPr) => Number(val(child(rPr, 'w:spacing')))));
    expect([...spacings]).toHaveLength(1);
    const advance = 320 + [...spacings][0]!;
    expect(28 * advance).toBeLessThanOrEqual(width);
    expect(29 * advance).toBeGreaterThan(width);
    // With room for rounding (LibreOffice set only 27 at −5 twips, 28 × 315 = 8820 of 8845):
    // still 28 with each character 3 twips wider, still not 29 with each 3 twips narrower.
    expect(28 * (advance + 3)).toBeLessThanOrEqual(width);
    expect(29 * (advance - 3)).toBeGreaterThan(width);
  });

  it('keeps punctuation inside the type area: Word’s overflowPunct off, LibreOffice’s copy on', async () => {
    const forWord = doc.body.map((p) => on(p.properties, 'w:overflowPunct'));
    expect(new Set(forWord)).toEqual(new Set([false]));
    expect(doc.body.every((p) => child(p.properties, 'w:overflowPunct'))).toBe(true);
    const printed = await readDocx(
      await minutesDocx(minutesModel(exportSampleData()), 'libreoffice'),
    );
    expect(new Set(printed.body.map((p) => on(p.properties, 'w:overflowPunct')))).toEqual(
      new Set([true]),
    );
  });

  it('keeps every heading whole and with what follows, so none stands at a page’s foot', () => {
    const headings = doc.body.filter((p) =>
      /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/.test(p.text),
    );
    expect(headings.map((p) => p.text)).toContain('一、交流发言情况');
    expect(headings.map((p) => p.text)).toContain('（十）园山街道冯十园');
    for (const h of headings) {
      expect([h.text, on(h.properties, 'w:keepNext'), on(h.properties, 'w:keepLines')]).toEqual([
        h.text,
        true,
        true,
      ]);
    }
  });

  it('puts "— 1 —" in half-width 宋体 4号 with its dashes 7 mm below the type area', () => {
    const footerDistance = n(pgMar, 'w:footer');
    expect(footers).toHaveLength(2);
    for (const footer of footers) {
      const p = child(footer, 'w:p') as XmlElement;
      const spacing = child(child(p, 'w:pPr'), 'w:spacing');
      // The footer's line is exact, so its middle (where a Chinese dash sits) is half a line up.
      expect(attr(spacing, 'w:lineRule')).toBe('exact');
      const line = Number(attr(spacing, 'w:line'));
      expect(line).toBe(28 * 10); // 4号 14 pt
      const dashAboveBottom = footerDistance + line / 2;
      const belowTypeArea = (n(pgMar, 'w:bottom') - dashAboveBottom) / TWIPS_PER_MM;
      expect(belowTypeArea).toBeCloseTo(7, 1);
      for (const r of children(p, 'w:r')) {
        const fonts = child(child(r, 'w:rPr'), 'w:rFonts');
        expect([attr(fonts, 'w:ascii'), attr(fonts, 'w:hAnsi'), attr(fonts, 'w:eastAsia')]).toEqual(
          ['宋体', '宋体', '宋体'],
        );
      }
    }
  });
});

describe('the 纪要标志, a meeting setting', () => {
  it('is not printed when the meeting has none', async () => {
    const model = minutesModel(plainSampleData());
    expect(model.mark).toBe('');
    const { document } = await partsOf(await minutesDocx(model));
    const colors = [...JSON.stringify(document).matchAll(/"w:color","attrs":\{"w:val":"(\w+)"/g)];
    expect(colors).toEqual([]);
  });

  it('prints red 小标宋 "××纪要" centred, its top 35 mm below the type area’s top edge', async () => {
    const data = withMeeting(plainSampleData(), { minutesMark: '龙岗区组织工作纪要' });
    const docx = await minutesDocx(minutesModel(data));
    const doc = await readDocx(docx);
    const mark = doc.body[0] as ReadParagraph;
    expect(mark.text).toBe('龙岗区组织工作纪要');
    expect(mark.alignment).toBe('center');
    expect(mark.runs[0]?.eastAsia).toBe('方正小标宋简体');
    const { document } = await partsOf(docx);
    const p = child(child(document, 'w:body'), 'w:p') as XmlElement;
    const rPr = child(child(p, 'w:r'), 'w:rPr');
    expect(val(child(rPr, 'w:color'))).toBe('FF0000');
    const spacing = child(mark.properties, 'w:spacing');
    expect(Number(attr(spacing, 'w:before')) / TWIPS_PER_MM).toBeCloseTo(35, 1);
    // An exact line of the mark's own size: the line's top is the characters' top.
    expect(Number(attr(spacing, 'w:line'))).toBe((mark.runs[0]?.size ?? 0) * 10);
    expect(doc.body[1]?.text.replace('\n', '')).toBe(`${data.meeting.title}纪要`);
    expect(minutesMarkdown(data)).toMatch(/^\*\*龙岗区组织工作纪要\*\*\n\n# /);
  });
});

describe('the font table, so Word and WPS substitute each 公文 face sensibly', async () => {
  const { fontTable } = await partsOf(await minutesDocx(minutesModel(plainSampleData())));
  const fonts = new Map(children(fontTable, 'w:font').map((f) => [attr(f, 'w:name'), f]));

  it.each([
    ['方正小标宋简体', '宋体', 'roman'],
    ['仿宋_GB2312', '仿宋', 'modern'],
    ['楷体_GB2312', '楷体', 'modern'],
    ['黑体', 'SimHei', 'modern'],
    ['宋体', 'SimSun', 'auto'],
  ])('%s: altName %s, charset GB2312, PANOSE, family %s, pitch', (name, altName, family) => {
    const font = fonts.get(name);
    expect(val(child(font, 'w:altName'))).toBe(altName);
    expect(val(child(font, 'w:charset'))).toBe('86');
    expect(val(child(font, 'w:panose1'))).toMatch(/^[0-9A-F]{20}$/);
    expect(val(child(font, 'w:family'))).toBe(family);
    expect(val(child(font, 'w:pitch'))).toMatch(/^(fixed|variable)$/);
  });

  it('names every East-Asian face the document uses', async () => {
    const docx = await minutesDocx(
      minutesModel(withMeeting(exportSampleData(), { minutesMark: '龙岗区组织工作纪要' })),
    );
    const doc = await readDocx(docx);
    const used = new Set(
      [...doc.body, ...doc.headersAndFooters.flatMap((f) => f.paragraphs)].flatMap((p) =>
        p.runs.map((r) => r.eastAsia),
      ),
    );
    for (const face of used) expect(fonts.has(face)).toBe(true);
  });

  it('is the host script’s font table too', async () => {
    const docx = await hostScriptDocx(hostScript(plainSampleData()), '主持词');
    const table = (await partsOf(docx)).fontTable;
    const named = children(table, 'w:font').map((f) => [
      attr(f, 'w:name'),
      val(child(f, 'w:altName')),
    ]);
    expect(named).toEqual(
      [...fonts.values()].map((f) => [attr(f, 'w:name'), val(child(f, 'w:altName'))]),
    );
    const doc = await readDocx(docx);
    const used = new Set(
      [...doc.body, ...doc.headersAndFooters.flatMap((f) => f.paragraphs)].flatMap((p) =>
        p.runs.map((r) => r.eastAsia),
      ),
    );
    for (const face of used) expect(fonts.has(face)).toBe(true);
  });
});

describe('the draw annex in the minutes', async () => {
  const data = plainSampleData();
  const draw = makeDraw(
    data.items,
    { id: 'd', meetingId: 'm', seed: '2026-11-25 公开抽签', drawnAt: 0, drawnBy: '会务组' },
    itemHeadline,
  );
  const doc = await readDocx(
    await minutesDocx(
      minutesModel({ ...data, items: applyDraw(data.items, draw.order), draws: [draw] }),
    ),
  );
  const texts = doc.body.map((p) => p.text);

  it('names the annex after the body, before 出席, and starts it on a new page, 附件 in 黑体', () => {
    expect(texts.indexOf('附件：发言顺序抽签记录')).toBeLessThan(
      texts.findIndex((t) => t.startsWith('出席：')),
    );
    const annexPage = doc.body.find((p) => on(p.properties, 'w:pageBreakBefore'));
    expect(annexPage?.text).toBe('附件');
    expect(annexPage?.runs[0]?.eastAsia).toBe('黑体');
  });

  it('prints the seed, who drew, the list and the result', () => {
    const all = texts.join('\n');
    expect(all).toContain('2026-11-25 公开抽签');
    expect(all).toContain('会务组');
    expect(all).toContain('平湖街道 林一平、坪地街道 陈二坪');
    expect(all).toMatch(/第1位 \S+街道 \S+；第2位/);
  });
});
