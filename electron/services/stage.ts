import type { Stage } from '../api/stage.ts';
import type { ServiceContext } from './context.ts';
import { notFound } from './errors.ts';
import { listMeetings } from './meetings.ts';
import type { runHandlers } from './run.ts';

/**
 * The meeting on stage: the one the organizer put there (by running it, opening the screens for
 * it, or 上台). Before anyone did, the meeting whose clock runs, else the first in the list, so a
 * screen opened on a fresh install still shows something.
 */
export function currentStage(ctx: ServiceContext): Stage {
  const chosen = ctx.store.stage.get();
  if (chosen) return { meetingId: chosen, chosen: true };
  const clocked = ctx.store.runs.meetingsWithClock()[0];
  const first = listMeetings(ctx).meetings.find((m) => !m.archived);
  return { meetingId: clocked ?? first?.id ?? null, chosen: false };
}

/** Puts a meeting on stage and tells every screen; nothing happens when it is there already. */
export function putOnStage(ctx: ServiceContext, meetingId: string): Stage {
  if (!ctx.store.meetings.get(meetingId)) throw notFound('meeting', meetingId);
  if (ctx.store.stage.get() === meetingId) return currentStage(ctx);
  ctx.store.transaction(() => ctx.store.stage.set(meetingId));
  const stage = currentStage(ctx);
  ctx.emit({ kind: 'stage.changed', stage });
  return stage;
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
