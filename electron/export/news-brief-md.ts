import type { AgendaItem } from '../core/agenda.ts';
import type { MeetingData } from './meeting-data.ts';
import { KIND_LABEL, paragraphMarkdown, escapeMarkdown } from './minutes-md.ts';
import { paragraphText, type BriefSource, type NewsBrief } from './news-brief-model.ts';

const MEETING_FIELD: Record<string, string> = {
  'meeting.title': '会议名称',
  'meeting.date': '会议日期',
  'meeting.venue': '会议地点',
  'meeting.presider': '主持人',
};
const ITEM_FIELD: Record<string, string> = {
  organization: '单位',
  speakerPosition: '职务',
  speaker: '发言人',
  title: '事项',
};
/** What the appendix says of a paragraph the organizer wrote and kept without a draft under it. */
const KEPT_SOURCE = '组织者所写（原段落已不在草稿中）';
/** How much of a note the appendix quotes: enough to find it in the notes. */
const NOTE_EXCERPT = 24;

/**
 * A source in words an editor can check against the console: "会议地点", "议程第2项 单位、发言人",
 * "记录（数据，第2项）“4条河道征拆总量…”".
 */
export function describeSources(sources: readonly BriefSource[], data: MeetingData): string[] {
  const position = new Map(data.items.map((item, i) => [item.id, i + 1]));
  const notes = new Map(data.notes.map((n) => [n.id, n]));
  const itemFields = new Map<string, string[]>();
  const out: string[] = [];
  for (const source of sources) {
    if (source in (MEETING_FIELD as object)) out.push(MEETING_FIELD[source] as string);
    const item = /^item:(.+)\.(\w+)$/.exec(source);
    if (item) {
      const [, id, field] = item as unknown as [string, string, keyof AgendaItem];
      itemFields.set(id, [...(itemFields.get(id) ?? []), ITEM_FIELD[field] ?? field]);
    }
    const note = source.startsWith('note:') ? notes.get(source.slice(5)) : undefined;
    if (note) {
      const text = [...note.text.replace(/\s+/g, ' ')];
      const excerpt =
        text.length > NOTE_EXCERPT ? `${text.slice(0, NOTE_EXCERPT).join('')}…` : text.join('');
      out.push(
        `记录（${KIND_LABEL[note.kind]}，议程第${position.get(note.itemId) ?? '?'}项）“${excerpt}”`,
      );
    }
  }
  for (const [id, fields] of itemFields)
    out.push(`议程第${position.get(id) ?? '?'}项 ${fields.join('、')}`);
  return out;
}

/**
 * The 会议信息 draft as Markdown: headline, the line under it, the paragraphs, and with
 * `withSources` an appendix 来源 that names, sentence by sentence, the fields and notes it is from.
 */
export function newsBriefMarkdown(brief: NewsBrief, data: MeetingData, withSources = true): string {
  const out = [`# ${escapeMarkdown(brief.headline.text)}`, ''];
  if (brief.subheading) out.push(`## ${escapeMarkdown(brief.subheading.text)}`, '');
  for (const paragraph of brief.paragraphs)
    out.push(paragraphMarkdown(paragraphText(paragraph)), '');
  if (withSources) {
    out.push('---', '', '## 来源', '');
    const sentences = [
      brief.headline,
      ...(brief.subheading ? [brief.subheading] : []),
      ...brief.paragraphs.flatMap((p) => p.sentences),
    ];
    sentences.forEach((sentence, i) => {
      const text = [...sentence.text];
      const opening =
        text.length > NOTE_EXCERPT ? `${text.slice(0, NOTE_EXCERPT).join('')}…` : sentence.text;
      // Only a paragraph the organizer kept after its draft paragraph was gone has no source.
      const from = describeSources(sentence.sources, data).join('；') || KEPT_SOURCE;
      out.push(`${i + 1}\\. ${escapeMarkdown(opening)}：${escapeMarkdown(from)}`, '');
    });
  }
  return `${out.join('\n').trimEnd()}\n`;
}
