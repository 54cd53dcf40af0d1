/**
 * A meeting's 会议通知 settings (issue 16): what the notice says that the meeting does not know,
 * as the JSON of core/notice.ts's NoticeSettings. No row: the defaults. Deleted with the meeting.
 */
export const sql = `
CREATE TABLE meeting_notices (
  meeting_id TEXT PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
  settings TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
`;
