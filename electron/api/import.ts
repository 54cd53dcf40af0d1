import { z } from 'zod';
import { IMPORT_FIELDS, type ColumnMapping } from '../core/import-columns.ts';
import { fileBytes } from './bundle.ts';
import { agendaItemSchema } from './agenda.ts';
import { revisionSchema } from './revision.ts';
import { rosterEntrySchema } from './roster.ts';

export { IMPORT_FIELDS };
export type { ColumnMapping };

/** The encodings a table file may come in; GB18030 covers GBK and GB2312 (Chinese Excel). */
export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

/** Limits that keep an import from stalling or exhausting the computer running the meeting. */
export const IMPORT_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxRows: 5000,
  /** An .xlsx is a zip: more than this unpacked is a zip bomb, not a roster. */
  maxUnpackedBytes: 64 * 1024 * 1024,
  maxZipEntries: 2000,
} as const;

/** Where the rows go: the roster, or a meeting's agenda as speeches. */
export const IMPORT_TARGETS = ['roster', 'agenda'] as const;

/** The column mapping travels in the query as JSON: {"name": 0, "organization": 1}. */
const mappingParam = z
  .string()
  .transform((text, ctx): ColumnMapping => {
    try {
      const value = z
        .partialRecord(z.enum(IMPORT_FIELDS), z.number().int().min(0).max(200))
        .parse(JSON.parse(text));
      return value;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'a JSON object of field → column number' });
      return z.NEVER;
    }
  })
  .optional();

const tableFileInput = {
  file: fileBytes,
  /** The file's name, to say which file a problem is in. */
  fileName: z.string().max(255).optional(),
  encoding: z.enum(TEXT_ENCODINGS).optional(),
  mapping: mappingParam,
};

export const importPreviewInput = z
  .object({ ...tableFileInput, target: z.enum(IMPORT_TARGETS) })
  .strict();
export const importRosterInput = z.object(tableFileInput).strict();
export const importAgendaInput = z.object({ ...tableFileInput, id: z.string().min(1) }).strict();

const problemSchema = z.object({
  row: z.number().nullable(),
  column: z.string().nullable(),
  code: z.enum(['missingColumn', 'empty', 'tooLong', 'badMinutes', 'noRows']),
  value: z.string(),
  message: z.string(),
});

export const importPreviewSchema = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.enum(TEXT_ENCODINGS).nullable(),
  encodingCertain: z.boolean(),
  headers: z.array(z.string()),
  mapping: z.partialRecord(z.enum(IMPORT_FIELDS), z.number()),
  /** The first rows under the header, as read. */
  rows: z.array(z.array(z.string())),
  rowCount: z.number(),
  problems: z.array(problemSchema),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importRosterOutput = z.object({
  added: z.number(),
  /** Rows not added: the person was on the roster already, or earlier in the same file. */
  alreadyThere: z.number(),
  entries: z.array(rosterEntrySchema),
});
export const importAgendaOutput = z.object({
  meetingId: z.string(),
  added: z.number(),
  items: z.array(agendaItemSchema),
  /** The revision its agenda.saved carries. */
  revision: revisionSchema,
});

/** Bytes a table file may have; larger ones answer 413 before they are read. */
export const TABLE_MAX_BYTES = IMPORT_LIMITS.maxBytes;
