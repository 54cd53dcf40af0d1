import { DRAW_ANNEX_NOTE, DRAW_ANNEX_TITLE } from './draw-annex.ts';
import type { NoteKind } from '../core/notes.ts';
import type { MeetingData } from './meeting-data.ts';
import { minutesModel } from './minutes-model.ts';

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

/**
 * A paragraph of the minutes as Markdown text, that cannot start a block it is not: a note that
 * begins "1." or "- " or "+" stays a paragraph, not a list, and "1." keeps its number as written.
 */
export function paragraphMarkdown(text: string): string {
  return escapeMarkdown(text)
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([-+=])/, '\\$1');
}

/** The minutes as Markdown, for pasting elsewhere: the same model and wording as the .docx. */
export function minutesMarkdown(data: MeetingData): string {
  const model = minutesModel(data);
  const out: string[] = [];
  if (model.mark) out.push(`**${escapeMarkdown(model.mark)}**`, '');
  out.push(`# ${escapeMarkdown(model.title)}`, '', paragraphMarkdown(model.opening), '');
  if (model.finding) out.push(paragraphMarkdown(model.finding), '');
  if (model.headings.speeches) {
    out.push(`## ${model.headings.speeches}`, '');
    for (const speech of model.speeches) {
      out.push(`### ${escapeMarkdown(speech.heading)}`, '', paragraphMarkdown(speech.lead), '');
      for (const paragraph of speech.paragraphs) out.push(paragraphMarkdown(paragraph), '');
    }
  }
  if (model.headings.requirements) {
    out.push(`## ${model.headings.requirements}`, '');
    for (const text of model.requirements) out.push(paragraphMarkdown(text), '');
  }
  if (model.headings.actions) {
    out.push(`## ${model.headings.actions}`, '');
    for (const action of model.actions) out.push(paragraphMarkdown(action), '');
  }
  if (model.drawAnnex.length) out.push(`附件：${DRAW_ANNEX_TITLE}`, '');
  // §10.3: after the body (and the annex note), one line down: 应到/实到 if wanted, then 出席,
  // 请假, 列席.
  const block = [
    ...(model.headcount ? [model.headcount] : []),
    ...model.attendance.map((a) => `**${a.label}**：${escapeMarkdown(a.names.join('、'))}`),
  ];
  if (block.length) out.push(block.join('  \n'), '');
  if (model.drawAnnex.length) {
    out.push('---', '', `## 附件 ${DRAW_ANNEX_TITLE}`, '');
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
