import { z } from 'zod';
import { SLIDE_THEMES, type Meeting, type MeetingFields } from '../core/meeting.ts';

/** A new meeting's fields before anyone fills them in (core's, for the screens' forms). */
export { emptyMeetingFields } from '../core/meeting.ts';

const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
const names = z.array(text(60)).max(300, 'at most 300 names');
/** A countdown threshold: whole seconds left, up to an hour. */
export const seconds = z
  .number({ error: 'a whole number of seconds' })
  .int('a whole number of seconds')
  .min(0, 'at least 0 seconds')
  .max(3600, 'at most 3600 seconds');

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a real calendar date',
  );

/** The largest logo kept with a meeting: enough for a crisp emblem, small enough for every screen. */
export const LOGO_MAX_BYTES = 512 * 1024;
const logo = z
  .string()
  .max(Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 30, 'the image is larger than 512 KB')
  .refine(
    (s) => s === '' || /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/.test(s),
    'a PNG or JPEG image',
  );

export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM');

/** Every field as stored; the settings added later are optional only in files (below). */
const meetingFieldsExact = z.object({
  title: text(200).min(1, 'must not be empty'),
  date: isoDate,
  startTime: clockTime,
  venue: text(200),
  presider: text(60),
  recorder: text(60),
  attendees: names,
  nonVotingAttendees: names,
  absentees: names,
  archived: z.boolean(),
  warningSeconds: seconds,
  dangerSeconds: seconds,
  chime: z.boolean(),
  organizer: text(200),
  slideTheme: z.enum(SLIDE_THEMES, { error: 'party or neutral' }),
  logo,
  minutesMark: text(30),
  minutesHeadcount: z.boolean(),
}) satisfies z.ZodType<MeetingFields>;

export const meetingFieldsSchema = meetingFieldsExact.extend({
  // Defaults let meeting files written before these settings existed still open.
  organizer: meetingFieldsExact.shape.organizer.default(''),
  slideTheme: meetingFieldsExact.shape.slideTheme.default('party'),
  logo: logo.default(''),
  minutesMark: meetingFieldsExact.shape.minutesMark.default(''),
  minutesHeadcount: meetingFieldsExact.shape.minutesHeadcount.default(false),
}) satisfies z.ZodType<MeetingFields>;

export const meetingSchema = meetingFieldsSchema.extend({
  id: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
}) satisfies z.ZodType<Meeting>;

/** Creating needs a title and a date; the rest may come later. */
export const createMeetingInput = meetingFieldsSchema
  .partial()
  .required({ title: true, date: true })
  .strict();

export const meetingIdInput = z.object({ id: z.string().min(1) }).strict();

/** The sample meeting is held on the caller's day: the console's today, a test's fixed date. */
export const sampleMeetingInput = z.object({ date: isoDate }).strict();

/** Changes only the fields sent: no default fills in one left out (a PATCH of the title alone). */
export const updateMeetingInput = meetingFieldsExact
  .partial()
  .extend({ id: z.string().min(1) })
  .strict();

/** A copy of a meeting and its agenda; the date defaults to the original's, the title to it marked as a copy. */
export const duplicateMeetingInput = z
  .object({
    id: z.string().min(1),
    title: meetingFieldsSchema.shape.title.optional(),
    date: isoDate.optional(),
  })
  .strict();

export const meetingSummarySchema = meetingSchema.extend({
  itemCount: z.number().int(),
  plannedMinutes: z.number().int(),
});

export type MeetingFieldsInput = z.infer<typeof meetingFieldsSchema>;
export type CreateMeetingInput = z.infer<typeof createMeetingInput>;
export type UpdateMeetingInput = z.infer<typeof updateMeetingInput>;
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;
export type { Meeting };
export { SLIDE_THEMES };
