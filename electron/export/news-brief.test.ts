import { describe, expect, it } from 'vitest';
import { chineseDate } from './chinese-dates.ts';
import { exportSampleData, hardMeeting, plainSampleData } from './test-support/export-fixture.ts';
import { jiebaKeyTerms } from './jieba-terms.ts';
import type { MeetingData } from './meeting-data.ts';
import { joinName } from './minutes-model.ts';
import { newsBriefDocx } from './news-brief-docx.ts';
import { newsBriefMarkdown } from './news-brief-md.ts';
import {
  newsBriefModel,
  paragraphText,
  type BriefSentence,
  type NewsBrief,
} from './news-brief-model.ts';
import { minutesFindingDraft } from './news-brief-view.ts';
import { readDocx } from './test-support/docx-readback.ts';

/** The words the draft puts around the meeting's facts; anything else must be the data's. */
const FIXED_WORDING = new Set([
  '在',
  '召开',
  '出席会议并讲话',
  '主持会议',
  '先后作交流发言',
  '围绕',
  '在发言中分别介绍了做法',
  '介绍',
  '说',
  '在讲话中要求',
]);

/** Every string the meeting's data holds that a draft may quote, longest first. */
function dataStrings({ meeting, items, notes }: MeetingData): string[] {
  const strings = [
    meeting.title,
    meeting.venue,
    meeting.presider,
    chineseDate(meeting.date),
    ...items.flatMap((i) => [
      i.title,
      i.speaker,
      i.speakerPosition,
      i.organization,
      joinName(i.organization, i.speaker),
      joinName(i.organization, i.speakerPosition, i.speaker),
      joinName(i.speakerPosition, i.speaker),
    ]),
    ...notes.flatMap((n) => n.text.split(/[，。；！？,;]/)),
  ];
  return [...new Set(strings.map((s) => s.trim()).filter(Boolean))].sort(
    (a, b) => b.length - a.length,
  );
}

/** Where a string of the data stood in a sentence: a separator no sentence contains. */
const CUT = '\u241f';

/** What of a draft is neither the data's nor the fixed wording: empty when nothing is invented. */
function unsupported(brief: NewsBrief, data: MeetingData): string[] {
  const strings = dataStrings(data);
  const sentences: BriefSentence[] = [
    brief.headline,
    ...(brief.subheading ? [brief.subheading] : []),
    ...brief.paragraphs.flatMap((p) => p.sentences),
  ];
  return sentences.flatMap(({ text }) => {
    let rest = text;
    // A theme's term must be in a note: it is taken from the notes it groups.
    for (const [, term] of rest.matchAll(/围绕“(.+?)”/g)) {
      if (!data.notes.some((n) => n.text.includes(term as string))) return [`term ${term}`];
    }
    rest = rest.replace(/围绕“.+?”/g, `围绕${CUT}`);
    for (const s of strings) rest = rest.split(s).join(CUT);
    return rest
      .split(new RegExp(`[${CUT}，。；：、“”‘’！？,\\s]+`))
      .filter((fragment) => fragment && !FIXED_WORDING.has(fragment))
      .map((fragment) => `${fragment} (in ${text})`);
  });
}

/** Every run of digits the draft prints, each of which must be a run of digits in the data. */
function figuresNotInData(brief: NewsBrief, data: MeetingData): string[] {
  const text = [
    brief.headline.text,
    brief.subheading?.text ?? '',
    ...brief.paragraphs.map(paragraphText),
  ].join('\n');
  const dataDigits = new Set(JSON.stringify(data).match(/\d+/g));
  return (text.match(/\d+/g) ?? []).filter((run) => !dataDigits.has(run));
}

const MEETINGS: [string, () => MeetingData][] = [
  ['the sample meeting as created', plainSampleData],
  ['the sample meeting after the day', exportSampleData],
  ['the hard meeting', hardMeeting],
];

describe('the 会议信息 draft', () => {
  it.each(MEETINGS)('of %s names, places and figures only what the meeting holds', (_, make) => {
    const data = make();
    const brief = newsBriefModel(data, jiebaKeyTerms);
    expect(brief.paragraphs.filter((p) => p.kind === 'theme').length).toBeGreaterThan(0);
    expect(unsupported(brief, data)).toEqual([]);
    expect(figuresNotInData(brief, data)).toEqual([]);
  });

  it.each(MEETINGS)('of %s drafts a 会议认为 of the shared themes’ terms only', (_, make) => {
    const data = make();
    const finding = minutesFindingDraft(newsBriefModel(data, jiebaKeyTerms));
    const terms = [...finding.matchAll(/“(.+?)”/g)].map((m) => m[1] as string);
    expect(terms.length).toBeGreaterThan(0);
    for (const term of terms) expect(data.notes.some((n) => n.text.includes(term))).toBe(true);
    expect(finding.replace(/“.+?”/g, '')).toBe('会议认为，交流发言围绕等方面介绍了经验做法。');
  });

  it('is checked by a test that finds an invented person, position or figure', () => {
    const data = plainSampleData();
    const brief = newsBriefModel(data, jiebaKeyTerms);
    const tampered: NewsBrief = {
      ...brief,
      paragraphs: [
        ...brief.paragraphs,
        {
          key: 'lead',
          kind: 'lead',
          sentences: [{ text: '副区长王小明介绍，全区完成投资38.6亿元。', sources: [] }],
        },
      ],
    };
    expect(unsupported(tampered, data).join()).toContain('副区长王小明');
    expect(figuresNotInData(tampered, data)).toEqual(['38']);
  });

  it('traces every sentence: the speaker it names is the one whose notes it retells', () => {
    for (const [, make] of MEETINGS) {
      const data = make();
      const byId = new Map(data.notes.map((n) => [n.id, n]));
      const items = new Map(data.items.map((i) => [i.id, i]));
      const brief = newsBriefModel(data, jiebaKeyTerms);
      for (const sentence of brief.paragraphs.flatMap((p) => p.sentences)) {
        expect(sentence.sources.length, sentence.text).toBeGreaterThan(0);
        const notes = sentence.sources
          .filter((s) => s.startsWith('note:'))
          .map((s) => byId.get(s.slice(5)));
        expect(notes.every(Boolean), sentence.text).toBe(true);
        if (/^.+?(介绍|说)[，：]/.test(sentence.text) && notes.length === 1) {
          const item = items.get(notes[0]?.itemId ?? '');
          expect(
            sentence.text.startsWith(joinName(item?.organization ?? '', item?.speaker ?? '')),
          ).toBe(true);
        }
      }
    }
  });

  it('on the sample meeting: its lead, its leader’s requirements and a starred quote as headline', () => {
    const brief = newsBriefModel(plainSampleData(), jiebaKeyTerms);
    expect(brief.headline.text).toBe('以实干论英雄 以实绩定进退');
    expect(brief.subheading?.text).toBe('龙岗区组织工作会议暨基层工作经验交流座谈会（示例）召开');
    const [lead] = brief.paragraphs;
    expect(lead && paragraphText(lead)).toMatch(
      /^2026年11月25日，龙岗区组织工作会议暨基层工作经验交流座谈会（示例）在区委大院第一会议室召开。区委书记张勇出席会议并讲话，戴斌主持会议。平湖街道党工委书记林一平、坪地街道党工委书记陈二坪、.*宝龙街道党工委书记何十一先后作交流发言。$/,
    );
    const requirements = brief.paragraphs.find((p) => p.kind === 'requirements');
    expect(requirements && paragraphText(requirements)).toBe(
      '区委书记张勇在讲话中要求，把党建工作与实际工作紧密结合，让基层党建引领基层各项工作开展；坚持以实干论英雄，树立注重实绩的用人导向。',
    );
    // Figures typed as 数据 are retold with their speaker, and the starred quote is not lost.
    const all = brief.paragraphs.map(paragraphText).join('');
    expect(all).toContain(
      '园山街道冯十园介绍，全区参加“我当网格员”1195人，采集隐患信息2087宗，已处置1988宗，处置率95.26%。',
    );
    expect(all).toContain('以实干论英雄，以实绩定进退。');
  });

  it('ends each retold note with one stop, also after a note’s own closing bracket', () => {
    const text = newsBriefModel(exportSampleData(), jiebaKeyTerms)
      .paragraphs.map(paragraphText)
      .join('');
    expect(text).toContain('哪里任务最重，党组织就建到哪里。（第1条）');
    expect(text).not.toMatch(/）。|”。”/);
    expect(text).toContain('拧成一股绳”。');
  });

  it('on the hard meeting: no formula retold, no skipped speaker in the lead', () => {
    const data = hardMeeting();
    const brief = newsBriefModel(data, jiebaKeyTerms);
    const all = brief.paragraphs.map(paragraphText).join('');
    expect(all).not.toMatch(/=SUM|HYPERLINK|@x|\+1/);
    expect(all).toContain('区委书记严正清在讲话中要求');
    expect(all).toContain('刘䶮');
  });

  it('as Markdown lists its sources, sentence by sentence, unless they are turned off', () => {
    const data = plainSampleData();
    const brief = newsBriefModel(data, jiebaKeyTerms);
    const md = newsBriefMarkdown(brief, data);
    expect(
      md.startsWith(
        '# 以实干论英雄 以实绩定进退\n\n## 龙岗区组织工作会议暨基层工作经验交流座谈会（示例）召开\n',
      ),
    ).toBe(true);
    const appendix = md.slice(md.indexOf('## 来源'));
    expect(appendix).toContain('会议日期；会议名称；会议地点');
    expect(appendix).toContain('记录（数据，议程第11项）“全区参加“我当网格员”1195人');
    expect(appendix).toContain('议程第11项 单位、发言人');
    expect(newsBriefMarkdown(brief, data, false)).not.toContain('来源');
  });

  it('as Word sets the headline in 小标宋 and the report in 仿宋, 三号', async () => {
    const brief = newsBriefModel(hardMeeting(), jiebaKeyTerms);
    const { body } = await readDocx(await newsBriefDocx(brief));
    const [title, ...rest] = body;
    expect(title?.text.replace(/\n/g, '')).toBe(brief.headline.text);
    expect(title?.runs.every((r) => r.eastAsia === '方正小标宋简体' && r.size === 44)).toBe(true);
    expect(rest.map((p) => p.text)).toEqual(brief.paragraphs.map(paragraphText));
    expect(
      rest.flatMap((p) => p.runs).every((r) => r.eastAsia === '仿宋_GB2312' && r.size === 32),
    ).toBe(true);
  });
});
