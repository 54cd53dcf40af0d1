import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { itemHeadline } from '../core/agenda.ts';
import { applyDraw, makeDraw } from '../core/draw.ts';
import { exportSampleData, hardMeeting, plainSampleData } from './export-fixture.ts';
import type { MeetingData } from './meeting-data.ts';
import { minutesDocx } from './minutes-docx.ts';
import { minutesMarkdown, paragraphMarkdown } from './minutes-md.ts';
import { minutesModel } from './minutes-model.ts';
import { emWidth } from './text-fit.ts';
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

describe('the minutes as a secretary writes them (§10.3 纪要)', async () => {
  const data = exportSampleData();
  const model = minutesModel(data);
  const doc = await readDocx(await minutesDocx(model));
  const texts = doc.body.map((p) => p.text);
  const at = (text: string) => texts.indexOf(text);

  it('opens with who presided and the leader who spoke, and says who spoke in turn', () => {
    expect(texts[1]).toBe(model.opening);
    expect(model.opening).toMatch(/^2026年11月25日上午，在区委大院第一会议室召开/);
    expect(model.opening).toContain('区委书记张勇同志出席会议并讲话，戴斌同志主持会议。');
    expect(model.opening).toContain('平湖街道林一平、坪地街道陈二坪');
    expect(model.opening).toMatch(/先后作交流发言。现将会议主要精神纪要如下：$/);
  });

  it('is structured 一、交流发言情况 （一）…（十一）, 二、会议要求, 三、议定事项', () => {
    const level1 = texts.filter((t) => /^[一二三四五六七八九十]+、/.test(t));
    expect(level1).toEqual(['一、交流发言情况', '二、会议要求', '三、议定事项']);
    const level2 = texts.filter((t) => /^（[一二三四五六七八九十]+）/.test(t));
    expect(level2).toHaveLength(11);
    expect(level2[0]).toBe('（一）平湖街道林一平');
    expect(level2[10]).toBe('（十一）宝龙街道何十一');
    expect(at('二、会议要求')).toBeGreaterThan(at('（十一）宝龙街道何十一'));
  });

  it('names a speaker as 单位+姓名 with no space; says a speech without notes, no （无记录）', () => {
    expect(texts.some((t) => /街道 /.test(t) && !t.startsWith('抽签'))).toBe(false);
    expect(texts.join('\n')).not.toContain('无记录');
    // 龙城街道 left no notes: its heading is followed by what the speech was about, then 布吉.
    const longcheng = at('（五）龙城街道赵五城');
    expect(texts[longcheng + 1]).toMatch(/^围绕“.+”作交流发言。$/);
    expect(texts[longcheng + 2]).toBe('（六）布吉街道周六吉');
  });

  it('keeps a speaker’s notes in the order they were taken: starred ones are not moved ahead', () => {
    const numbers = texts
      .map((t) => /（第(\d+)条）/.exec(t)?.[1])
      .filter(Boolean)
      .map(Number);
    expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('writes the leader’s points as 一是…二是…, and due dates as 12月31日前', () => {
    expect(texts).toContain(model.requirements[0]);
    expect(model.requirements[0]).toMatch(/^区委书记张勇同志强调：一是.+。二是/);
    const actions = texts.filter((t) => /^\d+\./.test(t));
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) expect(action).toMatch(/时限：12月31日前）。$/);
    expect(texts.join('\n')).not.toContain('2026-12-31');
  });

  it('breaks the title into even lines, never inside a word such as 座谈会', () => {
    const title = doc.body[0] as ReadParagraph;
    const lines = title.text.split('\n');
    expect(lines.join('')).toBe(model.title);
    expect(lines).toEqual(['龙岗区组织工作会议暨基层工作', '经验交流座谈会（示例）纪要']);
    for (const line of lines) expect(emWidth(line)).toBeLessThanOrEqual(20);
  });

  it('sets 出席, 请假, 列席 after the body, one line down, two characters in, wrapped after the colon', async () => {
    const withLeave = withMeeting(data, { absentees: ['区委办 王请假'] });
    const paragraphs = (await readDocx(await minutesDocx(minutesModel(withLeave)))).body;
    const labels = paragraphs.filter((p) => /^(出席|请假|列席)：/.test(p.text));
    expect(labels.map((p) => p.text.slice(0, 3))).toEqual(['出席：', '请假：', '列席：']);
    const lastAction = paragraphs.findLastIndex((p) => /^\d+\./.test(p.text));
    expect(paragraphs.indexOf(labels[0] as ReadParagraph)).toBe(lastAction + 1);
    const first = labels[0] as ReadParagraph;
    const pitch = Number(attr(child(first.properties, 'w:spacing'), 'w:line'));
    expect(Number(attr(child(first.properties, 'w:spacing'), 'w:before'))).toBe(pitch);
    for (const p of labels) {
      const ind = child(p.properties, 'w:ind');
      const cell = 8845 / 28;
      // The label starts 2 characters in; wrapped lines start after "出席：", 3 characters later.
      const left = Number(attr(ind, 'w:left'));
      const hanging = Number(attr(ind, 'w:hanging'));
      expect((left - hanging) / cell).toBeCloseTo(2, 1);
      expect(hanging / cell).toBeCloseTo(3, 1);
      expect(p.runs[0]?.eastAsia).toBe('黑体');
      expect(p.runs[1]?.eastAsia).toBe('仿宋_GB2312');
    }
  });
});

describe('the hard meeting’s minutes: long names, English, no notes, a skipped speech', async () => {
  const data = hardMeeting();
  const model = minutesModel(data);
  const doc = await readDocx(await minutesDocx(model));
  const texts = doc.body.map((p) => p.text);

  it('sets a 62-character title in four even lines, no word broken', () => {
    const lines = texts[0]?.split('\n') ?? [];
    expect(lines.join('')).toBe(model.title);
    expect(lines).toHaveLength(4); // 62 characters, 20 to a line of 2号
    for (const line of lines) expect(emWidth(line)).toBeLessThanOrEqual(20);
    const joined = lines.join('|');
    for (const broken of ['座谈|会', '云溪|区', '年|度', '党|建', '纪|要']) {
      expect(joined).not.toContain(broken);
    }
  });

  it('names an English speaker with spaces between Latin words only', () => {
    expect(texts).toContain('（五）Shenzhen Innovation Center Zhang Wei-Ming');
    expect(model.opening).toContain('、Shenzhen Innovation Center Zhang Wei-Ming、');
  });

  it('says a speech without notes in one sentence, and leaves out the speech that was skipped', () => {
    const silent = texts.indexOf('（四）枫林街道蒋思齐');
    expect(texts[silent + 1]).toBe('围绕“老旧小区改造‘一栋一策’”作交流发言。');
    expect(texts[silent + 2]).toBe('（五）Shenzhen Innovation Center Zhang Wei-Ming');
    expect(texts.join('\n')).not.toContain('梅岗街道谭慧敏');
    expect(model.opening).not.toContain('谭慧敏');
  });

  it('gives due dates in the meeting’s year as 月日前, in another year with the year', () => {
    const actions = texts.filter((t) => /^\d+\./.test(t));
    expect(actions.some((t) => t.includes('时限：12月20日前'))).toBe(true);
    expect(actions.some((t) => t.includes('时限：2027年3月31日前'))).toBe(true);
  });

  it('prints the same paragraphs in the .md as in the .docx, from the one model', () => {
    const md = minutesMarkdown(data);
    const paragraphs = [
      model.opening,
      ...model.speeches.flatMap((s) => [s.lead, ...s.paragraphs]),
      ...model.requirements,
      ...model.actions,
    ];
    for (const p of paragraphs) {
      expect(texts).toContain(p);
      expect(md).toContain(`\n${paragraphMarkdown(p)}\n`);
    }
    // A note that looks like a formula or a list stays a paragraph of text in Markdown.
    expect(md).toContain('\n\\=SUM(A1)\n');
    expect(md).toContain('\n\\-2\n');
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
