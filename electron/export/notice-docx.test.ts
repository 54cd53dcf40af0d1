import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { defaultNoticeSettings, REPLY_COLUMNS, type NoticeSettings } from '../core/notice.ts';
import type { Participant } from '../core/participants.ts';
import { testParticipant } from '../core/test-support/participants.ts';
import { exportSampleData } from './test-support/export-fixture.ts';
import type { MeetingData } from './meeting-data.ts';
import { noticeDocx, signatureIndents } from './notice-docx.ts';
import { noticeModel } from './notice-model.ts';
import { FONTS, FONT_SIZE, GRID_CHAR } from './official-layout.ts';
import { readDocx } from './test-support/docx-readback.ts';
import { emWidth } from './text-fit.ts';
import {
  child,
  children,
  descendants,
  parseXml,
  type XmlElement,
} from './test-support/xml-tree.ts';

/**
 * The 会议通知 read back from its .docx as a reader sees it: the page and grid the minutes use,
 * 主送机关, the five parts in order from the meeting, the signature and date as §7.3.5.2 sets
 * them, and the 参会回执 on a page of its own with the columns the reply import reads back.
 */

const person = (n: number, fields: Partial<Participant>): Participant =>
  testParticipant(n, { position: '党工委书记', ...fields });

function sampleWithPeople(): MeetingData {
  const data = exportSampleData();
  return {
    ...data,
    participants: [
      person(2, { name: '张勇', organization: '布吉街道' }),
      person(1, { name: '林一平', organization: '平湖街道', phone: '13800000002' }),
      person(3, { name: '陈晓东', organization: '坂田街道', role: 'observer' }),
      person(4, { name: '李会务', organization: '区委组织部', role: 'staff' }),
    ],
  };
}

const SETTINGS: NoticeSettings = {
  ...defaultNoticeSettings,
  addressee: '各街道党工委',
  materialsDue: '2026-11-18',
  repliesDue: '2026-11-16',
  requirements: '请参会人员提前10分钟到场签到。',
  contactName: '李明',
  contactPhone: '0755-28949999',
  issuedOn: '2026-11-10',
};

const NOW = Date.UTC(2026, 10, 1, 12);

describe('the notice read back', async () => {
  const data = sampleWithPeople();
  const docx = await noticeDocx(noticeModel(data, SETTINGS, NOW));
  const doc = await readDocx(docx);
  const documentXml = parseXml(
    (await (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string')) ?? '',
  );
  const body = doc.body.filter((p) => p.text.trim());
  const texts = body.map((p) => p.text);
  const indexOf = (text: string) => texts.findIndex((t) => t.startsWith(text));

  it('is titled 关于召开…的通知 in 小标宋 2号, then 主送机关 flush left with its colon', () => {
    const title = body[0]!;
    expect(title.text.replace(/\n/g, '')).toBe(`关于召开${data.meeting.title}的通知`);
    expect(title.alignment).toBe('center');
    expect(
      title.runs.every((r) => r.eastAsia === FONTS.title.eastAsia && r.size === FONT_SIZE.二号),
    ).toBe(true);
    expect(body[1]!.text).toBe('各街道党工委：');
    expect(child(body[1]!.properties, 'w:ind')).toBeUndefined();
  });

  it('has the five parts in order, each heading in 黑体 3号, the body in 仿宋 3号', () => {
    const headings = [
      '一、会议时间',
      '二、会议地点',
      '三、参会人员',
      '四、会议议程',
      '五、有关要求',
    ];
    const at = headings.map(indexOf);
    expect(at.every((i) => i > 1)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    for (const i of at) {
      expect(body[i]!.runs.map((r) => [r.eastAsia, r.size])).toEqual([
        [FONTS.heiti.eastAsia, FONT_SIZE.三号],
      ]);
    }
    expect(body[at[0]! + 1]!.text).toBe('2026年11月25日（星期三）上午9:00。');
    expect(body[at[1]! + 1]!.text).toBe(`${data.meeting.venue}。`);
    expect(body[at[0]! + 1]!.runs[0]).toMatchObject({
      eastAsia: FONTS.body.eastAsia,
      size: FONT_SIZE.三号,
    });
  });

  it('names the people in rank order, 列席 apart, staff not at all', () => {
    const people = texts.slice(indexOf('三、参会人员') + 1, indexOf('四、会议议程'));
    expect(people).toEqual([
      '平湖街道党工委书记林一平、布吉街道党工委书记张勇。',
      '列席：坂田街道党工委书记陈晓东。',
    ]);
  });

  it('lists the agenda in speaking order, each exchange speech by unit and speaker, the leader last', () => {
    const agenda = texts.slice(indexOf('四、会议议程') + 1, indexOf('五、有关要求'));
    const speeches = data.items.filter((i) => i.kind === 'exchange');
    expect(agenda.filter((t) => t.includes('交流发言'))).toEqual(
      speeches.map(
        (s, i) => `${i + 2}.${s.organization}${s.speakerPosition}${s.speaker}交流发言；`,
      ),
    );
    expect(agenda.at(-1)).toMatch(/^\d+\.区委书记张勇讲话。$/);
  });

  it('asks for the planned minutes by the deadline, then the replies, then the organizer’s own lines, and gives the contact', () => {
    const requirements = texts.slice(indexOf('五、有关要求') + 1, indexOf('附件：'));
    expect(requirements).toEqual([
      '1.请各街道党工委书记准备8分钟交流发言，于11月18日前报送发言材料。',
      '2.请于11月16日前将参会回执（见附件）报送会务组。',
      '3.请参会人员提前10分钟到场签到。',
      '联系人：李明，电话：0755-28949999。',
    ]);
  });

  it('says 附件：参会回执, then signs with the organizer and dates it, right-aligned as §7.3.5.2 sets them', () => {
    const note = indexOf('附件：参会回执');
    const [issuer, date] = [body[note + 1]!, body[note + 2]!];
    expect(issuer.text).toBe(data.meeting.organizer);
    expect(date.text).toBe('2026年11月10日');
    expect([issuer.alignment, date.alignment]).toEqual(['right', 'right']);
    const rightIndent = (p: typeof issuer) =>
      Number(child(p.properties, 'w:ind')?.attrs['w:right']);
    const indents = signatureIndents(issuer.text, date.text);
    expect(rightIndent(issuer)).toBe(Math.round(indents.issuer * GRID_CHAR));
    expect(rightIndent(date)).toBe(Math.round(indents.date * GRID_CHAR));
    // The date's first character two characters right of the organ's first.
    const startFromRight = (indent: number, text: string) => indent + emWidth(text);
    expect(
      startFromRight(indents.issuer, issuer.text) - startFromRight(indents.date, date.text),
    ).toBeCloseTo(2, 5);
  });

  it('puts the 参会回执 on its own page: 附件 in 黑体, the title, a table of the reply columns, a row a person invited', () => {
    const annex = body.findIndex((p) => p.text === '附件');
    expect(child(body[annex]!.properties, 'w:pageBreakBefore')).toBeDefined();
    expect(body[annex]!.runs[0]!.eastAsia).toBe(FONTS.heiti.eastAsia);
    expect(body[annex + 1]!.text).toBe('参会回执');
    const [table] = descendants(documentXml, 'w:tbl') as [XmlElement];
    const rows = children(table, 'w:tr').map((tr) =>
      children(tr, 'w:tc').map((tc) =>
        descendants(tc, 'w:t')
          .map((t) => t.children.join(''))
          .join(''),
      ),
    );
    expect(rows[0]).toEqual([...REPLY_COLUMNS]);
    expect(rows[0]).toEqual([
      '单位',
      '姓名',
      '职务',
      '联系电话',
      '是否参会',
      '请假事由',
      '代会人员',
    ]);
    expect(rows.slice(1)).toEqual([
      ['平湖街道', '林一平', '党工委书记', '13800000002', '', '', ''],
      ['布吉街道', '张勇', '党工委书记', '', '', '', ''],
      ['坂田街道', '陈晓东', '党工委书记', '', '', '', ''],
    ]);
    // At 4号 an 11-digit mobile is wider than its column and broke mid-number; it is set at 五号.
    const phone = doc.body.find((p) => p.text === '13800000002');
    expect(phone?.runs.map((r) => r.size)).toEqual([21]);
  });

  it('is set on the minutes’ grid: 22 lines of 28 characters, the same page', () => {
    const section = child(child(documentXml, 'w:body'), 'w:sectPr');
    const grid = child(section, 'w:docGrid');
    expect(grid?.attrs['w:type']).toBe('linesAndChars');
    const pgMar = child(section, 'w:pgMar');
    const height =
      Number(child(section, 'w:pgSz')?.attrs['w:h']) -
      Number(pgMar?.attrs['w:top']) -
      Number(pgMar?.attrs['w:bottom']);
    const pitch = Number(grid?.attrs['w:linePitch']);
    expect(Math.floor(height / pitch)).toBe(22);
  });
});

describe('the notice’s defaults from the meeting', () => {
  it('is addressed to 各有关单位, signed by the organizer and dated the day it is made when nothing is set', () => {
    const data = exportSampleData();
    const model = noticeModel(data, defaultNoticeSettings, new Date(2026, 10, 3, 10).getTime());
    expect(model.addressee).toBe('各有关单位：');
    expect(model.issuer).toBe(data.meeting.organizer);
    expect(model.issuedOn).toBe('2026年11月3日');
    expect(model.sections[4]!.paragraphs).toEqual(['请各街道党工委书记准备8分钟交流发言。']);
    expect(model.replyRows).toHaveLength(5);
  });
});
