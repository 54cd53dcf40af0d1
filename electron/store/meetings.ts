import type { Meeting } from '../core/meeting.ts';
import type { Db } from './db.ts';

interface MeetingRow {
  id: string;
  title: string;
  date: string;
  start_time: string;
  venue: string;
  presider: string;
  recorder: string;
  attendees: string;
  non_voting_attendees: string;
  absentees: string;
  archived: number;
  warning_seconds: number;
  danger_seconds: number;
  chime: number;
  organizer: string;
  slide_theme: Meeting['slideTheme'];
  logo: string;
  minutes_mark: string;
  minutes_headcount: number;
  created_at: number;
  updated_at: number;
}

const toMeeting = (row: MeetingRow): Meeting => ({
  id: row.id,
  title: row.title,
  date: row.date,
  startTime: row.start_time,
  venue: row.venue,
  presider: row.presider,
  recorder: row.recorder,
  attendees: JSON.parse(row.attendees) as string[],
  nonVotingAttendees: JSON.parse(row.non_voting_attendees) as string[],
  absentees: JSON.parse(row.absentees) as string[],
  archived: row.archived === 1,
  warningSeconds: row.warning_seconds,
  dangerSeconds: row.danger_seconds,
  chime: row.chime === 1,
  organizer: row.organizer,
  slideTheme: row.slide_theme,
  logo: row.logo,
  minutesMark: row.minutes_mark,
  minutesHeadcount: row.minutes_headcount === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toParams = (m: Meeting) => ({
  id: m.id,
  title: m.title,
  date: m.date,
  start_time: m.startTime,
  venue: m.venue,
  presider: m.presider,
  recorder: m.recorder,
  attendees: JSON.stringify(m.attendees),
  non_voting_attendees: JSON.stringify(m.nonVotingAttendees),
  absentees: JSON.stringify(m.absentees),
  archived: m.archived ? 1 : 0,
  warning_seconds: m.warningSeconds,
  danger_seconds: m.dangerSeconds,
  chime: m.chime ? 1 : 0,
  organizer: m.organizer,
  slide_theme: m.slideTheme,
  logo: m.logo,
  minutes_mark: m.minutesMark,
  minutes_headcount: m.minutesHeadcount ? 1 : 0,
  created_at: m.createdAt,
  updated_at: m.updatedAt,
});

export interface MeetingListRow {
  meeting: Meeting;
  itemCount: number;
  plannedMinutes: number;
}

export function meetingRepository(db: Db) {
  // A meeting still being imported (migration 007) is not there yet for anyone.
  const selectOne = db.prepare<[string], MeetingRow>(
    'SELECT * FROM meetings WHERE id = ? AND importing = 0',
  );
  const selectAll = db.prepare<[], MeetingRow & { item_count: number; planned_minutes: number }>(
    `SELECT m.*, COUNT(a.id) AS item_count, COALESCE(SUM(a.planned_minutes), 0) AS planned_minutes
       FROM meetings m LEFT JOIN agenda_items a ON a.meeting_id = m.id
      WHERE m.importing = 0
      GROUP BY m.id`,
  );
  const upsert = db.prepare(
    `INSERT INTO meetings (id, title, date, start_time, venue, presider, recorder, attendees,
       non_voting_attendees, absentees, archived, warning_seconds, danger_seconds, chime,
       organizer, slide_theme, logo, minutes_mark, minutes_headcount, created_at, updated_at)
     VALUES (@id, @title, @date, @start_time, @venue, @presider, @recorder, @attendees,
       @non_voting_attendees, @absentees, @archived, @warning_seconds, @danger_seconds, @chime,
       @organizer, @slide_theme, @logo, @minutes_mark, @minutes_headcount, @created_at,
       @updated_at)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, date = excluded.date,
       start_time = excluded.start_time, venue = excluded.venue, presider = excluded.presider,
       recorder = excluded.recorder, attendees = excluded.attendees,
       non_voting_attendees = excluded.non_voting_attendees, absentees = excluded.absentees,
       archived = excluded.archived, warning_seconds = excluded.warning_seconds,
       danger_seconds = excluded.danger_seconds, chime = excluded.chime,
       organizer = excluded.organizer, slide_theme = excluded.slide_theme, logo = excluded.logo,
       minutes_mark = excluded.minutes_mark, minutes_headcount = excluded.minutes_headcount,
       updated_at = excluded.updated_at`,
  );
  const remove = db.prepare<[string]>('DELETE FROM meetings WHERE id = ?');
  const setOrigin = db.prepare<[string | null, string]>(
    'UPDATE meetings SET origin_id = ? WHERE id = ?',
  );
  const selectOrigin = db.prepare<[string], { origin_id: string | null }>(
    'SELECT origin_id FROM meetings WHERE id = ?',
  );
  const selectSame = db.prepare<[string, string], { id: string }>(
    'SELECT id FROM meetings WHERE (id = ? OR origin_id = ?) AND importing = 0 LIMIT 1',
  );
  const setImporting = db.prepare<[number, string]>(
    'UPDATE meetings SET importing = ? WHERE id = ?',
  );
  const selectImporting = db.prepare<[], { id: string }>(
    'SELECT id FROM meetings WHERE importing = 1',
  );

  return {
    get(id: string): Meeting | undefined {
      const row = selectOne.get(id);
      return row && toMeeting(row);
    },
    list(): MeetingListRow[] {
      return selectAll.all().map((row) => ({
        meeting: toMeeting(row),
        itemCount: row.item_count,
        plannedMinutes: row.planned_minutes,
      }));
    },
    save(meeting: Meeting): void {
      upsert.run(toParams(meeting));
    },
    /** Records where an imported meeting came from (see migration 006). */
    setOrigin(id: string, originId: string | null): void {
      setOrigin.run(originId, id);
    },
    /** The id the meeting was first made under: its origin if it was imported, else its own. */
    originOf(id: string): string | undefined {
      const row = selectOrigin.get(id);
      return row && (row.origin_id ?? id);
    },
    /** A meeting here that is the one first made as `originId`: that one, or imported from it. */
    findByOrigin(originId: string): string | undefined {
      return selectSame.get(originId, originId)?.id;
    },
    /**
     * Marks a meeting as being imported (hidden from every list, search and lookup) or done.
     * See migration 007: an import writes in many short transactions.
     */
    setImporting(id: string, importing: boolean): void {
      setImporting.run(importing ? 1 : 0, id);
    },
    /** Meetings still marked as being imported: the half-written imports a crash left. */
    listImporting(): string[] {
      return selectImporting.all().map((row) => row.id);
    },
    delete(id: string): boolean {
      return remove.run(id).changes > 0;
    },
  };
}
export type MeetingRepository = ReturnType<typeof meetingRepository>;
