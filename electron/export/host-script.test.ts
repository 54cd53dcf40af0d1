import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { emptyAgendaItemFields, type AgendaItem } from '../core/agenda.ts';
import { cnCount, cnNumeral } from './chinese-numbers.ts';
import { exportSampleData, hardMeeting, plainSampleData } from './test-support/export-fixture.ts';
import { hostScript } from './host-script.ts';
import { hostScriptDocx } from './host-script-docx.ts';
import { minutesDocx } from './minutes-docx.ts';
import { minutesModel } from './minutes-model.ts';
import { readDocx } from './test-support/docx-readback.ts';
import { child } from './test-support/xml-tree.ts';
import type { MeetingData } from './meeting-data.ts';
import { seatingPeople } from '../core/test-support/participants.ts';

/** The sample's agenda; the host script does not use notes. */
const sampleData = (): MeetingData => ({ ...plainSampleData(), notes: [] });

describe('the host script', () => {
  const script = hostScript(sampleData());
  const texts = script.map((p) => p.text);

  it('hands over to each speaker with the topic and tells the next one to get ready', () => {
    expect(texts).toContain(
      '首先，请平湖街道党工委书记林一平同志作交流发言，题目是《4个河道整治攻坚临时党支部：“四条河”房屋征拆8月30日全面完成》。请坪地街道做好准备。',
    );
    expect(texts).toContain(
      '下面，请坪地街道党工委书记陈二坪同志作交流发言，题目是《临时党支部建在土地整备一线：把复杂问题解决在一线》。请横岗街道做好准备。',
    );
    expect(texts).toContain(
      '下面，请宝龙街道党工委书记何十一同志作交流发言，题目是《三棵松水治理临时党支部：把不同利益群体“拧成一股绳”》。',
    );
    const handOvers = script.filter((p) => p.style === 'cue' && p.text.includes('作交流发言'));
    expect(handOvers).toHaveLength(11);
  });

  it('hands over without a title when the speech has no topic, and keeps a title inside one apart', () => {
    const data = sampleData();
    data.items[1] = { ...(data.items[1] as AgendaItem), topic: '' };
    data.items[2] = { ...(data.items[2] as AgendaItem), topic: '学习《条例》的体会' };
    const lines = hostScript(data).map((p) => p.text);
    expect(lines).toContain('首先，请平湖街道党工委书记林一平同志作交流发言，请坪地街道做好准备。');
    expect(lines).toContain(
      '下面，请坪地街道党工委书记陈二坪同志作交流发言，题目是《学习〈条例〉的体会》。请横岗街道做好准备。',
    );
  });

  it('reads the attendees as a presider says them, in the listed order, without the presider', () => {
    const opening = texts.find((t) => t.startsWith('今天')) ?? '';
    expect(opening).toContain(
      '出席今天会议的有：区委书记张勇同志，平湖街道党工委书记林一平同志，坪地街道党工委书记陈二坪同志，',
    );
    expect(opening).toContain('宝龙街道党工委书记何十一同志。列席会议的有：');
    expect(opening).not.toContain('戴斌');
    expect(opening).not.toContain('（区委书记）');
  });

  it('reads a group among the attendees without 同志 and a post from the list before the name', () => {
    const data = sampleData();
    data.meeting = {
      ...data.meeting,
      presider: '戴斌',
      attendees: [
        '戴斌（区委副书记）',
        '方敏（区委常委、组织部部长）',
        '买买提·艾力（区委常委）',
        '各街道党工委书记',
      ],
    };
    const opening = hostScript(data).find((p) => p.text.startsWith('今天'))?.text ?? '';
    expect(opening).toContain(
      '出席今天会议的有：区委常委、组织部部长方敏同志，区委常委买买提·艾力同志，各街道党工委书记。',
    );
  });

  it('reads the participant list when the meeting has one: rank order, substitutes, no leave', async () => {
    const data = sampleData();
    // The presider listed among them (rank 2), 陈静 ranked above 张勇 by an edit (rank 1, added after 林一平).
    const people = seatingPeople(data.meeting.id).map((p) =>
      p.name === '陈静' ? { ...p, rank: 1 } : p,
    );
    people.push({ ...people[0]!, id: 'p-dai', name: '戴斌', organization: '区委', rank: 2 });
    const withList = { ...data, participants: people };
    const docx = await readDocx(await hostScriptDocx(hostScript(withList), '主持词'));
    const opening = docx.body.map((p) => p.text).find((t) => t.startsWith('今天')) ?? '';
    expect(opening).toContain(
      '出席今天会议的有：区委林一平同志，平湖街道党工委陈静同志，区政府张勇同志，区委组织部欧阳晓明同志，南湾街道党工委王海涛同志，吉华街道党工委钱多多同志，坂田街道党工委刘洋同志，',
    );
    expect(opening).toContain(
      '列席会议的有：区委组织部组织科郑凯同志、区委办公室孙丽同志、区委宣传部马骏同志。',
    );
    // Not the typed lists, not the one on leave, the staff, the member a substitute replaced,
    // nor the presider himself.
    for (const absent of ['区委组织部有关科室负责人', '李娜', '何芳', '赵建国', '戴斌']) {
      expect(opening).not.toContain(absent);
    }
  });

  it('names the same people in the same order as the minutes’ 出席 and 列席', async () => {
    const data = exportSampleData();
    const people = seatingPeople(data.meeting.id);
    people.push({ ...people[0]!, id: 'p-dai', name: '戴斌', organization: '区委', rank: 3 });
    const meeting = { ...data, participants: people };
    const minutes = await readDocx(await minutesDocx(minutesModel(meeting)));
    const block = (label: string) =>
      (minutes.body.find((p) => p.text.startsWith(`${label}：`))?.text ?? '')
        .slice(3)
        .split('、')
        .map((entry) => entry.replace(/（.*$/, ''));
    const script = await readDocx(await hostScriptDocx(hostScript(meeting), '主持词'));
    const opening = script.body.map((p) => p.text).find((t) => t.startsWith('今天')) ?? '';
    const read = (lead: string, separator: string) =>
      (new RegExp(`${lead}：([^。]*)。`).exec(opening)?.[1] ?? '')
        .split(separator)
        .map((spoken) => spoken.replace(/同志$/, ''));
    const minutesPresent = block('出席').filter((name) => name !== '戴斌');
    expect(minutesPresent).toHaveLength(10);
    const spokenPresent = read('出席今天会议的有', '，');
    expect(spokenPresent).toHaveLength(minutesPresent.length);
    spokenPresent.forEach((spoken, k) => expect(spoken.endsWith(minutesPresent[k]!)).toBe(true));
    const spokenObservers = read('列席会议的有', '、');
    expect(spokenObservers).toHaveLength(3);
    block('列席').forEach((name, k) => expect(spokenObservers[k]!.endsWith(name)).toBe(true));
  });

  it('keeps English words apart from each other and from the Chinese around them', () => {
    const hard = hostScript(hardMeeting()).map((p) => p.text);
    expect(hard).toContain(
      '下面，请 Shenzhen Innovation Center Party Secretary Zhang Wei-Ming 同志作交流发言，题目是《两新组织党建：在科创园区建强“楼宇党委”》。请梅岗街道做好准备。',
    );
    expect(hard.some((t) => t.endsWith('请 Shenzhen Innovation Center 做好准备。'))).toBe(true);
    const opening = hard.find((t) => t.startsWith('今天')) ?? '';
    expect(opening).toContain('，Shenzhen Innovation Center Party Secretary Zhang Wei-Ming 同志，');
    expect(opening).not.toContain('贺建国');
    expect(opening).toContain(
      '会议主要有两项议程：一是请11位同志交流发言；二是请区委书记严正清同志讲话。',
    );
  });

  it('counts in Chinese: 两 for a lone 2 before a measure word, 二 in ordinals and in 十二', () => {
    expect([1, 2, 3, 10, 12, 20, 22].map(cnCount)).toEqual([
      '一',
      '两',
      '三',
      '十',
      '十二',
      '二十',
      '二十二',
    ]);
    expect([1, 2, 11, 20, 21, 99, 100].map(cnNumeral)).toEqual([
      '一',
      '二',
      '十一',
      '二十',
      '二十一',
      '九十九',
      '100',
    ]);
  });

  it('has no finish-on-time addendum when no plan was applied', () => {
    expect(texts.join('')).not.toContain('因时间关系');
  });

  it("adds the presider's finish-on-time line when a plan shortened the speeches (issue 17)", () => {
    const data = sampleData();
    const [, , second, third] = data.items;
    const adjustedLimits = { [second!.id]: 6.5, [third!.id]: 6 };
    const withPlan = hostScript({ ...data, run: { ...data.run, adjustedLimits } });
    expect(withPlan.slice(-2)).toEqual([
      { style: 'annex', text: '附：按时结束提示语' },
      { style: 'cue', text: '因时间关系，请后面发言的同志把发言控制在6.5分钟以内。' },
    ]);
  });

  it('sets the finish-on-time addendum apart from 散会, kept with its line', async () => {
    const data = sampleData();
    const adjustedLimits = { [data.items[2]!.id]: 6 };
    const paragraphs = hostScript({ ...data, run: { ...data.run, adjustedLimits } });
    const doc = await readDocx(await hostScriptDocx(paragraphs, '主持词'));
    const annex = doc.body.find((p) => p.text === '附：按时结束提示语');
    const spacing = child(annex?.properties, 'w:spacing');
    // Two lines of 28 pt above it (in twentieths of a point), and never alone at a page's foot.
    expect(Number(spacing?.attrs['w:before'])).toBe(2 * 28 * 20);
    expect(child(annex?.properties, 'w:keepNext')).toBeDefined();
  });

  it('opens with the agenda and closes after the leader', () => {
    expect(texts[0]).toBe('龙岗区组织工作会议暨基层工作经验交流座谈会（示例）主持词');
    expect(texts.find((t) => t.startsWith('今天'))).toContain(
      '会议主要有两项议程：一是请11位党工委书记交流发言；二是请区委书记张勇同志讲话。',
    );
    expect(texts).toContain('下面，请区委书记张勇同志作总结讲话，大家欢迎。');
    expect(texts.at(-1)).toBe('会议到此结束。散会。');
  });

  it('announces a break and calls the hall back after it', () => {
    const data = sampleData();
    data.items.splice(6, 0, {
      ...emptyAgendaItemFields,
      id: 'b',
      meetingId: 'm',
      position: 6,
      kind: 'break',
      title: '茶歇',
      plannedMinutes: 10,
    });
    const lines = hostScript(data).map((p) => p.text);
    const rest = lines.indexOf('现在休息10分钟。');
    expect(rest).toBeGreaterThan(0);
    expect(lines[rest + 1]).toBe('同志们，休息结束，会议继续。');
    expect(lines[rest + 2]).toMatch(/^下面，请布吉街道党工委书记周六吉同志作交流发言/);
  });

  it('breaks the title into even lines in the Word document, never inside a word', async () => {
    const read = await readDocx(await hostScriptDocx(script, '主持词'));
    const title = read.body.find((p) => p.text.startsWith('龙岗区'))?.text ?? '';
    expect(title.split('\n')).toEqual([
      '龙岗区组织工作会议暨基层工作',
      '经验交流座谈会（示例）主持词',
    ]);
    const hard = await readDocx(await hostScriptDocx(hostScript(hardMeeting()), '主持词'));
    const lines = (hard.body[0]?.text ?? '').split('\n');
    expect(lines.join('')).toBe(`${hardMeeting().meeting.title}主持词`);
    expect(lines.length).toBe(4);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(20);
  });

  it('is a Word document on the official page, in Chinese fonts, with "— 1 —" page numbers', async () => {
    const zip = await JSZip.loadAsync(await hostScriptDocx(script, '主持词'));
    const documentXml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const footerName = Object.keys(zip.files).find((f) => /^word\/footer\d*\.xml$/.test(f)) ?? '';
    const footerXml = (await zip.file(footerName)?.async('string')) ?? '';
    expect(documentXml).toContain('首先，请平湖街道党工委书记林一平同志作交流发言，题目是《');
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(documentXml).toMatch(/w:top="2098"/);
    expect(documentXml).toMatch(/w:left="1587"/);
    expect(documentXml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(documentXml).toContain('w:eastAsia="方正小标宋简体"');
    expect(documentXml).toMatch(/<w:spacing[^>]*w:line="560"[^>]*w:lineRule="exact"/);
    expect(footerXml).toContain('— ');
    expect(footerXml).toContain('PAGE');
  });
});
