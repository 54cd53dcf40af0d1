import { describe, expect, it } from 'vitest';
import { exportSampleData, hardMeeting } from './test-support/export-fixture.ts';
import type { MeetingData } from './meeting-data.ts';
import { minutesDocx } from './minutes-docx.ts';
import { minutesMarkdown, paragraphMarkdown } from './minutes-md.ts';
import { minutesModel } from './minutes-model.ts';
import { emWidth } from './text-fit.ts';
import { readDocx, type ReadParagraph } from './test-support/docx-readback.ts';
import { child, type XmlElement } from './test-support/xml-tree.ts';

/**
 * The minutes worded and ordered as a secretary hands them in (GB/T 9704-2012 §10.3 纪要, issue
 * 14 point 5), read back from the .docx: the opening, 一、交流发言情况 with （一）… per speech,
 * 会议要求, 议定事项, names, dates, the title's lines and the 出席 block; the sample after a
 * full day and the hard meeting.
 */

const attr = (element: XmlElement | undefined, name: string) => element?.attrs[name];

const withMeeting = (data: MeetingData, fields: Partial<MeetingData['meeting']>): MeetingData => ({
  ...data,
  meeting: { ...data.meeting, ...fields },
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
