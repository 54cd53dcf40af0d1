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

export type ItemRunStatus = 'running' | 'done' | 'skipped';

/** What happened to one agenda item during the run: the planned-vs-actual record. */
export interface ItemRun {
  itemId: string;
  status: ItemRunStatus;
  actualStartAt: number | null;
  actualEndAt: number | null;
  /** Speaking time when it ended (pauses excluded). */
  elapsedMs: number;
  addedMs: number;
}

export interface RunState {
  /** The item on stage: running when `clock` is set, cued (waiting to start) when not. */
  currentItemId: string | null;
  clock: ClockFacts | null;
  screen: ScreenMode;
  /** Shown to the speaker until cleared; empty for none. */
  message: string;
  itemRuns: Record<string, ItemRun>;
}

export const initialRunState: RunState = {
  currentItemId: null,
  clock: null,
  screen: 'live',
  message: '',
  itemRuns: {},
};

export type RunCommand =
  | { kind: 'next' }
  | { kind: 'previous' }
  | { kind: 'start' }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'stop' }
  | { kind: 'skip' }
  | { kind: 'adjust'; deltaMs: number }
  | { kind: 'goto'; itemId: string }
  | { kind: 'message'; text: string }
  | { kind: 'screen'; mode: ScreenMode };

export type RunProblem =
  'empty_agenda' | 'not_running' | 'nothing_current' | 'unknown_item' | 'at_first_item';

export type RunOutcome = { ok: true; state: RunState } | { ok: false; problem: RunProblem };

export const plannedMsOf = (item: AgendaItem) => item.plannedMinutes * 60_000;

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
  };
  return {
    ...state,
    currentItemId: item.id,
    clock: startClock(item.id, plannedMsOf(item), now),
    itemRuns: { ...state.itemRuns, [item.id]: run },
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
 * (button, keyboard shortcut, HTTP control API) ends here, through the run service.
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
      if (current && !state.clock) return ok(startItem(state, current, now));
      if (current) {
        const ended = endCurrent(state, now);
        const following = items[index + 1];
        return ok(following ? startItem(ended, following, now) : cue(ended, undefined));
      }
      const pending = firstPending(state, items);
      return pending ? ok(startItem(state, pending, now)) : fail('nothing_current');
    }
    case 'start': {
      if (state.clock) return ok(resumeIfPaused(state, now));
      return applyRunCommand(state, { kind: 'next' }, items, now);
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
      const skipped: ItemRun = {
        itemId: current.id,
        status: 'skipped',
        actualStartAt: null,
        actualEndAt: null,
        elapsedMs: 0,
        addedMs: 0,
      };
      const next = {
        ...state,
        clock: null,
        itemRuns: { ...state.itemRuns, [current.id]: skipped },
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
    case 'message':
      return ok({ ...state, message: command.text.trim() });
    case 'screen':
      return ok({ ...state, screen: command.mode });
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
 * time already spoken), so a too-early "next" costs the speaker nothing.
 */
function goBackTo(state: RunState, target: AgendaItem, now: number): RunState {
  const earlier = state.itemRuns[target.id];
  if (!earlier || earlier.status !== 'done') return cue(state, target);
  const clock = continueClock(
    target.id,
    plannedMsOf(target),
    earlier.elapsedMs,
    earlier.addedMs,
    now,
  );
  const reopened: ItemRun = { ...earlier, status: 'running', actualEndAt: null };
  return {
    ...state,
    currentItemId: target.id,
    clock,
    itemRuns: { ...state.itemRuns, [target.id]: reopened },
  };
}
