import type { MethodOutput, MethodParsedInput } from '../api/contract.ts';
import type { ColumnMapping, ImportPreview } from '../api/import.ts';
import { emptyAgendaItemFields, type AgendaItem } from '../core/agenda.ts';
import { detail, type ApiErrorDetail } from '../api/error-reasons.ts';
import {
  HEADER_NAMES,
  readSpeakers,
  recognizeColumns,
  type ImportedSpeaker,
  type ImportField,
  type ImportProblem,
} from '../core/import-columns.ts';
import type { RosterEntry } from '../core/roster.ts';
import { readTableOffThread } from '../import/read-table-off-thread.ts';
import { TableReadError, type TableRead } from '../import/table-read.ts';
import { changeAgenda } from './agenda.ts';
import type { ServiceContext } from './context.ts';
import { invalidInput, notFound } from './errors.ts';

/**
 * What each target needs: a roster entry is a person of an organization; a speech needs its
 * organization (the speaker may be named later).
 */
const REQUIRED: Record<'roster' | 'agenda', ImportField[]> = {
  roster: ['organization', 'name'],
  agenda: ['organization'],
};
const PREVIEW_ROWS = 50;

interface TableInput {
  file: Uint8Array;
  fileName?: string | undefined;
  encoding?: TableRead['encoding'] | undefined;
  mapping?: ColumnMapping | undefined;
}

const nameOf = (input: TableInput) => input.fileName || '表格文件';

export async function read(input: TableInput): Promise<TableRead> {
  try {
    return await readTableOffThread(input.file, input.encoding ?? undefined);
  } catch (error) {
    if (error instanceof TableReadError) {
      const file = nameOf(input);
      throw invalidInput('file', `${file}: ${error.message}`, tableReadDetail(file, error));
    }
    throw error;
  }
}

/** Why a file is no table, for the client to word, with the file's name and what else is known. */
function tableReadDetail(file: string, error: TableReadError): ApiErrorDetail {
  const { reason, ...known } = error.problem;
  return { reason, params: { file, ...known } };
}

/**
 * The first problem as a reason the client words, with the file, row and column; `more` says
 * how many other problems there are (when there are).
 */
function problemDetail(file: string, problems: ImportProblem[]): ApiErrorDetail {
  const [p] = problems as [ImportProblem, ...ImportProblem[]];
  const row = p.row ?? 1;
  const column = p.column ?? '';
  const found = ((): ApiErrorDetail => {
    switch (p.code) {
      case 'missingColumn': {
        const header = HEADER_NAMES[p.value as ImportField]?.[0] ?? p.value;
        return detail('import.missingColumn', { file, row, column: header });
      }
      case 'empty':
        return detail('import.emptyCell', { file, row, column });
      case 'tooLong':
        return detail('import.cellTooLong', { file, row, column, max: Number(p.value) });
      case 'badMinutes':
        return detail('import.badMinutes', { file, row, column, value: p.value });
      case 'noRows':
        return detail('import.noRows', { file });
    }
  })();
  return problems.length > 1
    ? { ...found, params: { ...found.params, more: problems.length - 1 } }
    : found;
}

/** "名单.xlsx row 4, column 时长: …", the way a person finds it in the file. */
const describe = (fileName: string, p: ImportProblem) =>
  [fileName, p.row !== null ? `row ${p.row}` : null, p.column ? `column ${p.column}` : null]
    .filter(Boolean)
    .join(', ') + `: ${p.message}`;

async function readAndCheck(input: TableInput, target: 'roster' | 'agenda') {
  const table = await read(input);
  const headers = table.rows[0] ?? [];
  const mapping = input.mapping ?? recognizeColumns(headers);
  const { speakers, problems } = readSpeakers(table.rows, mapping, REQUIRED[target]);
  return { table, headers, mapping, speakers, problems };
}

/** Nothing is written until every row reads well: the first problems are the answer. */
function refuseIfProblems(input: TableInput, problems: ImportProblem[]): void {
  if (problems.length === 0) return;
  const shown = problems.slice(0, 5).map((p) => describe(nameOf(input), p));
  const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
  throw invalidInput(
    'file',
    `${shown.join('; ')}${more}; nothing was imported`,
    problemDetail(nameOf(input), problems),
  );
}

export async function previewImport(
  input: MethodParsedInput<'import.preview'>,
): Promise<ImportPreview> {
  const { table, headers, mapping, problems } = await readAndCheck(input, input.target);
  return {
    fileName: nameOf(input),
    format: table.format,
    encoding: table.encoding,
    encodingCertain: table.encodingCertain,
    headers,
    mapping,
    rows: table.rows.slice(1, 1 + PREVIEW_ROWS),
    rowCount: table.rows.length - 1,
    problems,
  };
}

export async function importRoster(
  ctx: ServiceContext,
  input: MethodParsedInput<'import.roster'>,
): Promise<MethodOutput<'import.roster'>> {
  const { speakers, problems } = await readAndCheck(input, 'roster');
  refuseIfProblems(input, problems);
  const now = ctx.now();
  const added = ctx.store.transaction(() => {
    const existing = ctx.store.roster.list();
    const fresh = speakers.filter(
      (s, index) =>
        !existing.some((e) => e.organization === s.organization && e.name === s.name) &&
        speakers.findIndex((o) => o.organization === s.organization && o.name === s.name) === index,
    );
    let sequence = ctx.store.roster.nextSequence();
    for (const s of fresh) {
      const entry: RosterEntry = {
        id: ctx.newId(),
        organization: s.organization,
        name: s.name,
        position: s.position,
        sequence: sequence++,
        retired: false,
        createdAt: now,
        updatedAt: now,
      };
      ctx.store.roster.save(entry);
    }
    return fresh.length;
  });
  const entries = ctx.store.roster.list();
  ctx.emit({ kind: 'roster.saved', entries });
  return { added, alreadyThere: speakers.length - added, entries };
}

const toItemFields = (s: ImportedSpeaker) => ({
  ...emptyAgendaItemFields,
  kind: 'exchange' as const,
  organization: s.organization,
  speaker: s.name,
  speakerPosition: s.position,
  topic: s.topic,
  plannedMinutes: s.minutes ?? emptyAgendaItemFields.plannedMinutes,
});

/** The rows become exchange speeches, in the file's order, before the leader's speech. */
export async function importAgenda(
  ctx: ServiceContext,
  input: MethodParsedInput<'import.agenda'>,
): Promise<MethodOutput<'import.agenda'>> {
  if (!ctx.store.meetings.get(input.id)) throw notFound('meeting', input.id);
  const { speakers, problems } = await readAndCheck(input, 'agenda');
  refuseIfProblems(input, problems);
  if (ctx.store.agenda.listForMeeting(input.id).length + speakers.length > 500) {
    const file = nameOf(input);
    throw invalidInput(
      'file',
      `${file}: a meeting holds at most 500 agenda items`,
      detail('import.tooManyItems', { file, max: 500 }),
    );
  }
  const { items, revision } = changeAgenda(ctx, input.id, (current) => {
    const leaderAt = current.findIndex((i) => i.kind === 'leader');
    const at = leaderAt < 0 ? current.length : leaderAt;
    const added: AgendaItem[] = speakers.map((s) => ({
      ...toItemFields(s),
      id: ctx.newId(),
      meetingId: input.id,
      position: 0,
    }));
    const next = [...current.slice(0, at), ...added, ...current.slice(at)].map(
      (item, position) => ({
        ...item,
        position,
      }),
    );
    return { items: next, result: null };
  });
  return { meetingId: input.id, added: speakers.length, items, revision };
}

export const importHandlers = (ctx: ServiceContext) => ({
  'import.preview': (input: MethodParsedInput<'import.preview'>) => previewImport(input),
  'import.roster': (input: MethodParsedInput<'import.roster'>) => importRoster(ctx, input),
  'import.agenda': (input: MethodParsedInput<'import.agenda'>) => importAgenda(ctx, input),
});
