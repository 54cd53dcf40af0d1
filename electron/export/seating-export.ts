import {
  defaultSeatingPlan,
  nobodyToSeat,
  planChart,
  ruleChart,
  seatedPeople,
  seatOrder,
  spacedName,
  type SeatedPerson,
} from '../core/seating-plan.ts';
import type { SeatingChart } from '../core/seating.ts';
import { seatingGrid } from '../core/seating-grid.ts';
import { chineseDate } from './chinese-dates.ts';
import { cnNumeral } from './chinese-numbers.ts';
import type { MeetingData } from './meeting-data.ts';
import type { NameCardsModel } from './name-cards-docx.ts';
import type { NumberedSeat, SeatingChartModel } from './seating-docx.ts';

const planOf = (data: MeetingData) => data.seating ?? defaultSeatingPlan(data.meeting.id);

/** Kept in the contract, so the console greys the very entries the server refuses. */
export { SEATING_EXPORTS } from '../api/bundle.ts';

/** Nobody to seat in this meeting, by the rule the console's 座次 goes by. */
export const nobodyToSeatIn = (data: MeetingData) =>
  nobodyToSeat(planChart(data.participants, planOf(data)));

/**
 * The chart as the hall will find it, each seat with its number: the rank the rule seats there
 * (1 the head's middle, 2 on its left as the seated see it, …), so the number stays with the
 * seat when the organizer swaps two people, and the chart and the table cards agree on it.
 */
function numberedChart(data: MeetingData): SeatingChart<NumberedSeat> {
  const plan = planOf(data);
  const seated = seatedPeople(data.participants);
  const byRank = [
    ...seated.filter((p) => p.role === 'attendee'),
    ...seated.filter((p) => p.role === 'observer'),
  ];
  const rankOf = new Map(byRank.map((p, index) => [p.id, index + 1]));
  const seatNumbers = seatOrder(ruleChart(data.participants, plan)).map(
    (p) => rankOf.get(p.participantId) ?? 0,
  );
  const placed = planChart(data.participants, plan);
  let next = 0;
  const numbered = (part: readonly SeatedPerson[]) =>
    part.map((person) => ({ person, seat: seatNumbers[next++] ?? 0 }));
  // The order seatOrder walks the chart in, so each seat meets its own number.
  const head = numbered(placed.head);
  const rightSide = numbered(placed.rightSide);
  const leftSide = numbered(placed.leftSide);
  const foot = numbered(placed.foot);
  const rows = placed.rows.map(numbered);
  return { layout: placed.layout, head, leftSide, rightSide, foot, rows };
}

/**
 * The chart as printed: 「××座谈会座次表」 with the day and the place, drawn as the hall sees
 * the room, which the note under it says, with what the seat numbers are and how many seats.
 */
export function seatingChartModel(data: MeetingData): SeatingChartModel {
  const plan = planOf(data);
  const chart = numberedChart(data);
  const seats = seatOrder(chart);
  const observers = new Set(
    seatedPeople(data.participants)
      .filter((p) => p.role === 'observer')
      .map((p) => p.id),
  );
  const observing = seats.filter((s) => observers.has(s.person.participantId)).length;
  const head = plan.layout === 'rostrum' ? '主席台' : '主位';
  const counts =
    observing > 0
      ? `共${seats.length}座：出席${seats.length - observing}人，列席${observing}人。`
      : `共${seats.length}座。`;
  const { date, venue } = data.meeting;
  return {
    title: `${data.meeting.title}座次表`,
    occasion: [date ? chineseDate(date) : '', venue.trim()].filter(Boolean).join('　'),
    paper: plan.paper,
    grid: seatingGrid(chart),
    nameOf: (person) => spacedName(person.name),
    captions: {
      rostrum: '主　席　台',
      observers: '列　席',
      table: '会议桌',
      head: plan.layout === 'rostrum' ? null : '主　位',
    },
    rowLabel: (index) => `第${cnNumeral(index + 1)}排`,
    legend:
      `注：本表按入场后面向${head}绘制，上方为${head}，左右与会场一致；` +
      `格内数字为座位号（1号居中，以左为上），与桌签编号一致。${counts}`,
  };
}

/** A card for every seat, in seat order: the head from the hall's left, then the sides, rows. */
export function nameCardsModel(data: MeetingData): NameCardsModel {
  const plan = planOf(data);
  return {
    title: `${data.meeting.title}桌签`,
    withOrganization: plan.cardOrganization,
    cards: seatOrder(numberedChart(data)).map(({ person, seat }) => ({
      name: spacedName(person.name),
      organization: person.organization,
      seat,
    })),
  };
}
