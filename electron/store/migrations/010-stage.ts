/**
 * The meeting on stage: the one the organizer runs, or opened the screens for. Every projector,
 * lectern and note screen shows it; one row, kept across a restart. Deleting the meeting takes
 * it off stage.
 */
export const sql = `
CREATE TABLE stage (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  meeting_id TEXT REFERENCES meetings(id) ON DELETE SET NULL
) STRICT;
INSERT INTO stage (id, meeting_id) VALUES (1, NULL);
`;
