import { z } from 'zod';
import { agendaItemSchema } from './agenda.ts';
import { drawRecordSchema } from './draw.ts';
import { meetingSchema } from './meeting.ts';
import { noteSchema } from './notes.ts';
import { clockFactsSchema, itemRunSchema, screenModeSchema } from './run.ts';

/** The `meeting.roundtable` file: one meeting, whole, to carry to another computer and back. */
export const BUNDLE_FORMAT = 'roundtable.meeting';
export const BUNDLE_VERSION = 1;

export const bundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT, {
    error: `not a Roundtable meeting file (format must be "${BUNDLE_FORMAT}")`,
  }),
  version: z.literal(BUNDLE_VERSION),
  exportedAt: z.number(),
  meeting: meetingSchema,
  items: z.array(agendaItemSchema).max(500),
  notes: z.array(noteSchema).max(50_000),
  run: z.object({
    currentItemId: z.string().nullable(),
    clock: clockFactsSchema.nullable(),
    screen: screenModeSchema,
    message: z.string(),
    itemRuns: z.array(itemRunSchema),
  }),
  /** Lot drawings; absent in files written before drawing existed. */
  draws: z.array(drawRecordSchema).max(1000).default([]),
});
export type MeetingBundle = z.infer<typeof bundleSchema>;

/** A file's bytes as a request body (see `fileBody` in the contract). */
export const fileBytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'a file');

/** Query flags arrive as text: "true" / "false". */
export const queryFlag = z
  .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
  .optional();

/** Far above a year of meetings' notes (a 200-item meeting with 5,000 notes is about 3 MB). */
export const BUNDLE_MAX_BYTES = 64 * 1024 * 1024;

export const importBundleInput = z
  .object({
    file: fileBytes,
    /** Import under new ids, beside the meeting it came from. */
    asCopy: queryFlag,
  })
  .strict();

export const EXPORT_NAMES = [
  'slides.pptx',
  'minutes.docx',
  'minutes.pdf',
  'minutes.md',
  'host-script.docx',
  'timing.xlsx',
  'timing.csv',
  'meeting.roundtable',
] as const;
export type ExportName = (typeof EXPORT_NAMES)[number];
export const exportInput = z.object({ id: z.string().min(1), name: z.enum(EXPORT_NAMES) }).strict();

/** An export answers with a file, not JSON: the server sends `body` as the response. */
export const exportFileSchema = z.object({
  fileName: z.string(),
  contentType: z.string(),
  body: fileBytes,
});
