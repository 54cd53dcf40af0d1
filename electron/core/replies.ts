/**
 * The 参会回执 (replies) as they come back: rows of a table whose columns are the notice's own
 * reply form (core/notice.ts REPLY_COLUMNS), in any order, with the words people write in it.
 * Read into replies, then matched to the meeting's participants by name and unit. Pure: the
 * files are read elsewhere (import/read-table.ts), and nothing here writes.
 */
import type { Participant, ParticipantReply } from './participants.ts';

export const REPLY_FIELDS = [
  'organization',
  'name',
  'position',
  'phone',
  'answer',
  'leaveReason',
  'substitute',
] as const;
export type ReplyField = (typeof REPLY_FIELDS)[number];
export type ReplyMapping = Partial<Record<ReplyField, number>>;

/** Headers each field is known by, the notice's own first. */
const REPLY_HEADERS: Record<ReplyField, string[]> = {
  organization: ['单位', '所在单位', '工作单位', '部门', 'organization', 'unit'],
  name: ['姓名', '名字', '参会人员', 'name'],
  position: ['职务', '职位', 'position', 'title'],
  phone: ['联系电话', '电话', '手机', '手机号', '联系方式', 'phone'],
  answer: ['是否参会', '参会情况', '是否参加', '回执', 'attending', 'reply'],
  leaveReason: ['请假事由', '请假原因', '事由', 'leavereason', 'reason'],
  substitute: ['代会人员', '代会人', '代参会人员', '替会人员', 'substitute'],
};

const normalize = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u3000*＊:：]+/g, '');

export function recognizeReplyColumns(headers: readonly string[]): ReplyMapping {
  const mapping: ReplyMapping = {};
  headers.forEach((header, index) => {
    const key = normalize(header);
    const field = REPLY_FIELDS.find(
      (f) => mapping[f] === undefined && REPLY_HEADERS[f].some((h) => normalize(h) === key),
    );
    if (field) mapping[field] = index;
  });
  return mapping;
}

/** 是/参会 attends; 否/请假 is on leave; 代会 sends someone. Empty: not answered. */
const ANSWERS: [RegExp, ParticipantReply][] = [
  [/^(代会|代|代为参会|委托参会|委托|代参会|substitute)$/, 'substitute'],
  [/^(否|请假|不参会|不参加|不出席|缺席|no|leave)$/, 'leave'],
  [/^(是|参会|参加|出席|能|√|✓|yes|attending)$/, 'attending'],
];

export function readAnswer(text: string): ParticipantReply | 'none' | 'unknown' {
  const key = normalize(text);
  if (!key) return 'none';
  return ANSWERS.find(([pattern]) => pattern.test(key))?.[1] ?? 'unknown';
}

/** One row of a reply file as it reads: where it is, whom it names, what it says. */
export interface ReplyRow {
  /** The row as the spreadsheet shows it (1 is the first row). */
  row: number;
  organization: string;
  name: string;
  /** 联系电话 as written; empty when the row gives none. */
  phone: string;
  reply: Exclude<ParticipantReply, 'none'>;
  leaveReason: string;
  substitute: string;
}

export type ReplyProblemCode =
  | 'missingColumn'
  | 'noRows'
  | 'emptyName'
  | 'badAnswer'
  | 'noSubstitute'
  | 'tooLong'
  | 'unknownPerson'
  | 'ambiguousPerson'
  | 'conflict';

/** What is wrong, where: the file, the row and the column's header as the file has it. */
export interface ReplyProblem {
  file: string;
  row: number | null;
  column: string | null;
  code: ReplyProblemCode;
  /** The cell's text, the person or the limit, as the code needs. */
  value: string;
  /** For a conflict: where the same person was answered the other way. */
  other?: { file: string; row: number };
}

const LIMITS = { leaveReason: 200, substitute: 60, phone: 40 } as const;
/** A form may carry a title (参会回执) and a blank line above its header. */
const HEADER_SEARCH_ROWS = 10;

/**
 * A reply file's rows. The header is the first of the top rows with a 姓名 column; a row with
 * no answer (是否参会 empty, no reason or substitute written) is left out: the person has not
 * replied by it. Every problem is reported, so the file is fixed once.
 */
export function readReplyRows(
  file: string,
  rows: readonly (readonly string[])[],
): { replies: ReplyRow[]; problems: ReplyProblem[] } {
  const headerAt = rows
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex((cells) => recognizeReplyColumns(cells).name !== undefined);
  if (headerAt < 0) {
    return {
      replies: [],
      problems: [{ file, row: null, column: null, code: 'missingColumn', value: '姓名' }],
    };
  }
  const header = rows[headerAt] ?? [];
  const mapping = recognizeReplyColumns(header);
  const problems: ReplyProblem[] = [];
  const replies: ReplyRow[] = [];
  const columnOf = (field: ReplyField) => header[mapping[field] ?? -1] ?? null;
  if (mapping.answer === undefined) {
    problems.push({
      file,
      row: headerAt + 1,
      column: null,
      code: 'missingColumn',
      value: '是否参会',
    });
    return { replies, problems };
  }
  rows.slice(headerAt + 1).forEach((cells, index) => {
    const row = headerAt + index + 2;
    if (cells.every((c) => !c.trim())) return;
    const cell = (field: ReplyField) => (cells[mapping[field] ?? -1] ?? '').trim();
    const problem = (field: ReplyField, code: ReplyProblemCode, value = cell(field)) =>
      problems.push({ file, row, column: columnOf(field), code, value });
    const written = readAnswer(cell('answer'));
    const reason = cell('leaveReason');
    const substitute = cell('substitute');
    const reply =
      written !== 'none' ? written : substitute ? 'substitute' : reason ? 'leave' : 'none';
    if (reply === 'none') return;
    if (!cell('name')) return void problem('name', 'emptyName');
    if (reply === 'unknown') return void problem('answer', 'badAnswer');
    if (reply === 'substitute' && !substitute) return void problem('substitute', 'noSubstitute');
    for (const field of ['leaveReason', 'substitute', 'phone'] as const) {
      if (cell(field).length > LIMITS[field]) problem(field, 'tooLong', String(LIMITS[field]));
    }
    replies.push({
      row,
      organization: cell('organization'),
      name: cell('name'),
      phone: cell('phone'),
      reply,
      leaveReason: reply === 'leave' ? reason : '',
      substitute: reply === 'substitute' ? substitute : '',
    });
  });
  if (replies.length === 0 && problems.length === 0) {
    problems.push({ file, row: null, column: null, code: 'noRows', value: '' });
  }
  return { replies, problems };
}

/** A name as people write it: 张勇 with a full-width space, 张 勇 and 张勇 are one person. */
const samePerson = (a: string, b: string) => normalize(a) === normalize(b);

/** What one reply does to one participant. */
export interface ReplyChange {
  participantId: string;
  name: string;
  organization: string;
  from: ParticipantReply;
  reply: Exclude<ParticipantReply, 'none'>;
  leaveReason: string;
  substitute: string;
  /** 联系电话 from the reply; empty leaves the one on the list as it is. */
  phone: string;
  /** Where it was read: file and row. */
  file: string;
  row: number;
}

export interface ReplyFile {
  file: string;
  replies: ReplyRow[];
}

/**
 * The replies of several files matched to the list by name and unit (by name alone when the
 * row gives no unit and the name is unique). A row naming nobody on the list is refused with its
 * place: a 回执 is an answer to an invitation, and someone not invited is a typo or a person the
 * organizer adds first. The same person answered twice the same way counts once; answered two
 * ways (in two files, or twice in one) is refused with both places, since no file is newer.
 */
export function planReplies(
  files: readonly ReplyFile[],
  people: readonly Participant[],
): { changes: ReplyChange[]; problems: ReplyProblem[] } {
  const problems: ReplyProblem[] = [];
  const byPerson = new Map<string, ReplyChange>();
  for (const { file, replies } of files) {
    for (const r of replies) {
      const named = people.filter((p) => samePerson(p.name, r.name));
      const matches = r.organization
        ? named.filter((p) => samePerson(p.organization, r.organization))
        : named;
      const who = r.organization ? `${r.organization} ${r.name}` : r.name;
      if (matches.length === 0) {
        problems.push({ file, row: r.row, column: null, code: 'unknownPerson', value: who });
        continue;
      }
      if (matches.length > 1) {
        problems.push({ file, row: r.row, column: null, code: 'ambiguousPerson', value: who });
        continue;
      }
      const person = matches[0]!;
      const change: ReplyChange = {
        participantId: person.id,
        name: person.name,
        organization: person.organization,
        from: person.reply,
        reply: r.reply,
        leaveReason: r.leaveReason,
        substitute: r.substitute,
        phone: r.phone,
        file,
        row: r.row,
      };
      const earlier = byPerson.get(person.id);
      if (!earlier) {
        byPerson.set(person.id, change);
      } else if (
        earlier.reply !== change.reply ||
        earlier.leaveReason !== change.leaveReason ||
        earlier.substitute !== change.substitute
      ) {
        problems.push({
          file,
          row: r.row,
          column: null,
          code: 'conflict',
          value: person.name,
          other: { file: earlier.file, row: earlier.row },
        });
      }
    }
  }
  return { changes: [...byPerson.values()], problems };
}
