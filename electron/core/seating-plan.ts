/**
 * A meeting's seating plan (座次): the organizer's few choices on top of the rule in seating.ts,
 * and the people placed by it. The model an organizer of a 座谈会 thinks in: "the first N by rank
 * sit at the head (主席台 or the table's head), the other 出席 at the table (or in the front
 * rows), 列席 behind"; and "these two change seats". Staff (工作人员) and those on leave get no
 * seat; someone sending a substitute (代) keeps the seat, with the substitute's name on it.
 */
import type { Participant } from './participants.ts';
import { byRank } from './participants.ts';
import { arrangeSeating, type SeatingChart, type SeatingLayout } from './seating.ts';

export const SEATING_PAPERS = ['A4', 'A3'] as const;
export type SeatingPaper = (typeof SEATING_PAPERS)[number];

export interface SeatingSettings {
  layout: SeatingLayout;
  /** How many of the 出席, from rank 1, sit at the head. */
  headCount: number;
  /** Hollow square: seats on each side; the rest of the table sits at the foot. 0: no limit. */
  seatsPerSide: number;
  /** Seats in each row of the hall (rostrum) and of the 列席 rows. */
  seatsPerRow: number;
  /** The printed chart's paper, always landscape. */
  paper: SeatingPaper;
  /** The table cards print the person's organization under the name. */
  cardOrganization: boolean;
  /** Shown on the projector ("请按座次入座") until switched off. */
  onProjector: boolean;
  /**
   * The projector shows the sign-in counts (应到, 已签到, 请假, 未到) under the agenda until the
   * first speaker starts. Kept with the seating plan: both are what the hall sees of its people
   * before the start, switched the same way and carried in the meeting file together.
   */
  countsOnProjector: boolean;
}

export interface SeatingPlan extends SeatingSettings {
  meetingId: string;
  /**
   * The organizer's changes to the rule's arrangement, as swaps of two people applied in order.
   * Kept short: after each swap it is rewritten as the fewest swaps that give the same seats.
   */
  swaps: [string, string][];
  updatedAt: number;
}

export const DEFAULT_SEATING: SeatingSettings = {
  layout: 'u-shape',
  headCount: 3,
  seatsPerSide: 0,
  seatsPerRow: 10,
  paper: 'A4',
  cardOrganization: true,
  onProjector: false,
  countsOnProjector: false,
};

export const defaultSeatingPlan = (meetingId: string): SeatingPlan => ({
  meetingId,
  ...DEFAULT_SEATING,
  swaps: [],
  updatedAt: 0,
});

/** One seat's occupant as the chart, the cards and the projector show them. */
export interface SeatedPerson {
  participantId: string;
  /** The name on the seat: the substitute's, when someone sits in for the invited person. */
  name: string;
  organization: string;
  position: string;
  /** True when `name` is a substitute's (代). */
  substitute: boolean;
}

const seatedAs = (p: Participant): SeatedPerson => {
  const substitute = p.reply === 'substitute' && p.substitute.trim() !== '';
  return {
    participantId: p.id,
    name: substitute ? p.substitute.trim() : p.name,
    organization: p.organization,
    position: p.position,
    substitute,
  };
};

/** Who takes a seat: 出席 and 列席 not on leave, in rank order. */
export const seatedPeople = (people: readonly Participant[]) =>
  byRank(people).filter((p) => p.role !== 'staff' && p.reply !== 'leave');

/** The rule's chart, before the organizer's swaps. */
export function ruleChart(
  people: readonly Participant[],
  settings: SeatingSettings,
): SeatingChart<SeatedPerson> {
  const seated = seatedPeople(people);
  const attendees = seated.filter((p) => p.role === 'attendee').map(seatedAs);
  const headCount = Math.max(0, Math.floor(settings.headCount));
  return arrangeSeating({
    layout: settings.layout,
    head: attendees.slice(0, headCount),
    members: attendees.slice(headCount),
    observers: seated.filter((p) => p.role === 'observer').map(seatedAs),
    seatsPerRow: settings.seatsPerRow,
    seatsPerSide:
      settings.layout === 'hollow-square' && settings.seatsPerSide > 0
        ? settings.seatsPerSide
        : undefined,
  });
}

type Part = 'head' | 'leftSide' | 'rightSide' | 'foot';

/**
 * Every seat of the chart in one order, the order the table cards print in: the head left to
 * right, the hall's right side then its left from the head down, the foot, the rows front first.
 */
export function seatOrder<T>(chart: SeatingChart<T>): T[] {
  return [
    ...chart.head,
    ...chart.rightSide,
    ...chart.leftSide,
    ...chart.foot,
    ...chart.rows.flat(),
  ];
}

/**
 * A chart with no seat: nobody is 出席 or 列席 without leave (staff and those on leave are not
 * seated). The console's 座次 then says so instead of drawing an empty chart, and the seating
 * chart and the table cards are refused rather than printed blank: one rule for both.
 */
export const nobodyToSeat = (chart: SeatingChart<unknown>) => seatOrder(chart).length === 0;

/** The chart with the seats of `seats` (in seatOrder) put back in, same shape. */
function withSeats<T, U>(chart: SeatingChart<T>, seats: readonly U[]): SeatingChart<U> {
  let next = 0;
  const take = (part: readonly T[]) => part.map(() => seats[next++] as U);
  const parts = {} as Record<Part, U[]>;
  for (const part of ['head', 'rightSide', 'leftSide', 'foot'] as const) {
    parts[part] = take(chart[part]);
  }
  return { layout: chart.layout, ...parts, rows: chart.rows.map(take) };
}

function applySwaps<T extends { participantId: string }>(
  seats: T[],
  swaps: readonly (readonly [string, string])[],
): T[] {
  const result = [...seats];
  for (const [a, b] of swaps) {
    const i = result.findIndex((s) => s.participantId === a);
    const j = result.findIndex((s) => s.participantId === b);
    // Someone no longer seated (removed, on leave): that swap no longer applies.
    if (i < 0 || j < 0) continue;
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

/** The chart as the hall will find it: the rule's, then the organizer's swaps. */
export function planChart(
  people: readonly Participant[],
  plan: SeatingPlan,
): SeatingChart<SeatedPerson> {
  const rule = ruleChart(people, plan);
  return withSeats(rule, applySwaps(seatOrder(rule), plan.swaps));
}

/**
 * The plan's swaps after `a` and `b` change seats, rewritten as the fewest swaps that turn the
 * rule's arrangement into the new one (at most one fewer than the people seated).
 */
export function swapSeats(
  people: readonly Participant[],
  plan: SeatingPlan,
  a: string,
  b: string,
): [string, string][] {
  const rule = seatOrder(ruleChart(people, plan)).map((s) => s.participantId);
  const wanted = applySwaps(
    applySwaps(
      rule.map((participantId) => ({ participantId })),
      plan.swaps,
    ),
    [[a, b]],
  ).map((s) => s.participantId);
  const current = [...rule];
  const swaps: [string, string][] = [];
  for (let i = 0; i < current.length; i++) {
    if (current[i] === wanted[i]) continue;
    const j = current.indexOf(wanted[i] as string, i + 1);
    swaps.push([current[i] as string, current[j] as string]);
    [current[i], current[j]] = [current[j] as string, current[i] as string];
  }
  return swaps;
}

const CJK = /^[\u3400-\u9fff\uf900-\ufaff]$/u;

/**
 * A name as a seat, a chart or a table card prints it: a two-character Chinese name takes a
 * full-width space between its characters (张, U+3000, 勇), so it fills the width of a three-character one
 * as custom has it. Other names are as typed.
 */
export function spacedName(name: string): string {
  const chars = [...name.trim()];
  return chars.length === 2 && chars.every((c) => CJK.test(c)) ? chars.join('\u3000') : name.trim();
}
