import { isSpeech, itemHeadline } from '../core/agenda.ts';
import { sortNotes, type Note, type NoteKind } from '../core/notes.ts';
import type { MeetingData } from './meeting-data.ts';

const KIND_LABEL: Record<NoteKind, string> = {
  takeaway: '干货',
  insight: '心得',
  figure: '数据',
  quote: '金句',
  problem: '问题',
  action: '行动',
};
const CN_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const cnOrdinal = (n: number) =>
  n <= 10 ? (CN_ORDINALS[n - 1] as string) : n < 20 ? `十${CN_ORDINALS[n - 11] ?? ''}` : String(n);

/**
 * Text users typed goes in as text: the characters that would make emphasis, code, links,
 * HTML, headings or tables are escaped; dots and dashes stay readable (every note starts
 * after a list marker, so they cannot start a list).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|~])/g, '\\$1').replace(/\r?\n/g, ' ');
}

// The colon stays outside the bold: "**时间：**2026" would not close the bold in CommonMark.
const line = (label: string, value: string) =>
  value ? `**${label}**：${escapeMarkdown(value)}` : '';
const names = (list: string[]) => list.join('、');

function noteLine(note: Note): string {
  const extra =
    note.kind === 'action' && (note.owner || note.dueDate)
      ? `（责任人：${escapeMarkdown(note.owner || '—')}；时限：${note.dueDate ?? '—'}）`
      : '';
  return `- 【${KIND_LABEL[note.kind]}】${note.starred ? '★ ' : ''}${escapeMarkdown(note.text)}${extra}`;
}

/**
 * The minutes (会议纪要) as Markdown, for pasting elsewhere: the opening paragraph, one section
 * per speaker with their notes, the leader's requirements, and the action items.
 */
export function minutesMarkdown({ meeting, items, notes }: MeetingData): string {
  const live = notes.filter((n) => n.meetingId === meeting.id);
  const byItem = (id: string) => sortNotes(live.filter((n) => n.itemId === id));
  const speeches = items.filter((i) => isSpeech(i) && i.kind !== 'leader' && i.kind !== 'opening');
  const leaders = items.filter((i) => i.kind === 'leader');
  const actions = sortNotes(live.filter((n) => n.kind === 'action'));

  const out: string[] = [`# ${escapeMarkdown(meeting.title)}纪要`, ''];
  out.push(
    [
      line('时间', `${meeting.date} ${meeting.startTime}`),
      line('地点', meeting.venue),
      line('主持人', meeting.presider),
      line('记录人', meeting.recorder),
      line('出席', names(meeting.attendees)),
      line('列席', names(meeting.nonVotingAttendees)),
      line('请假', names(meeting.absentees)),
    ]
      .filter(Boolean)
      .join('  \n'),
    '',
  );
  const speakers = speeches.map((i) => itemHeadline(i)).filter(Boolean);
  out.push(
    `${meeting.date}，${escapeMarkdown(meeting.presider || '主持人')}主持召开${escapeMarkdown(meeting.title)}。` +
      (speakers.length ? `${escapeMarkdown(speakers.join('、'))}先后发言。` : '') +
      '现纪要如下：',
    '',
  );
  let section = 0;
  for (const item of speeches) {
    section += 1;
    out.push(`## ${cnOrdinal(section)}、${escapeMarkdown(itemHeadline(item))}`, '');
    if (item.topic) out.push(`*${escapeMarkdown(item.topic)}*`, '');
    const list = byItem(item.id).filter((n) => n.kind !== 'action');
    out.push(...(list.length ? list.map(noteLine) : ['（无记录）']), '');
  }
  if (leaders.length) {
    section += 1;
    out.push(`## ${cnOrdinal(section)}、会议要求`, '');
    for (const leader of leaders) {
      const requirements = byItem(leader.id).filter((n) => n.kind !== 'action');
      out.push(
        `${escapeMarkdown(itemHeadline(leader))}${leader.speakerPosition ? `（${escapeMarkdown(leader.speakerPosition)}）` : ''}强调：`,
        '',
      );
      requirements.forEach((n, i) => out.push(`${cnOrdinal(i + 1)}是${escapeMarkdown(n.text)}`));
      out.push('');
    }
  }
  if (actions.length) {
    section += 1;
    out.push(`## ${cnOrdinal(section)}、议定事项`, '', ...actions.map(noteLine), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
