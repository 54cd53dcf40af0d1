/**
 * Which column of an imported table holds what, recognised by its header in Chinese or English,
 * and the rows read into speakers, each problem named by row and column.
 */
export const IMPORT_FIELDS = ['organization', 'name', 'position', 'topic', 'minutes'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type ColumnMapping = Partial<Record<ImportField, number>>;

export const HEADER_NAMES: Record<ImportField, string[]> = {
  organization: [
    '单位',
    '发言单位',
    '所在单位',
    '部门',
    '街道',
    'organization',
    'org',
    'unit',
    'department',
  ],
  name: ['姓名', '发言人', '名字', '人员', 'name', 'speaker'],
  position: ['职务', '职位', '岗位', 'position', 'title', 'role'],
  topic: ['题目', '发言题目', '主题', '发言主题', 'topic', 'subject'],
  minutes: [
    '时长',
    '发言时长',
    '时长（分钟）',
    '分钟',
    '时间（分钟）',
    'duration',
    'minutes',
    'mins',
  ],
};

/** Headers compared without spaces, case, and the unit in brackets: "时长(分钟)" is 时长. */
const normalizeHeader = (header: string) =>
  header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[(（][^)）]*[)）]$/, '');

export function recognizeColumns(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  headers.forEach((header, index) => {
    const key = normalizeHeader(header);
    for (const field of IMPORT_FIELDS) {
      if (mapping[field] !== undefined) continue;
      if (HEADER_NAMES[field].some((name) => normalizeHeader(name) === key)) {
        mapping[field] = index;
        return;
      }
    }
  });
  return mapping;
}

export interface ImportedSpeaker {
  /** The row's number in the file, as a spreadsheet shows it (the header is row 1). */
  row: number;
  organization: string;
  name: string;
  position: string;
  topic: string;
  minutes: number | null;
}

/** What is wrong, for the screen to say in the user's language; `message` says it in English. */
export type ImportProblemCode = 'missingColumn' | 'empty' | 'tooLong' | 'badMinutes' | 'noRows';

export interface ImportProblem {
  row: number | null;
  column: string | null;
  code: ImportProblemCode;
  /** The field concerned, the cell's text or the limit, as the code needs. */
  value: string;
  message: string;
}

const LIMITS = { organization: 100, name: 60, position: 60, topic: 300 } as const;

/** "８", "8 分钟", " 10 " and "10min" are minutes; full-width digits and spaces are fine. */
export function readMinutes(text: string): number | null | 'invalid' {
  const plain = text.normalize('NFKC').replace(/\s+/g, '');
  if (!plain) return null;
  const match = /^(\d{1,3})(分钟|分|min|mins|minutes)?$/i.exec(plain);
  if (!match) return 'invalid';
  const minutes = Number(match[1]);
  return minutes >= 1 && minutes <= 600 ? minutes : 'invalid';
}

/**
 * The table's rows (the first is the header) as speakers. Rows with every cell empty are
 * skipped; everything wrong is reported, so the user fixes the file once.
 */
export function readSpeakers(
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping,
  required: readonly ImportField[],
): { speakers: ImportedSpeaker[]; problems: ImportProblem[] } {
  const header = rows[0] ?? [];
  const problems: ImportProblem[] = [];
  const columnName = (field: ImportField) => {
    const index = mapping[field];
    return index === undefined ? null : (header[index] ?? `第${index + 1}列`);
  };
  for (const field of required) {
    if (mapping[field] === undefined) {
      problems.push({
        row: 1,
        column: null,
        code: 'missingColumn',
        value: field,
        message: `missing column ${HEADER_NAMES[field][0]} (a header read as ${field}: ${HEADER_NAMES[field].join(', ')})`,
      });
    }
  }
  if (problems.length) return { speakers: [], problems };
  const speakers: ImportedSpeaker[] = [];
  rows.slice(1).forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((c) => !c.trim())) return;
    // Text is kept exactly as typed: NFKC would turn "：，（）" into ASCII punctuation. Only
    // the duration is read leniently, by readMinutes.
    const cell = (field: ImportField) => {
      const at = mapping[field];
      return at === undefined ? '' : (cells[at] ?? '').trim();
    };
    for (const field of ['organization', 'name', 'position', 'topic'] as const) {
      if (cell(field).length > LIMITS[field]) {
        problems.push({
          row,
          column: columnName(field),
          code: 'tooLong',
          value: String(LIMITS[field]),
          message: `longer than ${LIMITS[field]} characters`,
        });
      }
    }
    for (const field of required) {
      if (!cell(field)) {
        problems.push({
          row,
          column: columnName(field),
          code: 'empty',
          value: '',
          message: 'empty',
        });
      }
    }
    const minutes = readMinutes(cell('minutes'));
    if (minutes === 'invalid') {
      problems.push({
        row,
        column: columnName('minutes'),
        code: 'badMinutes',
        value: cell('minutes'),
        message: `"${cell('minutes')}" is not a number of minutes from 1 to 600`,
      });
    }
    speakers.push({
      row,
      organization: cell('organization'),
      name: cell('name'),
      position: cell('position'),
      topic: cell('topic'),
      minutes: minutes === 'invalid' ? null : minutes,
    });
  });
  if (speakers.length === 0 && problems.length === 0) {
    problems.push({
      row: null,
      column: null,
      code: 'noRows',
      value: '',
      message: 'the table has no rows under its header',
    });
  }
  return { speakers, problems };
}
