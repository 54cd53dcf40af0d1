import { z } from 'zod';
import type { HallCounts } from '../core/participants.ts';
import { participantReplySchema, participantRoleSchema } from './participants.ts';
import { revisionSchema } from './revision.ts';

/**
 * What the door (签到) sees of a person: enough to find and tick them, nothing of why someone
 * is on leave. The door device reads this and signs people in; it reads nothing else.
 */
export const doorPersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  organization: z.string(),
  position: z.string(),
  rank: z.number(),
  role: participantRoleSchema,
  reply: participantReplySchema,
  substitute: z.string(),
  signedInAt: z.number().nullable(),
  createdAt: z.number(),
});
export type DoorPerson = z.infer<typeof doorPersonSchema>;

/** The meeting the door signs people in for, with its date and planned start (late is after it). */
export const doorListSchema = z.object({
  meetingId: z.string().nullable(),
  title: z.string(),
  date: z.string(),
  startTime: z.string(),
  people: z.array(doorPersonSchema),
  /** As door.changed's: a reconnect's late answer never brings back a list a tick changed. */
  revision: revisionSchema,
});
export type DoorList = z.infer<typeof doorListSchema>;

/** Without a meeting named, the meeting on stage: a door tablet has no meeting list. */
export const doorListInput = z.object({ meetingId: z.string().min(1).optional() }).strict();

export const signInRefInput = z
  .object({ id: z.string().min(1), participantId: z.string().min(1) })
  .strict();

export const signInOutputSchema = z.object({
  meetingId: z.string(),
  person: doorPersonSchema,
  /**
   * True when the person was signed in already (another door device was quicker): nothing
   * changed, and `person.signedInAt` says when.
   */
  alreadySignedIn: z.boolean(),
});

/**
 * The figures the hall may see on the projector before the start (应到, 已签到, 请假, 未到): what
 * every screen may read, since no name, phone, reply or reason is among them.
 */
export const signInCountsSchema = z.object({
  meetingId: z.string(),
  counts: z.object({
    expected: z.number(),
    signedIn: z.number(),
    onLeave: z.number(),
    notYet: z.number(),
  }) satisfies z.ZodType<HallCounts>,
  /** The same in the read and the event: a reconnect's late answer never undoes a newer tick. */
  revision: revisionSchema,
});
export type SignInCounts = z.infer<typeof signInCountsSchema>;

/** What the door and the console need the same way as the server. */
export { attendanceOf, countAttendance, matchesDoorQuery } from '../core/participants.ts';
export type { MeetingStart } from '../core/participants.ts';
