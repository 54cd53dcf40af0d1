import { z } from 'zod';
import type { NoticeSettings } from '../core/notice.ts';
import { isoDate } from './meeting.ts';

const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
/** A date the notice names, or '' for none (see core/notice.ts for what each leaves out). */
const dateOrNone = z.union([z.literal(''), isoDate]);

export const noticeSettingsSchema = z.object({
  addressee: text(200),
  materialsDue: dateOrNone,
  repliesDue: dateOrNone,
  /** A few lines; a notice of more than a page of requirements is not a notice. */
  requirements: text(2000),
  contactName: text(60),
  contactPhone: text(60),
  issuer: text(100),
  issuedOn: dateOrNone,
}) satisfies z.ZodType<NoticeSettings>;

/** The settings as stored, and what the notice signs with when `issuer` is left empty. */
export const noticeViewSchema = z.object({
  meetingId: z.string(),
  settings: noticeSettingsSchema,
  defaultIssuer: z.string(),
});
export type NoticeView = z.infer<typeof noticeViewSchema>;

export const updateNoticeInput = noticeSettingsSchema
  .partial()
  .extend({ id: z.string().min(1) })
  .strict();
