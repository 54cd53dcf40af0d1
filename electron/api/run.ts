import { z } from 'zod';
import type { ClockFacts } from '../core/clock.ts';
import { MESSAGE_TARGETS, SCREEN_MODES, type ItemRun } from '../core/run.ts';
import { revisionSchema } from './revision.ts';

export const clockFactsSchema = z.object({
  itemId: z.string(),
  plannedMs: z.number(),
  startedAt: z.number(),
  addedMs: z.number(),
  pausedAt: z.number().nullable(),
  pausedMs: z.number(),
}) satisfies z.ZodType<ClockFacts>;

export const screenModeSchema = z.enum(SCREEN_MODES);
export const messageTargetSchema = z.enum(MESSAGE_TARGETS);

export const itemRunSchema = z.object({
  itemId: z.string(),
  status: z.enum(['running', 'done', 'skipped']),
  actualStartAt: z.number().nullable(),
  actualEndAt: z.number().nullable(),
  elapsedMs: z.number(),
  addedMs: z.number(),
  turns: z.number(),
}) satisfies z.ZodType<ItemRun>;

/**
 * A meeting's run as every screen sees it: facts, not ticks. `remainingMs` is computed at
 * `serverNow` for clients that do not compute (remote controllers); screens compute it
 * themselves every frame from `clock` and their offset to the server clock.
 */
export const runViewSchema = z.object({
  meetingId: z.string(),
  currentItemId: z.string().nullable(),
  clock: clockFactsSchema.nullable(),
  serverNow: z.number(),
  remainingMs: z.number().nullable(),
  screen: screenModeSchema,
  message: z.string(),
  /** Which screens show the message (see `messageShownOn`). */
  messageTarget: messageTargetSchema,
  /** Sent to the lectern, but no lectern screen was connected: on the projector instead. */
  messageRedirected: z.boolean(),
  /** Effective thresholds of the current item (the item's own, else the meeting's). */
  thresholds: z.object({ warningMs: z.number(), dangerMs: z.number() }),
  chime: z.boolean(),
  itemRuns: z.array(itemRunSchema),
  /** The clock was restored from the database after a restart, not set by this server. */
  recovered: z.boolean(),
  /** A finish-on-time plan's limits in minutes by item id; {} when none was applied. */
  adjustedLimits: z.record(z.string(), z.number()),
  /** The last plan can still be undone: the next speaker has not started since. */
  finishOnTimeUndoable: z.boolean(),
  /**
   * Which of a reload and an event is newer. Not `serverNow`: the wall clock may step back
   * (the server absorbs the step), and a later change would then look older than the one held.
   */
  revision: revisionSchema,
});
export type RunView = z.infer<typeof runViewSchema>;

const meetingRef = z.object({ id: z.string().min(1) }).strict();
export const runMeetingInput = meetingRef;
/** `next` and `start`: `again: true` confirms running an item that already finished. */
export const runStartInput = meetingRef.extend({ again: z.boolean().optional() });
export const runAdjustInput = meetingRef.extend({
  deltaMs: z
    .number({ error: 'a whole number of milliseconds' })
    .int('a whole number of milliseconds')
    .refine((n) => n !== 0, 'must not be 0')
    .refine((n) => Math.abs(n) <= 3_600_000, 'at most one hour either way'),
});
export const runGotoInput = meetingRef.extend({ itemId: z.string().min(1) });
export const runMessageInput = meetingRef.extend({
  text: z.string().max(200, 'at most 200 characters'),
  /** The speaker's lectern screen unless the organizer says otherwise. */
  target: messageTargetSchema.default('lectern'),
  /** With target 'lectern': when no lectern screen is connected, show it on the projector. */
  projectorIfNoLectern: z.boolean().default(true),
});
export const runScreenInput = meetingRef.extend({ mode: screenModeSchema });

/** A speaker's adjusted limit: whole or half minutes (the planner rounds to half minutes). */
export const limitMinutesSchema = z
  .number()
  .min(0.5, 'at least half a minute')
  .max(600, 'at most 600 minutes')
  .refine((n) => Number.isInteger(n * 2), 'whole or half minutes');
/** 按时结束: the plan's new limits (core/finish-on-time.ts computes them), applied together. */
export const runFinishOnTimeInput = meetingRef.extend({
  changes: z
    .array(z.object({ itemId: z.string().min(1), toMinutes: limitMinutesSchema }).strict())
    .min(1, 'at least one change')
    .max(500),
});

export type ScreenMode = z.infer<typeof screenModeSchema>;

/** Pure helpers every screen computes with, exactly as the server does. */
export {
  clockPhase,
  elapsedMs,
  formatCountdown,
  nextDisplayChangeIn,
  remainingMs,
  type ClockFacts,
  type ClockPhase,
} from '../core/clock.ts';
export { computeSchedule, type Schedule, type ScheduleRow } from '../core/schedule.ts';
export { firstActualStartAt, scheduleBaseline, startedFarFromPlan } from '../core/rehearsal.ts';
export { startedOnAnotherDay, timingBaseline } from '../core/timing-baseline.ts';
export { limitMsOf, messageShownOn, type MessageTarget } from '../core/run.ts';
export {
  DEFAULT_FLOOR_MINUTES,
  planFinishOnTime,
  type FinishOnTimePlan,
  type ShareMode,
} from '../core/finish-on-time.ts';
