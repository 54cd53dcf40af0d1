/**
 * Whether the projector shows the sign-in counts (应到, 已签到, 请假, 未到) before the start
 * (issue 16), kept beside the seating plan's own projector switch. Off for every plan before.
 */
export const sql = `
ALTER TABLE seating_plans ADD COLUMN counts_on_projector INTEGER NOT NULL DEFAULT 0
  CHECK (counts_on_projector IN (0, 1));
`;
