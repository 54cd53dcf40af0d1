import { DRAW_ANNEX_NOTE, DRAW_ANNEX_TITLE } from './draw-annex.ts';
import type { Note, NoteKind } from '../core/notes.ts';
import type { MeetingData } from './meeting-data.ts';
import { cnNumber, counter, minutesModel } from './minutes-model.ts';

export const KIND_LABEL: Record<NoteKind, string> = {
  takeaway: '干货',
  insight: '心得',
  figure: '数据',
  quote: '金句',
  problem: '问题',
  action: '行动',
};

/**
 * Text users typed goes in as text: the characters that would make emphasis, code, links,
 * HTML, headings or tables are escaped; dots and dashes stay readable (every note starts
 * after a list marker, so they cannot start a list).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|~])/g, '\\$1').replace(/\r?\n/g, ' ');
}

/** "（责任人：…；时限：…）" for an action item, with only the parts that are known. */
export function actionSuffix(note: Note): string {
  if (note.kind !== 'action') return '';
  const parts = [note.owner && `责任人：${note.owner}`, note.dueDate && `时限：${note.dueDate}`];
  const known = parts.filter(Boolean);
  return known.length ? `（${known.join('；')}）` : '';
}

const noteLine = (note: Note) =>
  `- 【${KIND_LABEL[note.kind]}】${note.starred ? '★ ' : ''}${escapeMarkdown(note.text + actionSuffix(note))}`;

/** The minutes as Markdown, for pasting elsewhere. */
export function minutesMarkdown(data: MeetingData): string {
  const model = minutesModel(data);
  // The colon stays outside the bold: "**时间：**2026" would not close the bold in CommonMark.
  const facts = [
    ...model.facts.map((f) => `**${f.label}**：${escapeMarkdown(f.value)}`),
    ...model.attendance.map((a) => `**${a.label}**：${escapeMarkdown(a.names.join('、'))}`),
  ];
  const out: string[] = [`# ${escapeMarkdown(model.title)}`, '', facts.join('  \n'), ''];
  out.push(escapeMarkdown(model.opening), '');
  const nextNumber = counter();
  for (const section of model.sections) {
    out.push(`## ${nextNumber()}、${escapeMarkdown(section.heading)}`, '');
    if (section.topic) out.push(`*${escapeMarkdown(section.topic)}*`, '');
    out.push(...(section.notes.length ? section.notes.map(noteLine) : ['（无记录）']), '');
  }
  if (model.requirements.length) {
    out.push(`## ${nextNumber()}、会议要求`, '');
    for (const r of model.requirements) {
      out.push(`${escapeMarkdown(r.speaker)}强调：`, '');
      out.push(...r.points.map((p, i) => `${cnNumber(i + 1)}是${escapeMarkdown(p)}`), '');
    }
  }
  if (model.actions.length) {
    out.push(`## ${nextNumber()}、议定事项`, '', ...model.actions.map(noteLine), '');
  }
  if (model.drawAnnex.length) {
    out.push(`附件：${DRAW_ANNEX_TITLE}`, '', '---', '', `## 附件 ${DRAW_ANNEX_TITLE}`, '');
    for (const entry of model.drawAnnex) {
      if (entry.heading) out.push(`### ${entry.heading}`, '');
      out.push(
        entry.lines.map((l) => `**${l.label}**：${escapeMarkdown(l.value)}`).join('  \n'),
        '',
      );
    }
    out.push(DRAW_ANNEX_NOTE, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
