import type { AgendaItem } from './agenda.ts';
import { elapsedMs } from './clock.ts';
import type { RunState } from './run.ts';
import { computeSchedule } from './schedule.ts';

export type TimingBarState = 'pending' | 'running' | 'done' | 'skipped';

/** One agenda item in the timing chart; every length is in minutes. */
export interface TimingBar {
  itemId: string;
  /** 序号, as in the timing report. */
  number: number;
  kind: AgendaItem['kind'];
  /** Who spoke, or the item's title (茶歇, 主持人开场): the bar's short label. */
  name: string;
  state: TimingBarState;
  plannedMinutes: number;
  /** The limit the rebalancer (按时结束) set, when one was applied; null otherwise. */
  adjustedMinutes: number | null;
  /** The time the speaker was given: the adjusted limit or the planned one, plus time added. */
  limitMinutes: number;
  /** Spoken so far (running) or in all (done); null when not started or skipped. */
  actualMinutes: number | null;
  /** The part of `actualMinutes` within the limit, drawn in the normal colour. */
  withinMinutes: number;
  /** The part beyond the limit, drawn in red; 0 when none. */
  overMinutes: number;
}

/** When the leader's speech began (or is now expected to) against when it was planned to. */
export interface LeaderStart {
  itemId: string;
  name: string;
  plannedStartAt: number;
  /** The actual start, or the projected one while it is still to come; null if skipped. */
  startAt: number | null;
  /** True while `startAt` is a projection, not a fact. */
  projected: boolean;
  /** Positive: late by this many minutes; negative: early. Null when skipped. */
  lateMinutes: number | null;
}

export interface TimingChart {
  bars: TimingBar[];
  /** The axis runs from 0 to this many minutes. */
  scaleMinutes: number;
  /** Minute marks along the axis, 0 included. */
  ticks: number[];
  leaderStart: LeaderStart | null;
}

const MINUTE_MS = 60_000;
const TICK_STEPS = [1, 2, 5, 10, 15, 20, 30, 60];
const MAX_TICKS = 8;

/** Minutes to the second, kept to two decimals so the numbers read back as typed. */
const toMinutes = (ms: number) => Math.round((ms / MINUTE_MS) * 100) / 100;

/** The smallest round step that marks the axis with no more than MAX_TICKS intervals. */
function axisOf(longestMinutes: number): { scaleMinutes: number; ticks: number[] } {
  const longest = Math.max(1, longestMinutes);
  const step = TICK_STEPS.find((s) => longest / s <= MAX_TICKS) ?? 60;
  const scaleMinutes = Math.ceil(longest / step) * step;
  const ticks = Array.from({ length: scaleMinutes / step + 1 }, (_, i) => i * step);
  return { scaleMinutes, ticks };
}

/**
 * Planned against actual for every item, from the same run record and schedule as the timing
 * report. `adjustedMinutes` maps an item's id to the limit a finish-on-time plan gave it (the
 * run's adjustedLimits). `now` measures the speech still running.
 */
export function timingChart(
  items: readonly AgendaItem[],
  plannedStartAt: number,
  run: Pick<RunState, 'clock' | 'itemRuns'>,
  now: number,
  adjustedMinutes: Readonly<Record<string, number>> = {},
): TimingChart {
  const schedule = computeSchedule(items, plannedStartAt, run, now);
  const bars = items.map((item, index): TimingBar => {
    const record = run.itemRuns[item.id];
    const state: TimingBarState = record?.status ?? 'pending';
    const running = state === 'running' && run.clock?.itemId === item.id ? run.clock : null;
    const spokenMs = running ? elapsedMs(running, now) : (record?.elapsedMs ?? 0);
    const addedMs = running ? running.addedMs : (record?.addedMs ?? 0);
    const adjusted = adjustedMinutes[item.id] ?? null;
    const limitMinutes = toMinutes((adjusted ?? item.plannedMinutes) * MINUTE_MS + addedMs);
    const actualMinutes = state === 'done' || state === 'running' ? toMinutes(spokenMs) : null;
    const overMinutes =
      actualMinutes === null ? 0 : Math.max(0, toMinutes(spokenMs - limitMinutes * MINUTE_MS));
    return {
      itemId: item.id,
      number: index + 1,
      kind: item.kind,
      name: item.kind === 'break' || !item.speaker ? item.title || item.speaker : item.speaker,
      state,
      plannedMinutes: item.plannedMinutes,
      adjustedMinutes: adjusted,
      limitMinutes,
      actualMinutes,
      withinMinutes:
        actualMinutes === null ? 0 : Math.max(0, Math.min(actualMinutes, limitMinutes)),
      overMinutes,
    };
  });

  const longest = Math.max(
    ...bars.map((b) => Math.max(b.plannedMinutes, b.limitMinutes, b.actualMinutes ?? 0)),
  );
  const leaderIndex = items.findIndex((item) => item.kind === 'leader');
  const leaderRow = schedule.rows[leaderIndex];
  const leaderBar = bars[leaderIndex];
  let leaderStart: LeaderStart | null = null;
  if (leaderRow && leaderBar) {
    const startAt = leaderRow.actualStartAt ?? leaderRow.projectedStartAt;
    leaderStart = {
      itemId: leaderRow.itemId,
      name: leaderBar.name,
      plannedStartAt: leaderRow.plannedStartAt,
      startAt,
      projected: leaderRow.actualStartAt === null && startAt !== null,
      lateMinutes: startAt === null ? null : toMinutes(startAt - leaderRow.plannedStartAt),
    };
  }
  return { bars, ...axisOf(longest), leaderStart };
}
