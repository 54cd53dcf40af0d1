/**
 * The roster of speakers, kept across meetings, and the record of every lot drawing (抽签):
 * its seed, time, who ran it, the list it drew from and the order, never overwritten.
 */
export const sql = `
CREATE TABLE roster_entries (
  id TEXT PRIMARY KEY,
  organization TEXT NOT NULL,
  name TEXT NOT NULL,
  position TEXT NOT NULL DEFAULT '',
  sequence REAL NOT NULL,
  retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE draws (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  seed TEXT NOT NULL,
  drawn_at INTEGER NOT NULL,
  drawn_by TEXT NOT NULL,
  pool TEXT NOT NULL,
  drawn_order TEXT NOT NULL
) STRICT;

CREATE INDEX draws_by_meeting ON draws (meeting_id, drawn_at);
`;
