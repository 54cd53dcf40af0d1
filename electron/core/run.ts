import type { AgendaItem } from './agenda.ts';
import {
  adjustClock,
  continueClock,
  elapsedMs,
  pauseClock,
  resumeClock,
  startClock,
  type ClockFacts,
} from './clock.ts';

export const SCREEN_MODES = ['live', 'blackout', 'logo'] as const;
export type ScreenMode = (typeof SCREEN_MODES)[number];

/**
 * 'skipped' means never started. A speaker cut short (skip or stop while talking) is 'done' with
 * the time they spoke: the record says what happened, the planned time shows it was short.
 */
export type ItemRunStatus = 'running' | 'done' | 'skipped';

/**
 * Where an organizer's message shows: the lectern screen (the speaker's), the projector (the
 * hall's), or both.
 */
export const MESSAGE_TARGETS = ['lectern', 'projector', 'both'] as const;
export type MessageTarget = (typeof MESSAGE_TARGETS)[number];

/** Whether `screen` shows a message sent to `target`. */
export const messageShownOn = (target: MessageTarget, screen: 'lectern' | 'projector') =>
  target === 'both' || target === screen;

/**
 * What happened to one agenda item during the run: the planned-vs-actual record. An item run
 * again after it finished keeps one record across its turns: the first turn's start, the last
 * turn's end, and the speaking and added time of all turns together.
 */
export interface ItemRun {
  itemId: string;
  status: ItemRunStatus;
  actualStartAt: number | null;
  actualEndAt: number | null;
  /** Speaking time of every turn so far (pauses and the gaps between turns excluded). */
  elapsedMs: number;
  addedMs: number;
  /** How many times the item was started: 0 when skipped, 2 once it was run again. */
  turns: number;
}

/** The record of a speaker skipped before they started: no time, no turns. */
export function skippedItemRun(itemId: string): ItemRun {
  return {
    itemId,
    status: 'skipped',
    actualStartAt: null,
    actualEndAt: null,
    elapsedMs: 0,
    addedMs: 0,
    turns: 0,
  };
}

export interface RunState {
  /** The item on stage: running when `clock` is set, cued (waiting to start) when not. */
  currentItemId: string | null;
  clock: ClockFacts | null;
  screen: ScreenMode;
  /** Shown until cleared; empty for none. */
  message: string;
  /** Which screens show `message`. */
  messageTarget: MessageTarget;
  /** Meant for the lectern screen, but none was connected: shown on the projector instead. */
  messageRedirected: boolean;
  itemRuns: Record<string, ItemRun>;
  /** The finish-on-time plan's limits in minutes by item id (issue 17); {} when none applied. */
  adjustedLimits: AdjustedLimits;
  /**
   * The limits before the last plan was applied, kept so it can be undone; null once the next
   * speaker started (the plan is then in use) or when there is nothing to undo.
   */
  limitsBeforePlan: AdjustedLimits | null;
}

export const initialRunState: RunState = {
  currentItemId: null,
  clock: null,
  screen: 'live',
  message: '',
  messageTarget: 'lectern',
  messageRedirected: false,
  itemRuns: {},
  adjustedLimits: {},
  limitsBeforePlan: null,
};

/**
 * `again` confirms running an item that already finished (a second turn): without it the
 * command is refused, so no click or script re-runs a speaker by accident.
 */
export type RunCommand =
  | { kind: 'next'; again?: boolean }
  | { kind: 'previous' }
  | { kind: 'start'; again?: boolean }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'stop' }
  | { kind: 'skip' }
  | { kind: 'adjust'; deltaMs: number }
  | { kind: 'goto'; itemId: string }
  | {
      kind: 'message';
      text: string;
      target: MessageTarget;
      /** With target 'lectern': show it on the projector when no lectern screen is connected. */
      projectorIfNoLectern: boolean;
      /** A fact from the server: whether any lectern screen is connected now. */
      lecternConnected: boolean;
    }
  | { kind: 'screen'; mode: ScreenMode }
  /** Applies a finish-on-time plan's new limits (core/finish-on-time.ts), all at once. */
  | { kind: 'finishOnTime'; changes: readonly { itemId: string; toMinutes: number }[] }
  | { kind: 'undoFinishOnTime' };

export type RunProblem =
  | 'empty_agenda'
  | 'not_running'
  | 'nothing_current'
  | 'unknown_item'
  | 'at_first_item'
  /** The item to start already finished, and the command did not say `again`. */
  | 'already_spoken'
  /** Undoing a finish-on-time plan after the next speaker started, or with none applied. */
  | 'undo_closed';

export type RunOutcome =
  | { ok: true; state: RunState }
  /** `itemId`: the item the problem is about (the one that already spoke). */
  | { ok: false; problem: RunProblem; itemId?: string };

export const plannedMsOf = (item: AgendaItem) => item.plannedMinutes * 60_000;

/**
 * Adjusted limits in minutes by item id (按时结束, issue 17): an item absent keeps its planned
 * minutes.
 */
export type AdjustedLimits = Readonly<Record<string, number>>;

/** The speaker's limit: the adjusted one when a finish-on-time plan set it, else the planned. */
export const limitMsOf = (item: AgendaItem, limits: AdjustedLimits) => {
  const adjusted = limits[item.id];
  return adjusted === undefined ? plannedMsOf(item) : adjusted * 60_000;
};

function endCurrent(state: RunState, now: number, status: ItemRunStatus = 'done'): RunState {
  const { clock, currentItemId } = state;
  if (!clock || !currentItemId) return state;
  const previous = state.itemRuns[currentItemId];
  const ended: ItemRun = {
    itemId: currentItemId,
    status,
    actualStartAt: previous?.actualStartAt ?? clock.startedAt,
    actualEndAt: now,
    elapsedMs: elapsedMs(clock, now),
    addedMs: clock.addedMs,
    turns: previous?.turns ?? 1,
  };
  return { ...state, clock: null, itemRuns: { ...state.itemRuns, [currentItemId]: ended } };
}

function startItem(state: RunState, item: AgendaItem, now: number): RunState {
  const run: ItemRun = {
    itemId: item.id,
    status: 'running',
    actualStartAt: now,
    actualEndAt: null,
    elapsedMs: 0,
    addedMs: 0,
    turns: 1,
  };
  return {
    ...state,
    currentItemId: item.id,
    clock: startClock(item.id, limitMsOf(item, state.adjustedLimits), now),
    itemRuns: { ...state.itemRuns, [item.id]: run },
    limitsBeforePlan: null,
  };
}

/**
 * Starts `item`, or refuses when it already finished and `again` was not said. A second turn
 * continues the item's clock and record where the first ended (as going back does): the time
 * spoken adds up and the first start stays, so nothing recorded is overwritten.
 */
function startOrRunAgain(
  state: RunState,
  item: AgendaItem,
  now: number,
  again: boolean | undefined,
): RunOutcome {
  const earlier = state.itemRuns[item.id];
  if (earlier?.status !== 'done') return { ok: true, state: startItem(state, item, now) };
  if (!again) return { ok: false, problem: 'already_spoken', itemId: item.id };
  return { ok: true, state: reopen(state, item, { ...earlier, turns: earlier.turns + 1 }, now) };
}

/** The finished item on stage again, its clock continuing from the time already spoken. */
function reopen(state: RunState, item: AgendaItem, earlier: ItemRun, now: number): RunState {
  const limitMs = limitMsOf(item, state.adjustedLimits);
  const clock = continueClock(item.id, limitMs, earlier.elapsedMs, earlier.addedMs, now);
  const reopened: ItemRun = { ...earlier, status: 'running', actualEndAt: null };
  return {
    ...state,
    currentItemId: item.id,
    clock,
    itemRuns: { ...state.itemRuns, [item.id]: reopened },
    limitsBeforePlan: null,
  };
}

const cue = (state: RunState, item: AgendaItem | undefined): RunState => ({
  ...state,
  currentItemId: item?.id ?? null,
  clock: null,
});

/** The first item that has neither been spoken nor skipped. */
function firstPending(state: RunState, items: readonly AgendaItem[]) {
  return items.find((i) => !state.itemRuns[i.id] || state.itemRuns[i.id]?.status === 'running');
}

/**
 * Applies one organizer command. `items` is the agenda in speaking order. Every control path
 * (button, keyboard shortcut, HTTP control API) ends here, through the run service. A clock
 * started here counts down the item's adjusted limit when a finish-on-time plan set one.
 */
export function applyRunCommand(
  state: RunState,
  command: RunCommand,
  items: readonly AgendaItem[],
  now: number,
): RunOutcome {
  const ok = (next: RunState): RunOutcome => ({ ok: true, state: next });
  const fail = (problem: RunProblem): RunOutcome => ({ ok: false, problem });
  const index = items.findIndex((i) => i.id === state.currentItemId);
  const current = index >= 0 ? items[index] : undefined;

  switch (command.kind) {
    case 'next': {
      if (items.length === 0) return fail('empty_agenda');
      // A cued item is "the next one": start it. A running one ends and the following starts.
      if (current && !state.clock) return startOrRunAgain(state, current, now, command.again);
      if (current) {
        const ended = endCurrent(state, now);
        const following = items[index + 1];
        if (!following) return ok(cue(ended, undefined));
        return startOrRunAgain(ended, following, now, command.again);
      }
      const pending = firstPending(state, items);
      return pending ? ok(startItem(state, pending, now)) : fail('nothing_current');
    }
    case 'start': {
      if (state.clock) return ok(resumeIfPaused(state, now));
      return applyRunCommand(state, { kind: 'next', again: command.again }, items, now);
    }
    case 'pause':
      return state.clock
        ? ok({ ...state, clock: pauseClock(state.clock, now) })
        : fail('not_running');
    case 'resume':
      return state.clock ? ok(resumeIfPaused(state, now)) : fail('not_running');
    case 'stop': {
      if (!state.clock || !current) return fail('not_running');
      return ok(cue(endCurrent(state, now), items[index + 1]));
    }
    case 'skip': {
      if (!current) return fail('nothing_current');
      // Skipping a speaker who is talking ends their turn and keeps the time spoken; one cued
      // after they finished keeps their record. Only one who never started is 'skipped'.
      if (state.clock) return ok(cue(endCurrent(state, now), items[index + 1]));
      if (state.itemRuns[current.id]?.status === 'done') return ok(cue(state, items[index + 1]));
      const next = {
        ...state,
        itemRuns: { ...state.itemRuns, [current.id]: skippedItemRun(current.id) },
      };
      return ok(cue(next, items[index + 1]));
    }
    case 'adjust':
      return state.clock
        ? ok({ ...state, clock: adjustClock(state.clock, command.deltaMs) })
        : fail('not_running');
    case 'goto': {
      const target = items.find((i) => i.id === command.itemId);
      if (!target) return fail('unknown_item');
      return ok(cue(endCurrent(state, now), target));
    }
    case 'previous': {
      const at = index >= 0 ? index : lastSpokenIndex(state, items);
      if (at <= 0 && index >= 0) return fail('at_first_item');
      const target = index >= 0 ? items[at - 1] : items[at];
      if (!target) return fail('at_first_item');
      return ok(goBackTo(endCurrent(state, now), target, now));
    }
    case 'message': {
      const text = command.text.trim();
      const redirected =
        text !== '' &&
        command.target === 'lectern' &&
        command.projectorIfNoLectern &&
        !command.lecternConnected;
      return ok({
        ...state,
        message: text,
        messageTarget: redirected ? 'projector' : command.target,
        messageRedirected: redirected,
      });
    }
    case 'screen':
      return ok({ ...state, screen: command.mode });
    case 'finishOnTime': {
      const known = new Set(items.map((i) => i.id));
      if (command.changes.some((c) => !known.has(c.itemId))) return fail('unknown_item');
      const adjustedLimits = { ...state.adjustedLimits };
      for (const change of command.changes) adjustedLimits[change.itemId] = change.toMinutes;
      return ok({ ...state, adjustedLimits, limitsBeforePlan: state.adjustedLimits });
    }
    case 'undoFinishOnTime':
      // Once the next speaker started, the plan is in use on the screens and in the record.
      if (!state.limitsBeforePlan) return fail('undo_closed');
      return ok({ ...state, adjustedLimits: state.limitsBeforePlan, limitsBeforePlan: null });
    default:
      command satisfies never;
      return fail('not_running');
  }
}

function resumeIfPaused(state: RunState, now: number): RunState {
  return state.clock ? { ...state, clock: resumeClock(state.clock, now) } : state;
}

function lastSpokenIndex(state: RunState, items: readonly AgendaItem[]): number {
  for (let i = items.length - 1; i >= 0; i--) {
    if (state.itemRuns[(items[i] as AgendaItem).id]?.status === 'done') return i;
  }
  return -1;
}

/**
 * Going back reopens the earlier speaker where they stopped (their clock continues from the
 * time already spoken), so a too-early "next" costs the speaker nothing. It undoes that "next",
 * so it is the same turn, not a second one, and needs no `again`.
 */
function goBackTo(state: RunState, target: AgendaItem, now: number): RunState {
  const earlier = state.itemRuns[target.id];
  if (!earlier || earlier.status !== 'done') return cue(state, target);
  return reopen(state, target, earlier, now);
}

/**
 * An agenda edit may have removed the item on stage (its row in the run is not a foreign key):
 * the run then has nothing on stage. Applied wherever the stored run is read, the commands and
 * the meeting file alike, so a file never names an item it does not carry.
 */
export function withoutMissingItems(state: RunState, items: readonly AgendaItem[]): RunState {
  const ids = new Set(items.map((i) => i.id));
  if (state.currentItemId === null || ids.has(state.currentItemId)) return state;
  return { ...state, currentItemId: null, clock: null };
}
