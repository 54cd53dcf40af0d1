import type { AgendaItem, AgendaItemFields } from '../../core/agenda.ts';
import { createMeeting, emptyMeetingFields, type MeetingFields } from '../../core/meeting.ts';
import type { Note, NoteKind } from '../../core/notes.ts';
import type { ItemRun, RunState } from '../../core/run.ts';
import { initialRunState, skippedItemRun } from '../../core/run.ts';
import { buildSampleMeeting, type SampleNote } from '../../core/sample-meeting.ts';
import type { MeetingData } from '../meeting-data.ts';

/**
 * Meetings to export in tests and benchmarks: the sample as a note-taker would leave it, a hard
 * one (long names, awkward text) and a large one. Built from plain data, no database, so the
 * export code is measured on its own.
 */

const START = Date.parse('2026-11-25T09:00:00+08:00');

/** A note as a fixture writes it; an action's due date is 2026-12-31 unless it says otherwise. */
type FixtureNote = SampleNote & { dueDate?: string };

function toMeetingData(
  fields: MeetingFields,
  itemFields: AgendaItemFields[],
  notes: FixtureNote[],
  run: (items: AgendaItem[]) => RunState,
): MeetingData {
  const meeting = createMeeting('m', fields, START);
  const items = itemFields.map((f, position) => ({
    ...f,
    id: `i${position}`,
    meetingId: 'm',
    position,
  }));
  return {
    meeting,
    items,
    notes: notes.map((n, position): Note => ({
      id: `n${position}`,
      meetingId: 'm',
      itemId: `i${n.item}`,
      kind: n.kind,
      text: n.text,
      starred: n.starred ?? false,
      position,
      speechOffsetMs: null,
      owner: n.owner ?? '',
      dueDate: n.kind === 'action' ? (n.dueDate ?? '2026-12-31') : null,
      author: '记录人甲',
      version: 1,
      createdAt: START,
      updatedAt: START,
    })),
    run: run(items),
    draws: [],
    participants: [],
  };
}

/** Every item spoken in turn from 09:00, each `overrun(i)` ms longer than planned. */
function ranInOrder(items: AgendaItem[], overrun: (index: number) => number): RunState {
  let at = START;
  const itemRuns: Record<string, ItemRun> = {};
  items.forEach((item, index) => {
    const elapsedMs = item.plannedMinutes * 60_000 + overrun(index);
    itemRuns[item.id] = {
      itemId: item.id,
      status: 'done',
      actualStartAt: at,
      actualEndAt: at + elapsedMs,
      elapsedMs,
      addedMs: 0,
      turns: 1,
    };
    at += elapsedMs + 20_000;
  });
  return { ...initialRunState, itemRuns };
}

/** What a note-taker writes in a long, detailed exchange speech: the article's own facts. */
const PINGDI_POINTS: { kind: NoteKind; text: string }[] = [
  { kind: 'takeaway', text: '把党支部建在急难险重工作一线，哪里任务最重，党组织就建到哪里。' },
  { kind: 'figure', text: '全区共成立65个临时党支部，累计参与党员干部600多名。' },
  { kind: 'takeaway', text: '“我当网格员”主题党日常态化，干部带着问题清单下沉社区。' },
  { kind: 'quote', text: '党员干部在攻坚中锻炼，在一线中成长。' },
  { kind: 'figure', text: '采集隐患信息2087宗，已处置1988宗，处置率95.26%。' },
  { kind: 'takeaway', text: '征拆攻坚“一个项目一个支部”，支部书记由街道班子成员担任。' },
];

/** The sample meeting as the app creates it: its 20 notes, nothing run yet. */
export function plainSampleData(): MeetingData {
  const sample = buildSampleMeeting('2026-11-25');
  return toMeetingData(sample.meeting, sample.items, sample.notes, () => initialRunState);
}

/**
 * The sample meeting after a full day: every subdistrict has notes, 坪地街道 has 40 (some long
 * enough to run over a slide), 龙城街道 has none, and the run went over time here and there.
 */
export function exportSampleData(): MeetingData {
  const sample = buildSampleMeeting('2026-11-25');
  const PINGDI = 2;
  const LONGCHENG = 5;
  const notes = sample.notes.filter((n) => n.item !== LONGCHENG && n.item !== PINGDI);
  for (const item of [3, 6, 7, 8]) {
    if (!notes.some((n) => n.item === item && n.kind !== 'insight')) {
      notes.push({
        item,
        kind: 'takeaway',
        text: '坚持问题导向，把问题解决在一线、把矛盾化解在基层。',
      });
    }
  }
  for (let n = 0; n < 40; n++) {
    const point = PINGDI_POINTS[n % PINGDI_POINTS.length] as (typeof PINGDI_POINTS)[number];
    const long =
      n === 7
        ? `${'临时党支部把来自不同单位的不同利益群体“拧成一股绳”，在土地整备、治水提质、查违拆迁、安监执法等急难险重一线发挥战斗堡垒作用。'.repeat(6)}（第${n + 1}条）`
        : `${point.text}（第${n + 1}条）`;
    notes.push({ item: PINGDI, kind: point.kind, starred: n % 9 === 4, text: long });
  }
  return toMeetingData(sample.meeting, sample.items, notes, (items) =>
    ranInOrder(items, (i) => (i % 4 === 1 ? 75_000 : -30_000)),
  );
}

/** A 200-item meeting with 5,000 notes, for the export benchmark. */
export function largeMeetingData(itemCount = 200, noteCount = 5000): MeetingData {
  const sample = buildSampleMeeting('2026-11-25');
  const template = sample.items[1] as AgendaItemFields;
  const items = Array.from({ length: itemCount }, (_, i) => ({
    ...template,
    organization: `第${i + 1}单位`,
    speaker: `发言人${i + 1}`,
    topic: `${template.topic}（${i + 1}）`,
    plannedMinutes: 5,
  }));
  const notes = Array.from({ length: noteCount }, (_, n) => {
    const source = sample.notes[n % sample.notes.length] as SampleNote;
    return { ...source, item: n % itemCount, text: `${source.text}（${n + 1}）` };
  });
  return toMeetingData(sample.meeting, items, notes, (all) =>
    ranInOrder(all, (i) => (i % 7 === 0 ? 45_000 : 0)),
  );
}

/** One place of the hard meeting: who speaks, for whom, on what. */
interface HardSpeaker {
  organization: string;
  speakerPosition: string;
  speaker: string;
  topic: string;
}

/**
 * The hard meeting's speakers (invented people and places): a 57-character organization, a
 * 63-character topic, a name with a rare character (䶮, outside GB 2312) and an English one.
 */
export const HARD_SPEAKERS: HardSpeaker[] = [
  {
    organization:
      '中共云溪区委城市更新和土地整备攻坚指挥部松岭片区临时党支部暨松岭街道城市更新和土地整备服务中心党支部联合攻坚工作组',
    speakerPosition: '临时党支部书记',
    speaker: '邵云峰',
    topic:
      '坚持党建引领、突出问题导向、压实攻坚责任，用三个月时间全面完成松岭片区二百一十六栋历史遗留违法建筑的清查整治和群众安置补偿工作',
  },
  {
    organization: '青石街道',
    speakerPosition: '党工委书记',
    speaker: '欧阳明远',
    topic: '“红色网格”全覆盖：把支部建在楼栋上',
  },
  {
    organization: '白沙街道',
    speakerPosition: '党工委书记',
    speaker: '刘䶮',
    topic: '治水提质攻坚中的党员先锋岗',
  },
  {
    organization: '枫林街道',
    speakerPosition: '党工委书记',
    speaker: '蒋思齐',
    topic: '老旧小区改造“一栋一策”',
  },
  {
    organization: 'Shenzhen Innovation Center',
    speakerPosition: 'Party Secretary',
    speaker: 'Zhang Wei-Ming',
    topic: '两新组织党建：在科创园区建强“楼宇党委”',
  },
  {
    organization: '梅岗街道',
    speakerPosition: '党工委书记',
    speaker: '谭慧敏',
    topic: '安全生产专项整治“百日攻坚”',
  },
  {
    organization: '柳溪街道',
    speakerPosition: '党工委书记',
    speaker: '孔令哲',
    topic: '用数据说话：网格事件闭环处置',
  },
  {
    organization: '石门街道',
    speakerPosition: '党工委书记',
    speaker: '司徒嘉宁',
    topic: '“街道吹哨、部门报到”的石门做法',
  },
  {
    organization: '金湖街道',
    speakerPosition: '党工委书记',
    speaker: '宋雨桐',
    topic: '党员干部下沉一线“四个一”工作法',
  },
  {
    organization: '桃源街道',
    speakerPosition: '党工委书记',
    speaker: '覃卫东',
    topic: '城中村综合治理的党建密码',
  },
  {
    organization: '南屏街道',
    speakerPosition: '党工委副书记、办事处主任',
    speaker: '黎晓',
    topic: '民生微实事：群众点单、党组织派单、党员接单',
  },
];

/** Places in the hard meeting's agenda: 0 the opening, 1–6 speakers, 7 the break, 8–12, 13 the leader. */
const HARD = { many: 2, none: 4, english: 5, skipped: 6, formulas: 8, breakItem: 7, leader: 13 };

/** Things a note-taker writes in a long exchange, each kind at least once, some very long. */
const MANY_NOTES: FixtureNote[] = [
  {
    item: HARD.many,
    kind: 'takeaway',
    starred: true,
    text: '把党支部建在楼栋上，楼栋长由党员担任，做到“楼楼有支部、户户有党员联系”。',
  },
  {
    item: HARD.many,
    kind: 'figure',
    text: '全街道划分基础网格312个，配备专职网格员356名，党员网格员占比71.4%。',
  },
  { item: HARD.many, kind: 'quote', text: '群众的事再小也是大事，网格的事再细也要办实。' },
  {
    item: HARD.many,
    kind: 'takeaway',
    text: '建立“网格吹哨、支部响应、部门报到”的联动机制：网格员发现问题当场上报，楼栋党支部半小时内到场核实，能够就地解决的当场解决，不能就地解决的由街道党工委统一派单，相关职能部门限时报到、限时办结、限时反馈，办理结果由群众在网格群里评价，评价不满意的重新派单，直至群众满意为止。',
  },
  {
    item: HARD.many,
    kind: 'action',
    owner: '青石街道党工委',
    dueDate: '2026-12-31',
    text: '年底前完成全部楼栋党支部的规范化建设验收。',
  },
  {
    item: HARD.many,
    kind: 'figure',
    starred: true,
    text: '今年以来网格上报事件9,842宗，办结9,611宗，办结率97.65%，群众满意率98.2%。',
  },
  {
    item: HARD.many,
    kind: 'insight',
    text: '支部建在楼栋上，党员就在群众身边，矛盾就地化解，群众有事先找支部。',
  },
  {
    item: HARD.many,
    kind: 'problem',
    text: '部分老旧楼栋党员少、年纪大，楼栋党支部“有形覆盖”容易、“有效覆盖”难；有的职能部门报到后“只签到不办事”，派单在部门之间来回流转，一件加装电梯的诉求拖了四个多月，群众意见很大，需要在考核中加大“办结率”和“满意率”的权重。',
  },
  {
    item: HARD.many,
    kind: 'action',
    owner: '区委组织部',
    dueDate: '2027-01-15',
    text: '研究制定职能部门“报到”工作考核细则，报区委审定。',
  },
  {
    item: HARD.many,
    kind: 'takeaway',
    text: '推行“党员双报到”，在职党员回社区认领服务岗位，每人每年服务不少于12小时。',
  },
];

/** 40 notes for one speaker: the ten above four times over, numbered so each is its own. */
function manyNotes(): FixtureNote[] {
  return Array.from({ length: 40 }, (_, n) => {
    const note = MANY_NOTES[n % MANY_NOTES.length] as FixtureNote;
    return {
      ...note,
      starred: n < MANY_NOTES.length ? note.starred : n % 13 === 0,
      text: n < MANY_NOTES.length ? note.text : `${note.text}（第${n + 1}条）`,
    };
  });
}

/** Notes a spreadsheet would read as formulas, emoji and characters outside GB 2312 and the BMP. */
const AWKWARD_NOTES: FixtureNote[] = [
  { item: HARD.formulas, kind: 'figure', text: '=SUM(A1)' },
  { item: HARD.formulas, kind: 'figure', text: '+1' },
  { item: HARD.formulas, kind: 'figure', text: '-2' },
  { item: HARD.formulas, kind: 'quote', text: '@x' },
  {
    item: HARD.formulas,
    kind: 'takeaway',
    text: '=HYPERLINK("http://127.0.0.1/","点我")：网格事件“一键上报”',
  },
  {
    item: 3,
    kind: 'takeaway',
    starred: true,
    text: '河长制落到党员身上，群众点赞🎉👍，治水满意度显著提升。',
  },
  {
    item: 3,
    kind: 'figure',
    text: '古籍用字“𠀀”与人名用字“䶮”都要正确显示：系统字库须覆盖GB 18030。',
  },
];

const OTHER_NOTES: FixtureNote[] = [
  { item: 0, kind: 'takeaway', text: '本次会议围绕城市更新和基层治理“讲经验、找差距、定措施”。' },
  {
    item: 1,
    kind: 'figure',
    starred: true,
    text: '三个月清查整治历史遗留违法建筑216栋，安置补偿签约率100%。',
  },
  { item: 1, kind: 'quote', text: '难题面前党员先上，群众后面看着我们。' },
  {
    item: HARD.english,
    kind: 'takeaway',
    text: 'Building a “楼宇党委” across 48 tech firms: Party members lead project teams.',
  },
  { item: HARD.english, kind: 'figure', text: '园区企业党组织覆盖率由62%提高到93%。' },
  {
    item: 9,
    kind: 'takeaway',
    text: '“四个一”：一名干部联系一个网格、一月走访一次、一事跟踪到底。',
  },
  { item: 10, kind: 'insight', text: '问题在一线发现，办法在一线产生，干部在一线成长。' },
  { item: 11, kind: 'problem', text: '城中村出租屋消防通道堵塞、电动车违规充电问题仍较突出。' },
  {
    item: 12,
    kind: 'takeaway',
    text: '“群众点单、党组织派单、党员接单”，全年办结民生微实事87件。',
  },
  {
    item: HARD.leader,
    kind: 'takeaway',
    starred: true,
    text: '以党建引领城市更新和基层治理，把党的组织优势转化为攻坚优势。',
  },
  {
    item: HARD.leader,
    kind: 'takeaway',
    text: '坚持以实干论英雄，在攻坚一线识别、考察、使用干部。',
  },
  {
    item: HARD.leader,
    kind: 'action',
    owner: '各街道党工委',
    dueDate: '2026-12-20',
    text: '梳理本街道攻坚任务清单，逐项明确责任人和完成时限。',
  },
  {
    item: HARD.leader,
    kind: 'action',
    owner: '区委组织部',
    dueDate: '2027-03-31',
    text: '总结推广临时党支部和楼栋党支部经验做法，形成制度成果。',
  },
];

/**
 * A meeting that stresses every export: a 60-character title, 11 speakers (one with 40 notes,
 * one with none, an English name, a name with 䶮), formula-looking notes, emoji and 𠀀, a break,
 * a skipped speaker, 请假, action items with due dates, a presider among the attendees and the
 * leader's closing speech; the run went over time here and there.
 */
export function hardMeeting(): MeetingData {
  const speakers: AgendaItemFields[] = HARD_SPEAKERS.map((s) => ({
    ...s,
    kind: 'exchange',
    title: '',
    plannedMinutes: 7,
    warningSeconds: null,
    dangerSeconds: null,
  }));
  const items: AgendaItemFields[] = [
    {
      kind: 'opening',
      title: '主持人开场',
      speaker: '贺建国',
      speakerPosition: '区委副书记',
      organization: '云溪区委',
      topic: '介绍会议议程',
      plannedMinutes: 5,
      warningSeconds: null,
      dangerSeconds: null,
    },
    ...speakers.slice(0, 6),
    {
      kind: 'break',
      title: '茶歇',
      speaker: '',
      speakerPosition: '',
      organization: '',
      topic: '',
      plannedMinutes: 10,
      warningSeconds: null,
      dangerSeconds: null,
    },
    ...speakers.slice(6),
    {
      kind: 'leader',
      title: '',
      speaker: '严正清',
      speakerPosition: '区委书记',
      organization: '云溪区委',
      topic: '总结讲话：以党建引领城市更新和基层治理攻坚',
      plannedMinutes: 20,
      warningSeconds: 120,
      dangerSeconds: null,
    },
  ];
  const meeting: MeetingFields = {
    ...emptyMeetingFields,
    title:
      '中共云溪区委二〇二六年度基层党建引领城市更新和社会治理现代化重点攻坚任务推进会暨全区优秀街道社区党组织工作经验交流座谈会',
    date: '2026-11-25',
    startTime: '09:00',
    venue: '区行政中心三楼第二会议室（东座）',
    presider: '贺建国',
    recorder: '区委组织部 周记录',
    attendees: [
      '严正清（区委书记）',
      '贺建国（区委副书记）',
      '方敏（区委常委、组织部部长）',
      ...HARD_SPEAKERS.map((s) => s.speaker),
    ],
    nonVotingAttendees: ['区委组织部有关科室负责人', '各街道党工委组织委员'],
    absentees: ['陆海平（区委常委、宣传部部长，因公出差）', '高远'],
    organizer: '中共云溪区委组织部',
  };
  return toMeetingData(
    meeting,
    items,
    [...OTHER_NOTES, ...manyNotes(), ...AWKWARD_NOTES],
    (all) => {
      const run = ranInOrder(all, (i) =>
        i % 3 === 1 ? 95_000 : i === HARD.leader ? 330_000 : -40_000,
      );
      const skipped = all[HARD.skipped] as AgendaItem;
      run.itemRuns[skipped.id] = skippedItemRun(skipped.id);
      return run;
    },
  );
}
