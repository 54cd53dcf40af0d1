import type { AgendaItemFields } from './agenda.ts';
import type { MeetingFields } from './meeting.ts';

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
const SAMPLE_SPEAKERS = [
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

export interface SampleMeeting {
  meeting: MeetingFields;
  items: AgendaItemFields[];
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
  };
}
