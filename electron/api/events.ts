import { z } from 'zod';
import { agendaItemSchema } from './agenda.ts';
import { drawRecordSchema } from './draw.ts';
import { meetingSchema } from './meeting.ts';
import { noteSchema } from './notes.ts';
import { noticeViewSchema } from './notice.ts';
import { participantSchema } from './participants.ts';
import { seatingViewSchema } from './seating.ts';
import { rosterEntrySchema } from './roster.ts';
import { revisionSchema } from './revision.ts';
import { doorPersonSchema, signInCountsSchema } from './sign-in.ts';
import { sharingStateSchema } from './sharing.ts';
import { runViewSchema } from './run.ts';
import { stageSchema } from './stage.ts';

/**
 * A heavy job on the server (an export, a meeting file import): how far it has come. Sent to
 * the organizer's screens only, when it starts, every quarter second or so, and when it ends.
 */
export const jobProgressSchema = z.object({
  id: z.string(),
  /** The meeting exported; null for a meeting file being imported (it has no id yet). */
  meetingId: z.string().nullable(),
  kind: z.enum(['export', 'import']),
  /** An export's name (`slides.pptx`…), or `meeting.roundtable` for an import. */
  name: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  /** 0 to 1. */
  fraction: z.number().min(0).max(1),
});
export type JobProgress = z.infer<typeof jobProgressSchema>;

/** Everything the server pushes over /ws. One message per change, never per tick. */
export const serverEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hello'), serverNow: z.number() }),
  /**
   * A meeting's own fields, or its agenda, changed. Each carries the revision raised for it: a
   * screen's reload of the meeting (meetings.get) read before the change may land after it.
   */
  z.object({ kind: z.literal('meeting.saved'), meeting: meetingSchema, revision: revisionSchema }),
  z.object({ kind: z.literal('meeting.deleted'), meetingId: z.string(), revision: revisionSchema }),
  z.object({
    kind: z.literal('agenda.saved'),
    meetingId: z.string(),
    items: z.array(agendaItemSchema),
    revision: revisionSchema,
  }),
  z.object({ kind: z.literal('run.changed'), run: runViewSchema }),
  z.object({ kind: z.literal('note.saved'), note: noteSchema, revision: revisionSchema }),
  z.object({ kind: z.literal('note.deleted'), note: noteSchema, revision: revisionSchema }),
  /** A lot drawing: the projector plays the reveal, the console shows the record. */
  z.object({ kind: z.literal('draw.made'), draw: drawRecordSchema }),
  /** Another meeting is on stage: every stage screen switches to it. */
  z.object({ kind: z.literal('stage.changed'), stage: stageSchema }),
  z.object({ kind: z.literal('roster.saved'), entries: z.array(rosterEntrySchema) }),
  /**
   * A meeting's seating chart changed (its plan, or its people): to every screen, since the
   * projector shows it ("请按座次入座").
   */
  z.object({ kind: z.literal('seating.changed'), seating: seatingViewSchema }),
  /** A meeting's 会议通知 settings were saved; to the organizer's screens only. */
  z.object({ kind: z.literal('notice.changed'), notice: noticeViewSchema }),
  /** A meeting's people changed; to the organizer's screens only (names and replies). */
  z.object({
    kind: z.literal('participants.changed'),
    meetingId: z.string(),
    participants: z.array(participantSchema),
    revision: revisionSchema,
  }),
  /**
   * A meeting's people as the door sees them (who is signed in, when): to the organizer's screens
   * and the sign-in devices, the only event those get.
   */
  z.object({
    kind: z.literal('door.changed'),
    meetingId: z.string(),
    people: z.array(doorPersonSchema),
    revision: revisionSchema,
  }),
  /**
   * A meeting's 应到/已签到/请假/未到 after any change to its people or their ticks: to every
   * screen but the doors (which count from their list), as it names nobody.
   */
  z.object({
    kind: z.literal('signInCounts.changed'),
    signInCounts: signInCountsSchema,
  }),
  /** Sent to the organizer only: sharing switched, or a device joined, left or was revoked. */
  z.object({ kind: z.literal('sharing.changed'), sharing: sharingStateSchema }),
  z.object({ kind: z.literal('job.progress'), job: jobProgressSchema }),
  /** The answer to a client's `ping`, for its estimate of the offset to the server clock. */
  z.object({ kind: z.literal('pong'), clientSentAt: z.number(), serverNow: z.number() }),
]);

export type ServerEvent = z.infer<typeof serverEventSchema>;
export type ServerEventKind = ServerEvent['kind'];

/** What a screen is, as it tells the server on every (re)connect. */
export const SCREEN_ROLES = ['console', 'projector', 'lectern', 'notes'] as const;
export type ScreenRole = (typeof SCREEN_ROLES)[number];

/**
 * What a screen may send over /ws besides calls (ws-rpc.ts): clock-sync pings, and which screen
 * it is (so the server knows whether a lectern screen is connected).
 */
export const clientMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ping'), clientSentAt: z.number() }),
  z.object({ kind: z.literal('screen'), role: z.enum(SCREEN_ROLES) }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;
