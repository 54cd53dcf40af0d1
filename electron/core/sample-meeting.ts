import type { AgendaItemFields } from './agenda.ts';
import type { MeetingFields } from './meeting.ts';
import type { NoteKind } from './notes.ts';

/**
 * The sample meeting, taken from the source story (shared/seed/article.txt): Longgang district's
 * organization-work conference where the Party secretaries of its 11 subdistricts share their
 * experience in turn, and the district Party secretary closes with requirements. The article
 * names no subdistrict secretary, so the speakers' names here are invented (marked in the
 * meeting's title) and the topics paraphrase what the article reports of each place.
 */
export const SAMPLE_SUBDISTRICTS = [
  '平湖',
  '坪地',
  '横岗',
  '龙岗',
  '龙城',
  '布吉',
  '南湾',
  '坂田',
  '吉华',
  '园山',
  '宝龙',
] as const;

const SECRETARY = '街道党工委书记';

/** Invented names, one per subdistrict, in the order above. */
export const SAMPLE_SPEAKERS = [
  '林一平',
  '陈二坪',
  '黄三横',
  '李四龙',
  '赵五城',
  '周六吉',
  '吴七南',
  '郑八坂',
  '王九华',
  '冯十园',
  '何十一',
];

const SAMPLE_TOPICS = [
  '4个河道整治攻坚临时党支部：“四条河”房屋征拆8月30日全面完成',
  '临时党支部建在土地整备一线：把复杂问题解决在一线',
  '以实干论英雄：安监执法一线的党员先锋',
  '查违拆迁攻坚中锤炼干部作风',
  '“下沉一线、靠前指挥、马上就办、真抓实干”的街道实践',
  '治水提质攻坚一线临时党支部：用真情、真心、真诚对待群众',
  '选拔“狮子型”“黄牛型”干部：注重实绩的用人导向',
  '处级、科级干部全脱产三个月参与征拆实践锻炼',
  '“我当网格员”：三联社区半天走访出租屋11栋、“三小场所”10家',
  '网格管理一线：听取群众意见、监督网格工作',
  '三棵松水治理临时党支部：把不同利益群体“拧成一股绳”',
];

export interface SampleNote {
  /** Index of the agenda item (0: the opening, 1–11: the subdistricts, 12: the leader). */
  item: number;
  kind: NoteKind;
  text: string;
  starred?: boolean;
  owner?: string;
}

/** What the note-takers might have written, in the article's own facts and figures. */
const SAMPLE_NOTES: SampleNote[] = [
  {
    item: 1,
    kind: 'takeaway',
    starred: true,
    text: '面对占全区63.3%的河道征拆量，成立4个河道整治攻坚临时党支部，把党政资源汇聚到一线。',
  },
  { item: 1, kind: 'figure', text: '4条河道征拆总量占全区治水提质河道征拆总量的63.3%' },
  {
    item: 1,
    kind: 'takeaway',
    text: '8月30日全面完成辖区“四条河”河道综合整治房屋征拆和节点移交工作。',
  },
  {
    item: 2,
    kind: 'insight',
    text: '临时党支部把复杂问题解决在一线，不同单位、不同群体凝聚在党组织周围。',
  },
  { item: 3, kind: 'quote', starred: true, text: '以实干论英雄，以实绩定进退。' },
  {
    item: 4,
    kind: 'takeaway',
    text: '在土地整备、治水提质、查违拆迁、安监执法等急难险重一线成立临时党支部。',
  },
  {
    item: 4,
    kind: 'insight',
    text: '临时抽调的优秀干部充实到一线党支部，党员干部在攻坚中得到锻炼。',
  },
  { item: 5, kind: 'takeaway', text: '推动形成“下沉一线、靠前指挥、马上就办、真抓实干”的作风。' },
  { item: 6, kind: 'insight', text: '用真情、真心、真诚对待群众。' },
  {
    item: 7,
    kind: 'takeaway',
    text: '大力选拔敢于负责、勇于担当、善于作为、实绩突出的“狮子型”和“黄牛型”干部。',
  },
  {
    item: 8,
    kind: 'figure',
    text: '分三批选派140名处级、科级干部到11个街道全脱产三个月参与征拆实践锻炼。',
  },
  {
    item: 9,
    kind: 'takeaway',
    starred: true,
    text: '“我当网格员”主题党日：干部以网格员身份上门采集人口、房屋、法人、事件信息。',
  },
  { item: 9, kind: 'figure', text: '半天走访出租屋11栋，大酒店和大型商场各一家，“三小场所”10家。' },
  {
    item: 9,
    kind: 'problem',
    text: '消防通道被杂物堵塞、“三小”场所违规住人、垃圾桶清洗不及时、门禁系统断电使用。',
  },
  {
    item: 10,
    kind: 'figure',
    text: '全区参加“我当网格员”1195人，采集隐患信息2087宗，已处置1988宗，处置率95.26%。',
  },
  {
    item: 11,
    kind: 'takeaway',
    starred: true,
    text: '三棵松水治理工作临时党支部把来自不同单位的不同利益群体“拧成一股绳”。',
  },
  { item: 11, kind: 'figure', text: '全区共成立65个临时党支部，累计参与党员干部600多名。' },
  {
    item: 12,
    kind: 'takeaway',
    text: '把党建工作与实际工作紧密结合，让基层党建引领基层各项工作开展。',
  },
  { item: 12, kind: 'takeaway', text: '坚持以实干论英雄，树立注重实绩的用人导向。' },
  {
    item: 12,
    kind: 'action',
    owner: '各街道党工委',
    text: '总结临时党支部经验做法，报区委组织部。',
  },
];

export interface SampleMeeting {
  meeting: MeetingFields;
  items: AgendaItemFields[];
  notes: SampleNote[];
}

/** `date` is the day to hold the sample meeting (YYYY-MM-DD), chosen by the caller. */
export function buildSampleMeeting(date: string): SampleMeeting {
  const secretaries = SAMPLE_SUBDISTRICTS.map(
    (name, i) => `${SAMPLE_SPEAKERS[i] ?? ''}（${name}${SECRETARY}）`,
  );
  const exchange: AgendaItemFields[] = SAMPLE_SUBDISTRICTS.map((name, i) => ({
    kind: 'exchange',
    title: '',
    speaker: SAMPLE_SPEAKERS[i] ?? '',
    speakerPosition: '党工委书记',
    organization: `${name}街道`,
    topic: SAMPLE_TOPICS[i] ?? '',
    plannedMinutes: 8,
    warningSeconds: null,
    dangerSeconds: null,
  }));
  return {
    meeting: {
      title: '龙岗区组织工作会议暨基层工作经验交流座谈会（示例）',
      date,
      startTime: '09:00',
      venue: '区委大院第一会议室',
      presider: '戴斌',
      recorder: '区委组织部 刘记录',
      attendees: ['张勇（区委书记）', '戴斌', ...secretaries],
      nonVotingAttendees: ['区委组织部有关科室负责人', '区直有关单位组织人事干部'],
      absentees: [],
      archived: false,
      warningSeconds: 60,
      dangerSeconds: 0,
      chime: false,
      organizer: '中共深圳市龙岗区委组织部',
      slideTheme: 'party',
      logo: '',
      minutesMark: '',
      minutesHeadcount: false,
    },
    items: [
      {
        kind: 'opening',
        title: '主持人开场',
        speaker: '戴斌',
        speakerPosition: '主持人',
        organization: '',
        topic: '介绍会议议程：围绕党建引领中心工作“讲心得、聊干货”',
        plannedMinutes: 5,
        warningSeconds: null,
        dangerSeconds: null,
      },
      ...exchange,
      {
        kind: 'leader',
        title: '',
        speaker: '张勇',
        speakerPosition: '区委书记',
        organization: '龙岗区委',
        topic: '总结讲话：以基层党建引领各项工作，以实干论英雄',
        plannedMinutes: 20,
        // The leader is not hurried: yellow only at the last 2 minutes.
        warningSeconds: 120,
        dangerSeconds: null,
      },
    ],
    notes: SAMPLE_NOTES,
  };
}
