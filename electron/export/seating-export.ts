import { planChart, seatOrder, spacedName, defaultSeatingPlan } from '../core/seating-plan.ts';
import { seatingGrid } from '../core/seating-grid.ts';
import type { MeetingData } from './meeting-data.ts';
import type { NameCardsModel } from './name-cards-docx.ts';
import type { SeatingChartModel } from './seating-docx.ts';

const planOf = (data: MeetingData) => data.seating ?? defaultSeatingPlan(data.meeting.id);

/**
 * The chart as printed: 「××座谈会座次表」, drawn as the hall sees the room, which the note under
 * the title says: facing the rostrum, or facing the head of the table.
 */
export function seatingChartModel(data: MeetingData): SeatingChartModel {
  const plan = planOf(data);
  const chart = planChart(data.participants, plan);
  return {
    title: `${data.meeting.title}座次表`,
    viewpoint: plan.layout === 'rostrum' ? '（面向主席台）' : '（面向主位）',
    paper: plan.paper,
    grid: seatingGrid(chart),
    nameOf: (person) => spacedName(person.name),
    captions: { rostrum: '主席台', observers: '列席', table: '会议桌' },
  };
}

/** A card for every seat, in seat order: the head from the hall's left, then the sides, rows. */
export function nameCardsModel(data: MeetingData): NameCardsModel {
  const plan = planOf(data);
  return {
    title: `${data.meeting.title}桌签`,
    withOrganization: plan.cardOrganization,
    cards: seatOrder(planChart(data.participants, plan)).map((person) => ({
      name: spacedName(person.name),
      organization: person.organization,
    })),
  };
}
