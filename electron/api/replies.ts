import { z } from 'zod';
import {
  REPLY_FIELDS,
  type ReplyChange,
  type ReplyProblem,
  type ReplyRow,
} from '../core/replies.ts';
import { fileBytes } from './bundle.ts';
import { TEXT_ENCODINGS } from './import.ts';
import { participantListSchema, PHONE_MAX } from './participants.ts';

export { REPLY_FIELDS };

const text = (max: number) => z.string().max(max, `at most ${max} characters`);
const answered = z.enum(['attending', 'leave', 'substitute']);

/** One reply as read from a file; the same limits as the participant it changes. */
export const replyRowSchema = z
  .object({
    row: z.number().int().min(1),
    organization: text(120),
    name: text(60).min(1),
    phone: text(PHONE_MAX),
    reply: answered,
    leaveReason: text(200),
    substitute: text(60),
  })
  .strict() satisfies z.ZodType<ReplyRow>;

export const replyProblemSchema = z.object({
  file: z.string(),
  row: z.number().nullable(),
  column: z.string().nullable(),
  code: z.enum([
    'missingColumn',
    'noRows',
    'emptyName',
    'badAnswer',
    'noSubstitute',
    'tooLong',
    'unknownPerson',
    'ambiguousPerson',
    'conflict',
  ]),
  value: z.string(),
  other: z.object({ file: z.string(), row: z.number() }).optional(),
}) satisfies z.ZodType<ReplyProblem>;

/** One returned 回执 file, sent as its bytes (one request a file). */
export const readRepliesInput = z
  .object({
    id: z.string().min(1),
    file: fileBytes,
    fileName: z.string().max(255).optional(),
    encoding: z.enum(TEXT_ENCODINGS).optional(),
  })
  .strict();

export const readRepliesOutput = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  replies: z.array(replyRowSchema),
  problems: z.array(replyProblemSchema),
});
export type RepliesRead = z.infer<typeof readRepliesOutput>;

/** The files read, to be checked together against the list, and then imported. */
export const replyFilesInput = z
  .object({
    id: z.string().min(1),
    files: z
      .array(
        z.object({
          file: z.string().max(255),
          replies: z.array(replyRowSchema).max(5000),
        }),
      )
      .min(1)
      .max(50),
  })
  .strict();

export const replyChangeSchema = z.object({
  participantId: z.string(),
  name: z.string(),
  organization: z.string(),
  from: z.enum(['none', 'attending', 'leave', 'substitute']),
  reply: answered,
  leaveReason: z.string(),
  substitute: z.string(),
  phone: z.string(),
  file: z.string(),
  row: z.number(),
}) satisfies z.ZodType<ReplyChange>;

export const replyPlanSchema = z.object({
  changes: z.array(replyChangeSchema),
  problems: z.array(replyProblemSchema),
});
export type ReplyPlan = z.infer<typeof replyPlanSchema>;

export const importRepliesOutput = participantListSchema.extend({ changed: z.number() });
