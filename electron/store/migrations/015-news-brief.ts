/**
 * A meeting's edits to its 会议信息 draft and the minutes' 会议认为 paragraph (issue 17), as the
 * JSON of core/news-brief.ts's NewsBriefEdits. No row: the generated draft, minutes without it.
 * Deleted with the meeting.
 */
export const sql = `
CREATE TABLE meeting_news_briefs (
  meeting_id TEXT PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
  edits TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
`;
