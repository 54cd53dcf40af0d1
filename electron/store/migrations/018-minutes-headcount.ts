/**
 * Whether a meeting's minutes state 应到/实到 (issue 16): off for every meeting made before, as
 * their minutes were printed without it.
 */
export const sql = `
ALTER TABLE meetings ADD COLUMN minutes_headcount INTEGER NOT NULL DEFAULT 0
  CHECK (minutes_headcount IN (0, 1));
`;
