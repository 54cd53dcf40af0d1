import { z } from 'zod';
import { agendaItemSchema } from './agenda.ts';
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
});
export type MeetingBundle = z.infer<typeof bundleSchema>;

export const importMeetingInput = z
  .object({
    bundle: z.unknown(),
    /** Import under new ids, beside the meeting it came from. */
    asCopy: z.boolean().optional(),
  })
  .strict();

export const EXPORT_NAMES = [
  'minutes.docx',
  'minutes.md',
  'host-script.docx',
  'timing.csv',
  'meeting.roundtable',
] as const;
export const exportInput = z.object({ id: z.string().min(1), name: z.enum(EXPORT_NAMES) }).strict();

/** An export answers with a file, not JSON: the server sends `body` as the response. */
export const exportFileSchema = z.object({
  fileName: z.string(),
  contentType: z.string(),
  body: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'bytes'),
});
