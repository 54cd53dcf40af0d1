import { z } from 'zod';
import {
  PARTICIPANT_REPLIES,
  PARTICIPANT_ROLES,
  type Participant,
  type ParticipantFields,
} from '../core/participants.ts';
import { revisionSchema } from './revision.ts';

const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);

/** 联系电话's limit: far past any number with an area code, an extension and a second number. */
export const PHONE_MAX = 40;

/** The most people one meeting lists: a 座谈会 has dozens; a whole district's cadres fit. */
export const PARTICIPANTS_MAX = 500;

export const participantRoleSchema = z.enum(PARTICIPANT_ROLES);
export const participantReplySchema = z.enum(PARTICIPANT_REPLIES);

export const participantRank = z
  .number({ error: 'a whole number' })
  .int('a whole number')
  .min(1, 'at least 1')
  .max(10_000, 'at most 10000');

/** The same limits as a roster entry and an agenda speaker, so a name fits everywhere it goes. */
export const participantFieldsSchema = z.object({
  name: text(60).min(1, 'must not be empty'),
  organization: text(120),
  position: text(60),
  /** A landline with its area code and extension (0755-12345678转8001) or a mobile fits. */
  phone: text(PHONE_MAX),
  rank: participantRank,
  role: participantRoleSchema,
  reply: participantReplySchema,
  leaveReason: text(200),
  substitute: text(60),
}) satisfies z.ZodType<ParticipantFields>;

export const participantSchema = participantFieldsSchema.extend({
  id: z.string(),
  meetingId: z.string(),
  signedInAt: z.number().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
}) satisfies z.ZodType<Participant>;

export const participantListSchema = z.object({
  meetingId: z.string(),
  participants: z.array(participantSchema),
  /**
   * As participants.changed's: a reconnect's late answer never brings back a list another
   * screen changed meanwhile (the console keeps the newer, renderer/api/newerRevision.ts).
   */
  revision: revisionSchema,
});
export type ParticipantList = z.infer<typeof participantListSchema>;

/** Only the name is needed; a new person goes last, as 出席, with no reply yet. */
export const addParticipantInput = participantFieldsSchema
  .partial()
  .required({ name: true })
  .extend({ id: z.string().min(1) })
  .strict();

export const updateParticipantInput = participantFieldsSchema
  .partial()
  .extend({ id: z.string().min(1), participantId: z.string().min(1) })
  .strict();

export const participantRefInput = z
  .object({ id: z.string().min(1), participantId: z.string().min(1) })
  .strict();

/** The whole list in its new order: ranks become 1, 2, 3… */
export const reorderParticipantsInput = z
  .object({
    id: z.string().min(1),
    participantIds: z.array(z.string().min(1)).max(PARTICIPANTS_MAX),
  })
  .strict();

/** Finds people by name, organization or substitute, in every meeting or one. */
export const searchParticipantsInput = z
  .object({
    q: z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters'),
    meetingId: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .strict();

const ranges = z.array(z.tuple([z.number(), z.number()]));

export const participantHitSchema = z.object({
  meetingId: z.string(),
  meetingTitle: z.string(),
  meetingDate: z.string(),
  participantId: z.string(),
  name: z.string(),
  organization: z.string(),
  position: z.string(),
  role: participantRoleSchema,
  substitute: z.string(),
  /** [start, end) ranges that matched, per field, to highlight. */
  highlights: z.object({ name: ranges, organization: ranges, substitute: ranges }),
});
export type ParticipantHit = z.infer<typeof participantHitSchema>;

export type AddParticipantInput = z.infer<typeof addParticipantInput>;
export type UpdateParticipantInput = z.infer<typeof updateParticipantInput>;
export type { Participant };
export type { ParticipantReply, ParticipantRole } from '../core/participants.ts';
/** What the console needs the same way as the server. */
export {
  byRank,
  countAttendance,
  PARTICIPANT_REPLIES,
  PARTICIPANT_ROLES,
} from '../core/participants.ts';
