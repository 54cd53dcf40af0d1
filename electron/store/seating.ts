import type { SeatingLayout } from '../core/seating.ts';
import { defaultSeatingPlan, type SeatingPaper, type SeatingPlan } from '../core/seating-plan.ts';
import type { Db } from './db.ts';

interface SeatingRow {
  meeting_id: string;
  layout: SeatingLayout;
  head_count: number;
  seats_per_side: number;
  seats_per_row: number;
  paper: SeatingPaper;
  on_projector: number;
  counts_on_projector: number;
  card_organization: number;
  swaps: string;
  updated_at: number;
}

/** Pairs of ids as written by `save`; anything else (a hand-edited file) is read as none. */
function parseSwaps(text: string): [string, string][] {
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (pair): pair is [string, string] =>
        Array.isArray(pair) &&
        pair.length === 2 &&
        typeof pair[0] === 'string' &&
        typeof pair[1] === 'string',
    );
  } catch {
    return [];
  }
}

const toPlan = (row: SeatingRow): SeatingPlan => ({
  meetingId: row.meeting_id,
  layout: row.layout,
  headCount: row.head_count,
  seatsPerSide: row.seats_per_side,
  seatsPerRow: row.seats_per_row,
  paper: row.paper,
  onProjector: row.on_projector === 1,
  countsOnProjector: row.counts_on_projector === 1,
  cardOrganization: row.card_organization === 1,
  swaps: parseSwaps(row.swaps),
  updatedAt: row.updated_at,
});

export function seatingRepository(db: Db) {
  const one = db.prepare<[string], SeatingRow>('SELECT * FROM seating_plans WHERE meeting_id = ?');
  const upsert = db.prepare(
    `INSERT INTO seating_plans (meeting_id, layout, head_count, seats_per_side, seats_per_row,
       paper, on_projector, counts_on_projector, card_organization, swaps, updated_at)
     VALUES (@meeting_id, @layout, @head_count, @seats_per_side, @seats_per_row, @paper,
       @on_projector, @counts_on_projector, @card_organization, @swaps, @updated_at)
     ON CONFLICT (meeting_id) DO UPDATE SET layout = excluded.layout,
       head_count = excluded.head_count, seats_per_side = excluded.seats_per_side,
       seats_per_row = excluded.seats_per_row, paper = excluded.paper,
       on_projector = excluded.on_projector,
       counts_on_projector = excluded.counts_on_projector,
       card_organization = excluded.card_organization, swaps = excluded.swaps,
       updated_at = excluded.updated_at`,
  );
  return {
    /** The meeting's plan; the defaults when the organizer has set none. */
    get: (meetingId: string): SeatingPlan => {
      const row = one.get(meetingId);
      return row ? toPlan(row) : defaultSeatingPlan(meetingId);
    },
    save(plan: SeatingPlan): void {
      upsert.run({
        meeting_id: plan.meetingId,
        layout: plan.layout,
        head_count: plan.headCount,
        seats_per_side: plan.seatsPerSide,
        seats_per_row: plan.seatsPerRow,
        paper: plan.paper,
        on_projector: plan.onProjector ? 1 : 0,
        counts_on_projector: plan.countsOnProjector ? 1 : 0,
        card_organization: plan.cardOrganization ? 1 : 0,
        swaps: JSON.stringify(plan.swaps),
        updated_at: plan.updatedAt,
      });
    },
  };
}
