import { chineseDate } from './chinese-dates.ts';
import { isSpeech, type AgendaItem } from '../core/agenda.ts';
import { cnCount, cnNumeral } from './chinese-numbers.ts';
import type { MeetingData } from './meeting-data.ts';
import { minutesAttendance } from '../core/participants.ts';
import { formalName, spoken, spokenAttendees, spokenParticipants } from './spoken-names.ts';

export interface ScriptParagraph {
  /** `annex`: the heading of what follows the script proper (附：…), set apart from its end. */
  style: 'title' | 'subtitle' | 'annex' | 'body' | 'cue';
  text: string;
}

/** The place to be told "请××做好准备": the next speaker's organization, else their name. */
const readyName = (item: AgendaItem) =>
  item.organization || (item.speaker ? spoken`${item.speaker}同志` : item.title);

/**
 * A topic as a title in 《》. A title inside it takes 〈〉 (GB/T 15834), and one the user already
 * wrapped in 《》 is not wrapped twice.
 */
const bookTitle = (topic: string) => {
  const bare = topic.trim().replace(/^《(.*)》$/su, '$1');
  return `《${bare.replaceAll('《', '〈').replaceAll('》', '〉')}》`;
};

/** "首先，请…同志作交流发言，题目是《…》。请坪地街道做好准备。" */
function handOver(item: AgendaItem, first: boolean, next: AgendaItem | undefined): string {
  const lead = first ? '首先，请' : '下面，请';
  const ready = next?.kind === 'exchange' ? readyName(next) : '';
  const speech = spoken`${lead}${formalName(item)}作交流发言`;
  if (!item.topic.trim()) return ready ? spoken`${speech}，请${ready}做好准备。` : `${speech}。`;
  const titled = `${speech}，题目是${bookTitle(item.topic)}。`;
  return ready ? spoken`${titled}请${ready}做好准备。` : titled;
}

/**
 * The presider's script (主持词): the opening with the attendees read out, one hand-over line per
 * speaker with the topic ("下面，请平湖街道党工委书记林一平同志作交流发言，题目是《…》。请坪地
 * 街道做好准备。"), breaks, the transition to the leader, the close.
 */
export function hostScript({ meeting, items, run, participants }: MeetingData): ScriptParagraph[] {
  const exchanges = items.filter((i) => i.kind === 'exchange');
  const leaders = items.filter((i) => i.kind === 'leader');
  const out: ScriptParagraph[] = [
    { style: 'title', text: `${meeting.title}主持词` },
    { style: 'subtitle', text: `（${chineseDate(meeting.date)}）` },
    { style: 'body', text: '同志们：' },
  ];
  // "11位党工委书记" when the speakers share one role, else "11位同志".
  const roles = new Set(exchanges.map((i) => i.speakerPosition));
  const [sharedRole] = roles.size === 1 ? [...roles] : [];
  const who = sharedRole || '同志';
  const agendaParts = [
    exchanges.length ? spoken`请${String(exchanges.length)}位${who}交流发言` : '',
    ...leaders.map((l) => spoken`请${l.speakerPosition}${l.speaker}同志讲话`),
  ].filter(Boolean);
  const { attendees, observers } = openingPeople(meeting, items, participants);
  out.push({
    style: 'body',
    text:
      `今天，我们召开${meeting.title}。` +
      (attendees.length ? `出席今天会议的有：${attendees.join('，')}。` : '') +
      (observers.length ? `列席会议的有：${observers.join('、')}。` : '') +
      (agendaParts.length
        ? `会议主要有${cnCount(agendaParts.length)}项议程：${agendaParts.map((p, i) => `${cnNumeral(i + 1)}是${p}`).join('；')}。`
        : ''),
  });

  let spokenSoFar = 0;
  items.forEach((item, index) => {
    if (item.kind === 'opening') return;
    // After a break the presider calls the hall back before the next hand-over.
    if (items[index - 1]?.kind === 'break' && item.kind !== 'break') {
      out.push({ style: 'body', text: '同志们，休息结束，会议继续。' });
    }
    const following = items.slice(index + 1).find((i) => isSpeech(i) && i.kind !== 'leader');
    if (item.kind === 'exchange') {
      spokenSoFar += 1;
      out.push({ style: 'cue', text: handOver(item, spokenSoFar === 1, following) });
    } else if (item.kind === 'leader') {
      if (spokenSoFar > 0) {
        out.push({
          style: 'body',
          text: `刚才，${exchanges.length}位同志结合工作实际，讲心得、聊干货，讲得都很好，各有特色、各有亮点，值得大家相互学习借鉴。`,
        });
      }
      out.push({
        style: 'cue',
        text: spoken`下面，请${item.speakerPosition}${item.speaker}同志${item.topic.includes('总结') || spokenSoFar > 0 ? '作总结讲话' : '讲话'}，大家欢迎。`,
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
      ? spoken`同志们，刚才${leader.speaker}同志的讲话，站位高远、要求明确，我们要认真学习领会，结合各自实际抓好贯彻落实。`
      : '同志们，今天的交流发言内容丰富，希望大家相互学习借鉴，抓好各项工作落实。',
  });
  out.push({ style: 'body', text: '会议到此结束。散会。' });
  return [...out, ...finishOnTimeAddendum(items, run.adjustedLimits)];
}

/**
 * Who the opening names: from the participant list when the meeting has one, the same people in
 * the same order as the minutes' 出席 and 列席 (core's minutesAttendance: rank order, a substitute
 * in the member's place, those on leave left out); else the lists typed in the meeting.
 */
function openingPeople(
  meeting: MeetingData['meeting'],
  items: readonly AgendaItem[],
  participants: MeetingData['participants'],
): { attendees: string[]; observers: string[] } {
  if (participants.length === 0) {
    return { attendees: spokenAttendees(meeting, items), observers: meeting.nonVotingAttendees };
  }
  const { present, observers } = minutesAttendance(participants);
  return {
    attendees: spokenParticipants(present, meeting.presider, items),
    observers: spokenParticipants(observers, meeting.presider, items),
  };
}

/** 5.5 reads 5.5, 6 reads 6: limits are whole or half minutes. */
const minutesText = (minutes: number) => String(Math.round(minutes * 2) / 2);

/**
 * 按时结束 (issue 17): once a plan shortened the speeches, the line the presider reads out, with
 * the longest new limit. Nothing when no plan was applied.
 */
function finishOnTimeAddendum(
  items: readonly AgendaItem[],
  limits: Readonly<Record<string, number>>,
): ScriptParagraph[] {
  const shortened = items.flatMap((i) => (limits[i.id] === undefined ? [] : [limits[i.id]!]));
  if (shortened.length === 0) return [];
  const minutes = minutesText(Math.max(...shortened));
  return [
    { style: 'annex', text: '附：按时结束提示语' },
    { style: 'cue', text: `因时间关系，请后面发言的同志把发言控制在${minutes}分钟以内。` },
  ];
}
