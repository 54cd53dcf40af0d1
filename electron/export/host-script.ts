import { chineseDate } from './chinese-dates.ts';
import { isSpeech, type AgendaItem } from '../core/agenda.ts';
import type { MeetingData } from './meeting-data.ts';

export interface ScriptParagraph {
  style: 'title' | 'subtitle' | 'body' | 'cue';
  text: string;
}

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const cnNumber = (n: number): string =>
  n <= 10 ? (CN_NUMBERS[n - 1] as string) : n < 20 ? `十${CN_NUMBERS[n - 11] ?? ''}` : String(n);

/** "平湖街道党工委书记林一平同志": how a presider names a speaker. */
export function formalName(item: AgendaItem): string {
  const role = `${item.organization}${item.speakerPosition}`;
  return item.speaker ? `${role}${item.speaker}同志` : role || item.title;
}

/** The place to be told "请××做好准备": the next speaker's organization, else their name. */
const readyName = (item: AgendaItem) =>
  item.organization || (item.speaker ? `${item.speaker}同志` : item.title);

/**
 * The presider's script (主持词): the opening, one hand-over line per speaker ("下面，请平湖街道
 * 党工委书记林一平同志发言，请坪地街道做好准备"), breaks, the transition to the leader, the close.
 */
export function hostScript({ meeting, items }: MeetingData): ScriptParagraph[] {
  const exchanges = items.filter((i) => i.kind === 'exchange');
  const leaders = items.filter((i) => i.kind === 'leader');
  const out: ScriptParagraph[] = [
    { style: 'title', text: `${meeting.title}主持词` },
    { style: 'subtitle', text: `（${chineseDate(meeting.date)}）` },
    { style: 'body', text: '同志们：' },
  ];
  // "11位党工委书记" when the speakers share one role, else "11位同志".
  const roles = new Set(exchanges.map((i) => i.speakerPosition));
  const who = roles.size === 1 && [...roles][0] ? [...roles][0] : '同志';
  const agendaParts = [
    exchanges.length ? `请${exchanges.length}位${who}交流发言` : '',
    ...leaders.map((l) => `请${l.speakerPosition}${l.speaker}同志讲话`),
  ].filter(Boolean);
  out.push({
    style: 'body',
    text:
      `今天，我们召开${meeting.title}。` +
      (meeting.attendees.length ? `出席今天会议的有：${meeting.attendees.join('、')}。` : '') +
      (meeting.nonVotingAttendees.length
        ? `列席会议的有：${meeting.nonVotingAttendees.join('、')}。`
        : '') +
      (agendaParts.length
        ? `会议主要有${cnNumber(agendaParts.length)}项议程：${agendaParts.map((p, i) => `${cnNumber(i + 1)}是${p}`).join('；')}。`
        : ''),
  });

  let spoken = 0;
  items.forEach((item, index) => {
    if (item.kind === 'opening') return;
    const following = items.slice(index + 1).find((i) => isSpeech(i) && i.kind !== 'leader');
    if (item.kind === 'exchange') {
      spoken += 1;
      const lead = spoken === 1 ? '首先，请' : '下面，请';
      const ready = following?.kind === 'exchange' ? `，请${readyName(following)}做好准备` : '';
      out.push({ style: 'cue', text: `${lead}${formalName(item)}发言${ready}。` });
    } else if (item.kind === 'leader') {
      if (spoken > 0) {
        out.push({
          style: 'body',
          text: `刚才，${exchanges.length}位同志结合工作实际，讲心得、聊干货，讲得都很好，各有特色、各有亮点，值得大家相互学习借鉴。`,
        });
      }
      out.push({
        style: 'cue',
        text: `下面，请${item.speakerPosition}${item.speaker}同志${item.topic.includes('总结') || spoken > 0 ? '作总结讲话' : '讲话'}，大家欢迎。`,
      });
    } else if (item.kind === 'break') {
      out.push({ style: 'cue', text: `现在休息${item.plannedMinutes}分钟。` });
    } else {
      out.push({ style: 'cue', text: `下面，进行下一项：${item.title || item.topic}。` });
    }
  });

  const leader = leaders.at(-1);
  out.push({
    style: 'body',
    text: leader
      ? `同志们，刚才${leader.speaker}同志的讲话，站位高远、要求明确，我们要认真学习领会，结合各自实际抓好贯彻落实。`
      : '同志们，今天的交流发言内容丰富，希望大家相互学习借鉴，抓好各项工作落实。',
  });
  out.push({ style: 'body', text: '会议到此结束。散会。' });
  return out;
}
