/**
 * A message goes to the lectern screen, the projector or both, and says when it went to the
 * projector only because no lectern screen was connected. A message written before this was
 * shown on both.
 */
export const sql = `
ALTER TABLE meeting_runs ADD COLUMN message_target TEXT NOT NULL DEFAULT 'both'
  CHECK (message_target IN ('lectern', 'projector', 'both'));
ALTER TABLE meeting_runs ADD COLUMN message_redirected INTEGER NOT NULL DEFAULT 0
  CHECK (message_redirected IN (0, 1));
`;
