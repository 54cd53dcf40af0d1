import { AlignmentType, Document, Packer, Paragraph, TextRun, type IRunOptions } from 'docx';
import type { NoteKind } from '../core/notes.ts';
import { CHAR, officialFooters } from './docx-parts.ts';
import { DRAW_ANNEX_NOTE, DRAW_ANNEX_TITLE } from './draw-annex.ts';
import { actionSuffix } from './minutes-md.ts';
import { cnNumber, counter, type MinutesModel } from './minutes-model.ts';
import { FONTS, FONT_SIZE, LINE_28PT, OFFICIAL_PAGE } from './official-layout.ts';

/** How a speaker's notes are grouped in the minutes, under 楷体 second-level headings. */
const GROUPS: { kinds: NoteKind[]; title: string }[] = [
  { kinds: ['takeaway'], title: '主要做法和经验' },
  { kinds: ['insight'], title: '工作体会' },
  { kinds: ['figure'], title: '有关数据' },
  { kinds: ['quote'], title: '金句摘录' },
  { kinds: ['problem'], title: '存在问题' },
];

const run = (text: string, font = FONTS.body, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, font, size: FONT_SIZE.三号, ...extra });

const body = (children: TextRun[], firstLineChars = 2) =>
  new Paragraph({ spacing: LINE_28PT, indent: { firstLine: firstLineChars * CHAR }, children });

/**
 * A label block as clause 10.3 sets 出席/列席/请假: the label in 黑体 with a full-width colon,
 * the names in 仿宋, and wrapped lines aligned after the colon (a hanging indent).
 */
const labelBlock = (label: string, text: string) => {
  const width = ([...label].length + 1) * CHAR;
  return new Paragraph({
    spacing: LINE_28PT,
    indent: { left: width, hanging: width },
    children: [run(`${label}：`, FONTS.heiti), run(text)],
  });
};

/**
 * The annex as GB/T 9704-2012 (7.3.6, 8.1) sets one: 附件说明 after the body, then on a new page
 * "附件" in 黑体 at the top left and the annex title centred, then its text.
 */
function annexParagraphs(model: MinutesModel): Paragraph[] {
  return [
    body([run(`附件：${DRAW_ANNEX_TITLE}`)]),
    new Paragraph({
      pageBreakBefore: true,
      spacing: LINE_28PT,
      children: [run('附件', FONTS.heiti)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 35 * 20, lineRule: 'exact', after: 28 * 20 },
      children: [new TextRun({ text: DRAW_ANNEX_TITLE, font: FONTS.title, size: FONT_SIZE.二号 })],
    }),
    ...model.drawAnnex.flatMap((entry) => [
      ...(entry.heading ? [body([run(entry.heading, FONTS.kaiti)])] : []),
      ...entry.lines.map((line) => labelBlock(line.label, line.value)),
    ]),
    body([run(DRAW_ANNEX_NOTE)]),
  ];
}

/** The minutes (会议纪要) as a Word document in the GB/T 9704-2012 layout. */
export async function minutesDocx(model: MinutesModel): Promise<Buffer> {
  const paragraphs: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 35 * 20, lineRule: 'exact', after: 28 * 20 },
      children: [new TextRun({ text: model.title, font: FONTS.title, size: FONT_SIZE.二号 })],
    }),
    ...model.facts.map((f) => labelBlock(f.label, f.value)),
    ...model.attendance.map((a) => labelBlock(a.label, a.names.join('、'))),
    body([run(model.opening)]),
  ];
  const nextNumber = counter();
  for (const section of model.sections) {
    paragraphs.push(body([run(`${nextNumber()}、${section.heading}`, FONTS.heiti)]));
    if (section.topic) paragraphs.push(body([run(`发言题目：${section.topic}`, FONTS.kaiti)]));
    let sub = 0;
    for (const group of GROUPS) {
      const notes = section.notes.filter((note) => group.kinds.includes(note.kind));
      if (notes.length === 0) continue;
      paragraphs.push(body([run(`（${cnNumber(++sub)}）${group.title}`, FONTS.kaiti)]));
      paragraphs.push(...notes.map((note) => body([run(note.text)])));
    }
    if (sub === 0) paragraphs.push(body([run('（无记录）')]));
  }
  if (model.requirements.length) {
    paragraphs.push(body([run(`${nextNumber()}、会议要求`, FONTS.heiti)]));
    for (const r of model.requirements) {
      const points = r.points.map((p, i) => `${cnNumber(i + 1)}是${p.replace(/[。；;]$/, '')}。`);
      paragraphs.push(body([run(`${r.speaker}强调：${points.join('')}`)]));
    }
  }
  if (model.actions.length) {
    paragraphs.push(body([run(`${nextNumber()}、议定事项`, FONTS.heiti)]));
    model.actions.forEach((note, i) =>
      paragraphs.push(body([run(`${i + 1}. ${note.text}${actionSuffix(note)}`)])),
    );
  }
  if (model.drawAnnex.length) paragraphs.push(...annexParagraphs(model));
  const document = new Document({
    title: model.title,
    creator: 'Roundtable',
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: { page: OFFICIAL_PAGE },
        footers: officialFooters(),
        children: paragraphs,
      },
    ],
  });
  return Packer.toBuffer(document);
}
