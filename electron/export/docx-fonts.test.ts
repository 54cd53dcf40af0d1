import { describe, expect, it } from 'vitest';
import { emptyAgendaItemFields, itemHeadline } from '../core/agenda.ts';
import { applyDraw, makeDraw } from '../core/draw.ts';
import { DRAW_ANNEX_NOTE, DRAW_ANNEX_TITLE } from './draw-annex.ts';
import { exportSampleData, plainSampleData } from './test-support/export-fixture.ts';
import { hostScript } from './host-script.ts';
import { hostScriptDocx } from './host-script-docx.ts';
import type { MeetingData } from './meeting-data.ts';
import { minutesDocx } from './minutes-docx.ts';
import { minutesModel, type MinutesModel } from './minutes-model.ts';
import {
  readDocx,
  spansOf,
  type DocxReadback,
  type ReadParagraph,
  type RunFace,
} from './test-support/docx-readback.ts';

/**
 * What a reader of the printed minutes and host script sees, per kind of paragraph: the faces
 * and sizes of GB/T 9704-2012 (title 2号 小标宋, body 3号 仿宋, first-level headings 3号 黑体,
 * second-level 3号 楷体, page number "— 1 —" in 4号 宋体), read back from the .docx's XML as
 * Word resolves them, with no LibreOffice. Every paragraph must be of a known kind, so a new
 * kind of paragraph fails here until its face is decided.
 */

/** A face a kind must print in: the accepted names of one typeface, and a size in half-points. */
interface Face {
  fonts: string[];
  size: number;
}
const TITLE: Face = { fonts: ['方正小标宋简体'], size: 44 }; // 2号, 22 pt
const BODY: Face = { fonts: ['仿宋_GB2312', '仿宋'], size: 32 }; // 3号, 16 pt
const HEITI: Face = { fonts: ['黑体'], size: 32 };
const KAITI: Face = { fonts: ['楷体_GB2312', '楷体'], size: 32 };
const PAGE_NUMBER: Face = { fonts: ['宋体'], size: 28 }; // 4号, 14 pt
/** 纪要标志 as large as 初号 on one line: 龙岗区组织工作纪要 is 9 characters, 8845 / 9 / 10 = 98. */
const MARK_SIZE = 84; // 初号, 42 pt

interface ExpectedSpan {
  text: string;
  face: Face;
}
interface Kind {
  name: string;
  matches: (text: string) => boolean;
  /** How a paragraph of this kind prints: its text in spans of one face each. */
  spans: (text: string) => ExpectedSpan[];
}

const whole =
  (face: Face) =>
  (text: string): ExpectedSpan[] => [{ text, face }];

/** 出席：names — the label and its full-width colon in 黑体, what follows in 仿宋. */
const labelled = (text: string): ExpectedSpan[] => {
  const colon = text.indexOf('：') + 1;
  return [
    { text: text.slice(0, colon), face: HEITI },
    { text: text.slice(colon), face: BODY },
  ];
};
const startsWithLabel = (labels: string[]) => (text: string) =>
  labels.some((label) => text.startsWith(`${label}：`));

const NUMERAL = '[一二三四五六七八九十]+';

/** The page number as the footer prints it, the PAGE field read as `{PAGE}`: "— 1 —". */
const pageNumberKinds: Kind[] = [
  {
    name: 'page number',
    matches: (text) => text.includes('{PAGE}'),
    spans: () => [{ text: '— {PAGE} —', face: PAGE_NUMBER }],
  },
];

function minutesKinds(model: MinutesModel): Kind[] {
  const bodyTexts = new Set([
    model.opening,
    ...model.speeches.flatMap((s) => [s.lead, ...s.paragraphs]),
    ...model.requirements,
    ...model.actions,
    `附件：${DRAW_ANNEX_TITLE}`,
    DRAW_ANNEX_NOTE,
  ]);
  return [
    { name: 'title', matches: (t) => t === model.titleLines.join('\n'), spans: whole(TITLE) },
    {
      name: '纪要标志',
      matches: (t) => model.mark !== '' && t === model.mark,
      spans: whole({ fonts: TITLE.fonts, size: MARK_SIZE }),
    },
    {
      name: '出席/请假/列席',
      matches: startsWithLabel(['出席', '请假', '列席']),
      spans: labelled,
    },
    {
      name: 'level-1 heading 一、',
      matches: (t) => new RegExp(`^${NUMERAL}、`).test(t),
      spans: whole(HEITI),
    },
    {
      name: 'level-2 heading （一）',
      matches: (t) => new RegExp(`^（${NUMERAL}）`).test(t),
      spans: whole(KAITI),
    },
    { name: 'body', matches: (t) => bodyTexts.has(t), spans: whole(BODY) },
    { name: 'annex mark 附件', matches: (t) => t === '附件', spans: whole(HEITI) },
    { name: 'annex title', matches: (t) => t === DRAW_ANNEX_TITLE, spans: whole(TITLE) },
    {
      name: 'annex heading 第N次抽签',
      matches: (t) => /^第\d+次抽签(（重新抽签）)?$/.test(t),
      spans: whole(KAITI),
    },
    {
      name: 'draw record line',
      matches: startsWithLabel([
        '抽签时间',
        '抽签人',
        '种子',
        '抽签名单（原议程顺序）',
        '抽签结果',
      ]),
      spans: labelled,
    },
  ];
}

function hostScriptKinds(data: MeetingData): Kind[] {
  return [
    {
      name: 'title',
      // Set in lines (breaks read as \n), as the minutes' title is.
      matches: (t) => t.replaceAll('\n', '') === `${data.meeting.title}主持词`,
      spans: whole(TITLE),
    },
    {
      name: 'date line',
      matches: (t) => /^（\d{4}年\d{1,2}月\d{1,2}日）$/.test(t),
      spans: whole(KAITI),
    },
    {
      name: 'hand-over line',
      matches: (t) =>
        /^(首先|下面)，请.+(发言|讲话)/.test(t) ||
        /^现在休息\d+分钟。$/.test(t) ||
        t.startsWith('下面，进行下一项：'),
      spans: whole(HEITI),
    },
    {
      name: 'body',
      matches: (t) =>
        t === '同志们：' ||
        t.startsWith('今天，我们召开') ||
        t.startsWith('刚才，') ||
        t.startsWith('同志们，') ||
        t === '会议到此结束。散会。',
      spans: whole(BODY),
    },
  ];
}

const pt = (halfPoints: number) => `${halfPoints / 2} pt`;
const shown = (text: string) => `«${text.length > 24 ? `${text.slice(0, 24)}…` : text}»`;

/**
 * What is wrong with these paragraphs, one line each: a paragraph of no known kind, or one
 * whose text or faces are not its kind's. Empty when all is right.
 */
function faultsOf(paragraphs: ReadParagraph[], kinds: Kind[], seen: Set<string>): string[] {
  const faults: string[] = [];
  for (const paragraph of paragraphs) {
    const where = `${paragraph.part} ${shown(paragraph.text)}`;
    const kind = kinds.find((k) => k.matches(paragraph.text));
    if (!kind) {
      faults.push(`${where}: a paragraph of no known kind`);
      continue;
    }
    seen.add(kind.name);
    const expected = kind.spans(paragraph.text).filter((s) => s.text !== '');
    const actual = spansOf(paragraph).filter((s) => s.text !== '');
    const wrong = (s: ExpectedSpan, a: RunFace | undefined) =>
      !a || a.text !== s.text || !s.face.fonts.includes(a.eastAsia ?? '') || a.size !== s.face.size;
    if (expected.length !== actual.length || expected.some((s, i) => wrong(s, actual[i]))) {
      const want = expected.map((s) => `${shown(s.text)} ${s.face.fonts[0]} ${pt(s.face.size)}`);
      const got = actual.map((a) => `${shown(a.text)} ${a.eastAsia ?? '(no font)'} ${pt(a.size)}`);
      faults.push(`${where} (${kind.name}): want ${want.join(' + ')}; got ${got.join(' + ')}`);
    }
  }
  return faults;
}

/** The odd and even pages' footers, each "— 1 —" on the outer side; no headers. */
function expectOfficialFooters(doc: DocxReadback) {
  expect(doc.evenAndOddHeaders).toBe(true);
  expect(
    doc.headersAndFooters.map((f) => ({
      kind: f.kind,
      type: f.type,
      alignments: f.paragraphs.map((p) => p.alignment),
    })),
  ).toEqual([
    { kind: 'footer', type: 'default', alignments: ['right'] },
    { kind: 'footer', type: 'even', alignments: ['left'] },
  ]);
}

function checkFaces(doc: DocxReadback, bodyKinds: Kind[]) {
  const seen = new Set<string>();
  const faults = [
    ...faultsOf(doc.body, bodyKinds, seen),
    ...doc.headersAndFooters.flatMap((f) => faultsOf(f.paragraphs, pageNumberKinds, seen)),
  ];
  return { faults, seen: [...seen].sort() };
}

const allNames = (kinds: Kind[]) => [...kinds, ...pageNumberKinds].map((k) => k.name).sort();

/** The sample after a full day, with 请假, a speaker without notes, a draw and a redraw. */
function everyKindOfMinutes(): MinutesModel {
  const data = exportSampleData();
  const meeting = {
    ...data.meeting,
    absentees: ['区委办 王请假'],
    minutesMark: '龙岗区组织工作纪要',
  };
  const fields = { meetingId: 'm', drawnAt: Date.parse('2026-11-25T08:30:00+08:00') };
  const first = makeDraw(
    data.items,
    { ...fields, id: 'd1', seed: '2026-11-25 公开抽签', drawnBy: '会务组' },
    itemHeadline,
  );
  const again = makeDraw(
    data.items,
    { ...fields, id: 'd2', seed: '2026-11-25 重新抽签', drawnBy: '会务组' },
    itemHeadline,
  );
  return minutesModel({
    ...data,
    meeting,
    items: applyDraw(data.items, again.order),
    draws: [first, again],
  });
}

const ANNEX_KINDS = [
  'annex mark 附件',
  'annex title',
  'annex heading 第N次抽签',
  'draw record line',
];

describe('the minutes’ faces and sizes per kind of paragraph, read back from the .docx', () => {
  it.each([
    ['the sample as created', () => minutesModel(plainSampleData()), [...ANNEX_KINDS, '纪要标志']],
    ['the sample after a full day, with 请假, a draw and a redraw', everyKindOfMinutes, []],
  ])(
    '%s: title 2号 小标宋, body 3号 仿宋, headings 黑体/楷体, "— 1 —" 4号 宋体',
    async (_, make, absent) => {
      const model = make();
      const doc = await readDocx(await minutesDocx(model));
      const kinds = minutesKinds(model);
      const { faults, seen } = checkFaces(doc, kinds);
      expect(faults).toEqual([]);
      expectOfficialFooters(doc);
      // Every kind was met, so none of the rules above is checked on nothing.
      expect(seen).toEqual(allNames(kinds).filter((name) => !absent.includes(name)));
    },
  );
});

describe('the host script’s faces and sizes per kind of paragraph, read back from the .docx', () => {
  it('title 2号 小标宋, date 楷体, body 3号 仿宋, hand-over lines 3号 黑体, "— 1 —" 4号 宋体', async () => {
    const data: MeetingData = { ...plainSampleData(), notes: [] };
    const extra = (position: number, fields: Partial<typeof emptyAgendaItemFields>) => ({
      ...emptyAgendaItemFields,
      id: `x${position}`,
      meetingId: 'm',
      position,
      ...fields,
    });
    data.items.splice(6, 0, extra(6, { kind: 'break', title: '茶歇', plannedMinutes: 10 }));
    data.items.splice(9, 0, extra(9, { kind: 'other', title: '观看专题片', plannedMinutes: 5 }));
    const doc = await readDocx(await hostScriptDocx(hostScript(data), '主持词'));
    const kinds = hostScriptKinds(data);
    const { faults, seen } = checkFaces(doc, kinds);
    expect(faults).toEqual([]);
    expectOfficialFooters(doc);
    expect(seen).toEqual(allNames(kinds));
  });
});
