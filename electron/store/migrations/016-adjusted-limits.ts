/**
 * 按时结束 (issue 17): the run keeps the limits a finish-on-time plan set, in minutes by item id
 * as JSON, and the limits before the last plan while it can still be undone (NULL once the next
 * speaker started). Runs written before this had no plan: none.
 */
export const sql = `
ALTER TABLE meeting_runs ADD COLUMN adjusted_limits TEXT NOT NULL DEFAULT '{}';
ALTER TABLE meeting_runs ADD COLUMN limits_before_plan TEXT;
`;
