import type { AgendaItem, AgendaItemFields } from '../core/agenda.ts';
import { createMeeting, type MeetingFields } from '../core/meeting.ts';
import type { Note, NoteKind } from '../core/notes.ts';
import type { ItemRun, RunState } from '../core/run.ts';
import { initialRunState } from '../core/run.ts';
import { buildSampleMeeting, type SampleNote } from '../core/sample-meeting.ts';
import type { MeetingData } from './meeting-data.ts';

/**
 * Meetings to export in tests and benchmarks: the sample as a note-taker would leave it, and a
 * large one. Built from plain data, no database, so the export code is measured on its own.
 */

const START = Date.parse('2026-11-25T09:00:00+08:00');

function toMeetingData(
  fields: MeetingFields,
  itemFields: AgendaItemFields[],
  notes: SampleNote[],
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
      dueDate: n.kind === 'action' ? '2026-12-31' : null,
      author: '记录人甲',
      version: 1,
      createdAt: START,
      updatedAt: START,
    })),
    run: run(items),
    draws: [],
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
