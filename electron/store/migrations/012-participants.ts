/**
 * The people of a meeting (issue 16): one list from the notice to the minutes, each with a rank
 * (排序), a role (出席/列席/工作人员), a reply (回执) and the time they signed in at the door.
 * Deleted with their meeting.
 */
export const sql = `
CREATE TABLE participants (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  organization TEXT NOT NULL DEFAULT '',
  position TEXT NOT NULL DEFAULT '',
  rank INTEGER NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('attendee', 'observer', 'staff')),
  reply TEXT NOT NULL DEFAULT 'none' CHECK (reply IN ('none', 'attending', 'leave', 'substitute')),
  leave_reason TEXT NOT NULL DEFAULT '',
  substitute TEXT NOT NULL DEFAULT '',
  signed_in_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE INDEX participants_by_meeting ON participants (meeting_id, rank, created_at);
`;
