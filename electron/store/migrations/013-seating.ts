/**
 * A meeting's seating plan (issue 16): the layout and its numbers, the chart's paper, whether the
 * table cards print the organization, whether the projector shows it, and the organizer's swaps over the rank rule as JSON pairs of participant
 * ids. No row: the defaults (core/seating-plan.ts). Deleted with the meeting.
 */
export const sql = `
CREATE TABLE seating_plans (
  meeting_id TEXT PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
  layout TEXT NOT NULL CHECK (layout IN ('rostrum', 'u-shape', 'hollow-square')),
  head_count INTEGER NOT NULL,
  seats_per_side INTEGER NOT NULL,
  seats_per_row INTEGER NOT NULL,
  paper TEXT NOT NULL CHECK (paper IN ('A4', 'A3')),
  on_projector INTEGER NOT NULL DEFAULT 0 CHECK (on_projector IN (0, 1)),
  card_organization INTEGER NOT NULL DEFAULT 1 CHECK (card_organization IN (0, 1)),
  swaps TEXT NOT NULL DEFAULT '[]',
  updated_at INTEGER NOT NULL
) STRICT;
`;
