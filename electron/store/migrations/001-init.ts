/** Meetings and their agenda. People lists are JSON arrays of names. */
export const sql = `
CREATE TABLE meetings (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  date TEXT NOT NULL,
  start_time TEXT NOT NULL DEFAULT '09:00',
  venue TEXT NOT NULL DEFAULT '',
  presider TEXT NOT NULL DEFAULT '',
  recorder TEXT NOT NULL DEFAULT '',
  attendees TEXT NOT NULL DEFAULT '[]',
  non_voting_attendees TEXT NOT NULL DEFAULT '[]',
  absentees TEXT NOT NULL DEFAULT '[]',
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE agenda_items (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('opening', 'exchange', 'leader', 'break', 'other')),
  title TEXT NOT NULL DEFAULT '',
  speaker TEXT NOT NULL DEFAULT '',
  speaker_position TEXT NOT NULL DEFAULT '',
  organization TEXT NOT NULL DEFAULT '',
  topic TEXT NOT NULL DEFAULT '',
  planned_minutes INTEGER NOT NULL CHECK (planned_minutes > 0)
) STRICT;

CREATE INDEX agenda_items_by_meeting ON agenda_items (meeting_id, position);
`;
