import type { MethodParsedInput } from '../api/contract.ts';
import type { Revision } from '../api/revision.ts';
import type { RunView } from '../api/run.ts';
import { itemHeadline, type AgendaItem } from '../core/agenda.ts';
import { remainingMs, shiftClock } from '../core/clock.ts';
import type { Meeting } from '../core/meeting.ts';
import {
  applyRunCommand,
  withoutMissingItems,
  type RunCommand,
  type RunProblem,
  type RunState,
} from '../core/run.ts';
import { detail, type ApiErrorReason } from '../api/error-reasons.ts';
import type { ServiceContext } from './context.ts';
import { notFound, ServiceError } from './errors.ts';
import { currentRevision, raiseRevision } from './revisions.ts';

const PROBLEM_MESSAGES: Record<Exclude<RunProblem, 'already_spoken'>, string> = {
  empty_agenda: 'the agenda is empty: add an item first',
  not_running: "no speaker's clock is running",
  nothing_current: 'no item is on stage and none is left to start',
  unknown_item: 'that item is not on this meeting’s agenda',
  at_first_item: 'already at the first item',
  undo_closed:
    'the next speaker has started since the plan was applied: it can no longer be undone',
};

const PROBLEM_REASONS = {
  empty_agenda: 'run.emptyAgenda',
  not_running: 'run.notRunning',
  nothing_current: 'run.nothingCurrent',
  unknown_item: 'run.unknownItem',
  at_first_item: 'run.atFirstItem',
  undo_closed: 'run.finishOnTimeUndoClosed',
} as const satisfies Record<Exclude<RunProblem, 'already_spoken'>, ApiErrorReason>;

/** 409 naming the flag: a second turn is never started by a stray click or script. */
function refusal(problem: RunProblem, item: AgendaItem | undefined): ServiceError {
  if (problem !== 'already_spoken') {
    return new ServiceError('conflict', PROBLEM_MESSAGES[problem], undefined, {
      reason: PROBLEM_REASONS[problem],
    });
  }
  const name = (item && itemHeadline(item)) || 'this item';
  return new ServiceError(
    'conflict',
    `${name} has already spoken: send "again": true to run the item again (its first record is kept)`,
    'again',
    detail('run.alreadySpoken', { item: (item && itemHeadline(item)) || '' }),
  );
}

function thresholdsFor(meeting: Meeting, item: AgendaItem | undefined) {
  return {
    warningMs: (item?.warningSeconds ?? meeting.warningSeconds) * 1000,
    dangerMs: (item?.dangerSeconds ?? meeting.dangerSeconds) * 1000,
  };
}

function toView(
  meeting: Meeting,
  items: readonly AgendaItem[],
  state: RunState,
  updatedAt: number | null,
  serverStartedAt: number,
  now: number,
  revision: Revision,
): RunView {
  const current = items.find((i) => i.id === state.currentItemId);
  return {
    meetingId: meeting.id,
    currentItemId: state.currentItemId,
    clock: state.clock,
    serverNow: now,
    remainingMs: state.clock ? remainingMs(state.clock, now) : null,
    screen: state.screen,
    message: state.message,
    messageTarget: state.messageTarget,
    messageRedirected: state.messageRedirected,
    thresholds: thresholdsFor(meeting, current),
    chime: meeting.chime,
    itemRuns: Object.values(state.itemRuns),
    recovered: state.clock !== null && updatedAt !== null && updatedAt < serverStartedAt,
    adjustedLimits: { ...state.adjustedLimits },
    finishOnTimeUndoable: state.limitsBeforePlan !== null,
    revision,
  };
}

/** From memory (store.hot): SQLite is read once per meeting, not on every command. */
function load(ctx: ServiceContext, meetingId: string) {
  const held = ctx.store.hot.meetingRun(meetingId);
  if (!held) throw notFound('meeting', meetingId);
  const { meeting, items, run } = held;
  return {
    meeting,
    items,
    state: withoutMissingItems(run.state, items),
    updatedAt: run.updatedAt,
  };
}

export function getRun(ctx: ServiceContext, input: { id: string }): RunView {
  const { meeting, items, state, updatedAt } = load(ctx, input.id);
  return toView(meeting, items, state, updatedAt, ctx.startedAt, ctx.now(), currentRevision(ctx));
}

/**
 * Every run command, from any control path: the new facts and the item records are written in
 * the command's transaction, so a crash right after the answer loses nothing.
 */
export function runCommand(ctx: ServiceContext, meetingId: string, command: RunCommand): RunView {
  // Worked out from memory before the transaction opens: nothing can come between (one thread,
  // no await), and the hall is told without waiting even for BEGIN.
  const { meeting, items, state } = load(ctx, meetingId);
  const now = ctx.now();
  const outcome = applyRunCommand(state, command, items, now);
  if (!outcome.ok) {
    throw refusal(
      outcome.problem,
      items.find((i) => i.id === outcome.itemId),
    );
  }
  const revision = raiseRevision(ctx);
  const next = toView(meeting, items, outcome.state, now, ctx.startedAt, now, revision);
  // The screens are told before the row is written and committed: the hall sees the change a
  // disk write sooner. The caller's answer still waits for the commit and its flush, so nothing
  // acknowledged is ever lost; if the write fails, the screens are put back below (from memory,
  // which a rolled back transaction leaves as the record).
  ctx.emit({ kind: 'run.changed', run: next });
  try {
    ctx.store.transaction(() => ctx.store.runs.save(meetingId, outcome.state, now, state));
  } catch (error) {
    raiseRevision(ctx);
    ctx.emit({ kind: 'run.changed', run: getRun(ctx, { id: meetingId }) });
    throw error;
  }
  // Something was on stage and now nothing is, not even cued: the last item is over.
  if (state.currentItemId !== null && outcome.state.currentItemId === null) {
    ctx.runFinished(meetingId);
  }
  return next;
}

/**
 * The system clock jumped by `stepMs` (not sleep): move every stored clock by the same amount so
 * no countdown on any screen jumps.
 */
export function absorbWallStep(ctx: ServiceContext, stepMs: number): void {
  const changed = ctx.store.transaction(() =>
    ctx.store.runs.meetingsWithClock().map((meetingId) => {
      const { meeting, items, state } = load(ctx, meetingId);
      const shifted = state.clock ? { ...state, clock: shiftClock(state.clock, stepMs) } : state;
      const now = ctx.now();
      ctx.store.runs.save(meetingId, shifted, now, state);
      return toView(meeting, items, shifted, now, ctx.startedAt, now, raiseRevision(ctx));
    }),
  );
  for (const run of changed) ctx.emit({ kind: 'run.changed', run });
}

type RunInput<
  K extends
    | 'run.next'
    | 'run.start'
    | 'run.adjust'
    | 'run.goto'
    | 'run.message'
    | 'run.screen'
    | 'run.finishOnTime',
> = MethodParsedInput<K>;

export const runHandlers = (ctx: ServiceContext) => ({
  'run.get': (input: { id: string }) => getRun(ctx, input),
  'run.next': (input: RunInput<'run.next'>) =>
    runCommand(ctx, input.id, { kind: 'next', again: input.again }),
  'run.previous': (input: { id: string }) => runCommand(ctx, input.id, { kind: 'previous' }),
  'run.start': (input: RunInput<'run.start'>) =>
    runCommand(ctx, input.id, { kind: 'start', again: input.again }),
  'run.pause': (input: { id: string }) => runCommand(ctx, input.id, { kind: 'pause' }),
  'run.resume': (input: { id: string }) => runCommand(ctx, input.id, { kind: 'resume' }),
  'run.stop': (input: { id: string }) => runCommand(ctx, input.id, { kind: 'stop' }),
  'run.skip': (input: { id: string }) => runCommand(ctx, input.id, { kind: 'skip' }),
  'run.adjust': (input: RunInput<'run.adjust'>) =>
    runCommand(ctx, input.id, { kind: 'adjust', deltaMs: input.deltaMs }),
  'run.goto': (input: RunInput<'run.goto'>) =>
    runCommand(ctx, input.id, { kind: 'goto', itemId: input.itemId }),
  'run.message': (input: RunInput<'run.message'>) =>
    runCommand(ctx, input.id, {
      kind: 'message',
      text: input.text,
      target: input.target,
      projectorIfNoLectern: input.projectorIfNoLectern,
      lecternConnected: ctx.screens.lecternConnected(),
    }),
  'run.screen': (input: RunInput<'run.screen'>) =>
    runCommand(ctx, input.id, { kind: 'screen', mode: input.mode }),
  'run.finishOnTime': (input: RunInput<'run.finishOnTime'>) =>
    runCommand(ctx, input.id, { kind: 'finishOnTime', changes: input.changes }),
  'run.undoFinishOnTime': (input: { id: string }) =>
    runCommand(ctx, input.id, { kind: 'undoFinishOnTime' }),
});
