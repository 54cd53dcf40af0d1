import type { Stage } from '../api/stage.ts';
import type { ServiceContext } from './context.ts';
import { notFound } from './errors.ts';
import { listMeetings } from './meetings.ts';
import { currentRevision, raiseRevision } from './revisions.ts';
import type { runHandlers } from './run.ts';

/**
 * The meeting on stage: the one the organizer put there (by running it, opening the screens for
 * it, or 上台). Before anyone did, the meeting whose clock runs, else the first in the list, so a
 * screen opened on a fresh install still shows something.
 */
export function currentStage(ctx: ServiceContext): Stage {
  const revision = currentRevision(ctx);
  const chosen = ctx.store.hot.stage();
  if (chosen) return { meetingId: chosen, chosen: true, revision };
  const unarchived = listMeetings(ctx).meetings.filter((m) => !m.archived);
  const clocked = ctx.store.runs
    .meetingsWithClock()
    .find((id) => unarchived.some((m) => m.id === id));
  return { meetingId: clocked ?? unarchived[0]?.id ?? null, chosen: false, revision };
}

/** Puts a meeting on stage and tells every screen; nothing happens when it is there already. */
export function putOnStage(ctx: ServiceContext, meetingId: string): Stage {
  if (!ctx.store.hot.meetingRun(meetingId)) throw notFound('meeting', meetingId);
  if (ctx.store.hot.stage() === meetingId) return currentStage(ctx);
  ctx.store.transaction(() => ctx.store.stage.set(meetingId));
  return announceStage(ctx, currentStage(ctx));
}

/** Tells every screen the stage as it now is, at the revision this change raises it to. */
function announceStage(ctx: ServiceContext, stage: Stage): Stage {
  const announced = { ...stage, revision: raiseRevision(ctx) };
  ctx.emit({ kind: 'stage.changed', stage: announced });
  return announced;
}

export const stageHandlers = (ctx: ServiceContext) => ({
  'stage.get': (_input: unknown): Stage => currentStage(ctx),
  'stage.set': (input: { meetingId: string }): Stage => putOnStage(ctx, input.meetingId),
});

type RunHandlers = ReturnType<typeof runHandlers>;

/**
 * Running a meeting puts it on stage: a start, a next or a jump to an item, once it has
 * succeeded (a refused command changes nothing on any screen).
 */
export function runningPutsOnStage(ctx: ServiceContext, run: RunHandlers): RunHandlers {
  const staged =
    <I extends { id: string }, O>(handler: (input: I) => O) =>
    (input: I): O => {
      const result = handler(input);
      putOnStage(ctx, input.id);
      return result;
    };
  return {
    ...run,
    'run.start': staged(run['run.start']),
    'run.next': staged(run['run.next']),
    'run.goto': staged(run['run.goto']),
  };
}

const sameStage = (a: Stage, b: Stage) => a.meetingId === b.meetingId && a.chosen === b.chosen;

/** The meeting handlers whose success may change what is on stage. */
const MEETING_CHANGES = [
  'meetings.create',
  'meetings.createSample',
  'meetings.duplicate',
  'meetings.importBundle',
  'meetings.update',
  'meetings.delete',
] as const;
type MeetingChange = (typeof MEETING_CHANGES)[number];

/**
 * A new, archived or deleted meeting can change the stage without anyone choosing: the first
 * meeting of a fresh install goes on stage, and an archived or deleted one leaves it. Every
 * screen is told then, so one opened before any meeting existed follows without reconnecting.
 */
export function meetingChangesMoveStage<H extends Record<MeetingChange, (input: never) => unknown>>(
  ctx: ServiceContext,
  handlers: H,
): H {
  const announced =
    <I, O>(handler: (input: I) => O) =>
    (input: I): O => {
      const before = currentStage(ctx);
      const announce = () => {
        const after = currentStage(ctx);
        if (!sameStage(before, after)) announceStage(ctx, after);
      };
      const result = handler(input);
      if (result instanceof Promise) return result.finally(announce) as O;
      announce();
      return result;
    };
  const wrapped = { ...handlers };
  for (const name of MEETING_CHANGES) {
    (wrapped as Record<string, unknown>)[name] = announced(
      handlers[name] as (input: unknown) => unknown,
    );
  }
  return wrapped;
}
