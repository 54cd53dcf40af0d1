import type { AgendaItem } from './agenda.ts';
import { remainingMs } from './clock.ts';
import { plannedMsOf, type RunState } from './run.ts';

/**
 * 按时结束: when the exchange speeches run late, new limits for the speeches still to come that
 * bring the next fixed point (the leader's concluding speech, or the meeting's planned end) back
 * to its planned time. Limits are whole half minutes, never above a speech's current limit and
 * never below the organizer's floor; when even the floor cannot make it, the plan says by how much.
 */

export const SHARE_MODES = ['equal', 'proportional'] as const;
export type ShareMode = (typeof SHARE_MODES)[number];

export interface FinishOnTimeOptions {
  /** Equal: the same limit for everyone. Proportional: each in proportion to their current limit. */
  mode: ShareMode;
  /** No speech is cut below this (minutes), unless its limit was already lower. */
  floorMinutes: number;
}

export const DEFAULT_FLOOR_MINUTES = 5;

export interface LimitChange {
  itemId: string;
  fromMinutes: number;
  toMinutes: number;
}

export type FinishOnTimePlan =
  | { kind: 'on_time'; lateMs: number }
  /** Late, but no exchange speech is left before the fixed point to shorten. */
  | { kind: 'nothing_to_shorten'; lateMs: number; targetItemId: string | null }
  | {
      kind: 'plan';
      /** The leader's speech the plan protects, or null for the meeting's planned end. */
      targetItemId: string | null;
      targetPlannedAt: number;
      /** When the fixed point would come without the plan. */
      targetProjectedAt: number;
      lateMs: number;
      changes: LimitChange[];
      /** How late the fixed point still comes with the plan: 0 when it makes it. */
      stillLateMs: number;
      /** The longest new limit: what the presider asks the remaining speakers to keep within. */
      presiderMinutes: number;
    };

const HALF_MINUTE_MS = 30_000;

/** A speech's limit now: its adjusted limit where one was applied, its planned minutes otherwise. */
const limitOf = (item: AgendaItem, limits: Readonly<Record<string, number>>) =>
  limits[item.id] ?? item.plannedMinutes;

/**
 * `limits` holds the limits already applied by an earlier plan (minutes by item id); the fixed
 * point's planned time always comes from the agenda's own planned minutes.
 */
export function planFinishOnTime(
  items: readonly AgendaItem[],
  plannedStartAt: number,
  run: Pick<RunState, 'clock' | 'itemRuns'>,
  now: number,
  limits: Readonly<Record<string, number>>,
  options: FinishOnTimeOptions,
): FinishOnTimePlan {
  const pending = (item: AgendaItem) => !run.itemRuns[item.id] && run.clock?.itemId !== item.id;
  const target = items.find((item) => item.kind === 'leader' && pending(item)) ?? null;
  const before = target ? items.slice(0, items.indexOf(target)) : items;

  const targetPlannedAt = plannedStartAt + before.reduce((sum, item) => sum + plannedMsOf(item), 0);
  const started = Object.values(run.itemRuns).some((r) => r.actualStartAt !== null);
  let projected = run.clock
    ? now + Math.max(0, remainingMs(run.clock, now))
    : started
      ? now
      : Math.max(now, plannedStartAt);
  for (const item of before) if (pending(item)) projected += limitOf(item, limits) * 60_000;
  const lateMs = projected - targetPlannedAt;
  if (lateMs <= 0) return { kind: 'on_time', lateMs };

  const shortenable = before.filter((item) => item.kind === 'exchange' && pending(item));
  if (shortenable.length === 0) {
    return { kind: 'nothing_to_shorten', lateMs, targetItemId: target?.id ?? null };
  }

  const caps = shortenable.map((item) =>
    Math.floor((limitOf(item, limits) * 60_000) / HALF_MINUTE_MS),
  );
  const floorUnits = Math.ceil((options.floorMinutes * 60_000) / HALF_MINUTE_MS);
  const mins = caps.map((cap) => Math.min(cap, floorUnits));
  const currentMs = shortenable.reduce((sum, item) => sum + limitOf(item, limits) * 60_000, 0);
  const budgetUnits = Math.floor((currentMs - lateMs) / HALF_MINUTE_MS);

  const units =
    sum(mins) >= budgetUnits
      ? mins
      : options.mode === 'equal'
        ? equalShares(caps, mins, budgetUnits)
        : proportionalShares(caps, mins, budgetUnits);
  const newMs = sum(units) * HALF_MINUTE_MS;
  const changes = shortenable.map((item, i) => ({
    itemId: item.id,
    fromMinutes: limitOf(item, limits),
    toMinutes: (units[i] as number) / 2,
  }));
  return {
    kind: 'plan',
    targetItemId: target?.id ?? null,
    targetPlannedAt,
    targetProjectedAt: projected,
    lateMs,
    changes,
    stillLateMs: Math.max(0, lateMs - (currentMs - newMs)),
    presiderMinutes: Math.max(...changes.map((c) => c.toMinutes)),
  };
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(high, value));

/** The highest common level that fits the budget; those below the floor keep the floor. */
function equalShares(caps: number[], mins: number[], budget: number): number[] {
  let level = Math.max(...caps);
  while (level > 0 && sum(caps.map((cap, i) => clamp(level, mins[i] as number, cap))) > budget) {
    level--;
  }
  return caps.map((cap, i) => clamp(level, mins[i] as number, cap));
}

/**
 * Each in proportion to its current limit, rounded down to half minutes; a share that would fall
 * below the floor is held at it and the others share what is left.
 */
function proportionalShares(caps: number[], mins: number[], budget: number): number[] {
  const held = new Set<number>();
  for (;;) {
    const free = caps.map((_, i) => i).filter((i) => !held.has(i));
    const freeBudget = budget - sum([...held].map((i) => mins[i] as number));
    const ratio = freeBudget / sum(free.map((i) => caps[i] as number));
    const below = free.filter((i) => Math.floor((caps[i] as number) * ratio) < (mins[i] as number));
    if (below.length === 0) {
      return caps.map((cap, i) => (held.has(i) ? (mins[i] as number) : Math.floor(cap * ratio)));
    }
    for (const i of below) held.add(i);
  }
}
