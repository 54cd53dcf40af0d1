/**
 * The live run: countdown thresholds per meeting and per item, the chime switch, the run state
 * of each meeting (its clock stored as facts) and the planned-vs-actual record of each item.
 */
export const sql = `
ALTER TABLE meetings ADD COLUMN warning_seconds INTEGER NOT NULL DEFAULT 60;
ALTER TABLE meetings ADD COLUMN danger_seconds INTEGER NOT NULL DEFAULT 0;
ALTER TABLE meetings ADD COLUMN chime INTEGER NOT NULL DEFAULT 0 CHECK (chime IN (0, 1));
ALTER TABLE agenda_items ADD COLUMN warning_seconds INTEGER;
ALTER TABLE agenda_items ADD COLUMN danger_seconds INTEGER;

CREATE TABLE meeting_runs (
  meeting_id TEXT PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
  current_item_id TEXT,
  clock_item_id TEXT,
  clock_planned_ms INTEGER,
  clock_started_at INTEGER,
  clock_added_ms INTEGER,
  clock_paused_at INTEGER,
  clock_paused_ms INTEGER,
  screen TEXT NOT NULL DEFAULT 'live' CHECK (screen IN ('live', 'blackout', 'logo')),
  message TEXT NOT NULL DEFAULT '',
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE item_runs (
  item_id TEXT PRIMARY KEY REFERENCES agenda_items(id) ON DELETE CASCADE,
  meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('running', 'done', 'skipped')),
  actual_start_at INTEGER,
  actual_end_at INTEGER,
  elapsed_ms INTEGER NOT NULL DEFAULT 0,
  added_ms INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX item_runs_by_meeting ON item_runs (meeting_id);
`;
