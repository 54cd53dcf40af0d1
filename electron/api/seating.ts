import { z } from 'zod';
import { SEATING_PAPERS, type SeatedPerson, type SeatingSettings } from '../core/seating-plan.ts';
import { SEATING_LAYOUTS } from '../core/seating.ts';
import { revisionSchema } from './revision.ts';

const whole = (min: number, max: number) =>
  z
    .number({ error: 'a whole number' })
    .int('a whole number')
    .min(min, `at least ${min}`)
    .max(max, `at most ${max}`);

export const seatingSettingsSchema = z.object({
  layout: z.enum(SEATING_LAYOUTS),
  /** A 主席台 of a district's meeting seats a handful; 30 is far past any. */
  headCount: whole(0, 30),
  seatsPerSide: whole(0, 100),
  seatsPerRow: whole(1, 100),
  paper: z.enum(SEATING_PAPERS),
  cardOrganization: z.boolean(),
  onProjector: z.boolean(),
  countsOnProjector: z.boolean(),
}) satisfies z.ZodType<SeatingSettings>;

export const seatedPersonSchema = z.object({
  participantId: z.string(),
  name: z.string(),
  organization: z.string(),
  position: z.string(),
  substitute: z.boolean(),
}) satisfies z.ZodType<SeatedPerson>;

const seats = z.array(seatedPersonSchema);

/** The chart as the hall sees it: see core/seating.ts for each part. */
export const seatingChartSchema = z.object({
  layout: z.enum(SEATING_LAYOUTS),
  head: seats,
  leftSide: seats,
  rightSide: seats,
  foot: seats,
  rows: z.array(seats),
});

/** A meeting's plan, its chart, and whether the organizer changed the rule's seats. */
export const seatingViewSchema = z.object({
  meetingId: z.string(),
  settings: seatingSettingsSchema,
  chart: seatingChartSchema,
  swapped: z.boolean(),
  /** A projector's reload after a reconnect never puts back a chart a change replaced. */
  revision: revisionSchema,
});
export type SeatingView = z.infer<typeof seatingViewSchema>;
export type SeatingChartView = z.infer<typeof seatingChartSchema>;
export type { SeatedPerson, SeatingSettings };

export const updateSeatingInput = seatingSettingsSchema
  .partial()
  .extend({ id: z.string().min(1) })
  .strict();

/** Two seated people change seats. */
export const swapSeatsInput = z
  .object({
    id: z.string().min(1),
    participantIds: z.tuple([z.string().min(1), z.string().min(1)]),
  })
  .strict();

export { SEATING_LAYOUTS } from '../core/seating.ts';
export { nobodyToSeat, SEATING_PAPERS, seatOrder, spacedName } from '../core/seating-plan.ts';
export {
  seatingGrid,
  type GridCell,
  type GridContent,
  type SeatingGrid,
} from '../core/seating-grid.ts';
