import { z } from 'zod';
import { AGENDA_MAX_ITEMS, agendaItemFieldsSchema, agendaItemSchema } from './agenda.ts';
import { drawInput, drawRecordSchema } from './draw.ts';
import { isoDate, meetingSchema } from './meeting.ts';
import { newsBriefEditsInFileSchema } from './news-brief.ts';
import { noteAuthor, noteOwner, noteSchema, noteText } from './notes.ts';
import { noticeSettingsSchema } from './notice.ts';
import { PARTICIPANTS_MAX, participantSchema } from './participants.ts';
import {
  clockFactsSchema,
  itemRunSchema,
  limitMinutesSchema,
  messageTargetSchema,
  runMessageInput,
  screenModeSchema,
} from './run.ts';
import { seatingSettingsSchema } from './seating.ts';

/**
 * The `meeting.roundtable` file: one meeting, whole, to carry to another computer and back.
 *
 * A file from outside is untrusted input, so each part is held to the same schemas and limits as
 * the request that would have made it (the text limits of the contract, not a second list), and
 * every number the database keeps whole must be whole. What holds between the parts (unique ids,
 * references that resolve, positions in order) is checked by `bundleFault` (bundle-invariants.ts).
 */
export const BUNDLE_FORMAT = 'roundtable.meeting';
export const BUNDLE_VERSION = 1;

/** An id inside the file: only a name the parts refer to each other by; replaced on import. */
const fileId = z.string().min(1, 'must not be empty');
/** Epoch milliseconds and durations: whole numbers, as the database keeps them. */
const wholeNumber = z.number({ error: 'a whole number' }).int('a whole number');

/** A draw names each speech by its headline: its title, or its organization and speaker. */
const { title, organization, speaker } = agendaItemFieldsSchema.shape;
const DRAW_LABEL_MAX = Math.max(
  title.maxLength ?? 0,
  (organization.maxLength ?? 0) + 1 + (speaker.maxLength ?? 0),
);

const bundleMeeting = meetingSchema.extend({
  id: fileId,
  createdAt: wholeNumber,
  updatedAt: wholeNumber,
});

const bundleItem = agendaItemSchema.extend({ id: fileId, meetingId: fileId });

const bundleNote = noteSchema.extend({
  id: fileId,
  meetingId: fileId,
  itemId: fileId,
  text: noteText,
  owner: noteOwner,
  dueDate: isoDate.nullable(),
  author: noteAuthor,
  speechOffsetMs: wholeNumber.nullable(),
  version: wholeNumber.min(1, 'at least 1'),
  createdAt: wholeNumber,
  updatedAt: wholeNumber,
});

const bundleClock = clockFactsSchema.extend({
  itemId: fileId,
  plannedMs: wholeNumber,
  startedAt: wholeNumber,
  addedMs: wholeNumber,
  pausedAt: wholeNumber.nullable(),
  pausedMs: wholeNumber,
});

const bundleItemRun = itemRunSchema.extend({
  itemId: fileId,
  actualStartAt: wholeNumber.nullable(),
  actualEndAt: wholeNumber.nullable(),
  elapsedMs: wholeNumber,
  addedMs: wholeNumber,
  /** Absent in files written before an item could be run again: one turn, none if skipped. */
  turns: wholeNumber.min(0, 'at least 0').max(10_000, 'at most 10000').optional(),
});

const bundleDraw = drawRecordSchema.extend({
  id: fileId,
  meetingId: fileId,
  seed: drawInput.shape.seed.unwrap(),
  drawnAt: wholeNumber,
  drawnBy: drawInput.shape.drawnBy.unwrap(),
  pool: z
    .array(
      z.object({
        itemId: fileId,
        label: z.string().max(DRAW_LABEL_MAX, `at most ${DRAW_LABEL_MAX} characters`),
      }),
    )
    .max(AGENDA_MAX_ITEMS),
  order: z.array(fileId).max(AGENDA_MAX_ITEMS),
});

const bundleParticipant = participantSchema.extend({
  /** Absent in files written before participants had a 联系电话. */
  phone: participantSchema.shape.phone.default(''),
  id: fileId,
  meetingId: fileId,
  signedInAt: wholeNumber.nullable(),
  createdAt: wholeNumber,
  updatedAt: wholeNumber,
});

/** The seating plan: its settings and the organizer's swaps, as pairs of the file's participant ids. */
const bundleSeating = seatingSettingsSchema
  .extend({
    /** Absent in files written before the projector could show the sign-in counts: off. */
    countsOnProjector: seatingSettingsSchema.shape.countsOnProjector.default(false),
    swaps: z.array(z.tuple([fileId, fileId])).max(PARTICIPANTS_MAX),
  })
  .strict();

export const bundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT, {
    error: `not a Roundtable meeting file (format must be "${BUNDLE_FORMAT}")`,
  }),
  version: z.literal(BUNDLE_VERSION),
  exportedAt: z.number(),
  /**
   * The id the meeting was first made under, on whichever computer: importing a file whose
   * meeting is already here (by its id or by the origin it was imported with) asks first.
   * Absent in files written before it existed: the meeting's id is its origin then.
   */
  originMeetingId: fileId.optional(),
  meeting: bundleMeeting,
  items: z.array(bundleItem).max(AGENDA_MAX_ITEMS),
  notes: z.array(bundleNote).max(50_000),
  run: z.object({
    currentItemId: fileId.nullable(),
    clock: bundleClock.nullable(),
    screen: screenModeSchema,
    message: runMessageInput.shape.text,
    /** Absent in files written before messages had a target: they showed on both screens. */
    messageTarget: messageTargetSchema.default('both'),
    messageRedirected: z.boolean().default(false),
    itemRuns: z.array(bundleItemRun).max(AGENDA_MAX_ITEMS),
    /** A finish-on-time plan's limits (issue 17); absent in files written before: none. */
    adjustedLimits: z.record(fileId, limitMinutesSchema).default({}),
  }),
  /** Lot drawings; absent in files written before drawing existed. */
  draws: z.array(bundleDraw).max(1000).default([]),
  /** The meeting's people (issue 16); absent in files written before the list existed. */
  participants: z.array(bundleParticipant).max(PARTICIPANTS_MAX).default([]),
  /** The 会议通知's settings (issue 16); absent in older files and for a meeting without any. */
  notice: noticeSettingsSchema.strict().optional(),
  /** The seating plan (issue 16); absent in older files: the defaults then. */
  seating: bundleSeating.optional(),
  /**
   * The organizer's 会议信息 and 会议认为 edits (issue 17); absent in older files: none then.
   * Paragraph edits by key; files written before keys list them by place.
   */
  newsBriefEdits: newsBriefEditsInFileSchema.optional(),
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
  'news-brief.docx',
  'news-brief.md',
  'host-script.docx',
  'notice.docx',
  'notice.pdf',
  'timing.xlsx',
  'timing.csv',
  'seating-chart.docx',
  'seating-chart.pdf',
  'name-cards.docx',
  'name-cards.pdf',
  'meeting.roundtable',
] as const;
export type ExportName = (typeof EXPORT_NAMES)[number];

/**
 * The exports that print the seats. A meeting with nobody to seat (nobodyToSeat) gets none of
 * them, only a refusal saying so: a blank chart or no cards would be printed and carried to the
 * hall for nothing. Here, in the contract, so the console's export menu can grey the very same
 * entries ahead of time that the server refuses.
 */
export const SEATING_EXPORTS: ReadonlySet<ExportName> = new Set([
  'seating-chart.docx',
  'seating-chart.pdf',
  'name-cards.docx',
  'name-cards.pdf',
] satisfies ExportName[]);
export const exportInput = z.object({ id: z.string().min(1), name: z.enum(EXPORT_NAMES) }).strict();

/** An export answers with a file, not JSON: the server sends `body` as the response. */
export const exportFileSchema = z.object({
  fileName: z.string(),
  contentType: z.string(),
  body: fileBytes,
});
