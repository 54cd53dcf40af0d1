import type { Participant, ParticipantReply, ParticipantRole } from '../core/participants.ts';
import type { Db } from './db.ts';

interface ParticipantRow {
  id: string;
  meeting_id: string;
  name: string;
  organization: string;
  position: string;
  phone: string;
  rank: number;
  role: ParticipantRole;
  reply: ParticipantReply;
  leave_reason: string;
  substitute: string;
  signed_in_at: number | null;
  created_at: number;
  updated_at: number;
}

const toParticipant = (row: ParticipantRow): Participant => ({
  id: row.id,
  meetingId: row.meeting_id,
  name: row.name,
  organization: row.organization,
  position: row.position,
  phone: row.phone,
  rank: row.rank,
  role: row.role,
  reply: row.reply,
  leaveReason: row.leave_reason,
  substitute: row.substitute,
  signedInAt: row.signed_in_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export function participantRepository(db: Db) {
  const byMeeting = db.prepare<[string], ParticipantRow>(
    'SELECT * FROM participants WHERE meeting_id = ? ORDER BY rank, created_at, rowid',
  );
  // A meeting still being imported (migration 007) is found by no search.
  const searchable = db.prepare<
    { meeting: string | null },
    ParticipantRow & { meeting_title: string; meeting_date: string }
  >(
    `SELECT p.*, m.title AS meeting_title, m.date AS meeting_date
     FROM participants p JOIN meetings m ON m.id = p.meeting_id
     WHERE m.importing = 0 AND (@meeting IS NULL OR p.meeting_id = @meeting)
     ORDER BY m.date DESC, m.id, p.rank, p.created_at`,
  );
  const upsert = db.prepare(
    `INSERT INTO participants (id, meeting_id, name, organization, position, phone, rank, role,
       reply, leave_reason, substitute, signed_in_at, created_at, updated_at)
     VALUES (@id, @meeting_id, @name, @organization, @position, @phone, @rank, @role, @reply,
       @leave_reason, @substitute, @signed_in_at, @created_at, @updated_at)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, organization = excluded.organization,
       position = excluded.position, phone = excluded.phone, rank = excluded.rank, role = excluded.role,
       reply = excluded.reply, leave_reason = excluded.leave_reason,
       substitute = excluded.substitute, signed_in_at = excluded.signed_in_at,
       updated_at = excluded.updated_at`,
  );
  const removeOne = db.prepare('DELETE FROM participants WHERE id = ? AND meeting_id = ?');
  return {
    /** In rank order; equal ranks in the order they were added. */
    listForMeeting: (meetingId: string): Participant[] =>
      byMeeting.all(meetingId).map(toParticipant),
    /** The people search looks through (a year of meetings' lists is a few thousand rows). */
    listSearchable: (meetingId: string | null) =>
      searchable.all({ meeting: meetingId }).map((row) => ({
        person: toParticipant(row),
        meetingTitle: row.meeting_title,
        meetingDate: row.meeting_date,
      })),
    save(person: Participant): void {
      upsert.run({
        id: person.id,
        meeting_id: person.meetingId,
        name: person.name,
        organization: person.organization,
        position: person.position,
        phone: person.phone,
        rank: person.rank,
        role: person.role,
        reply: person.reply,
        leave_reason: person.leaveReason,
        substitute: person.substitute,
        signed_in_at: person.signedInAt,
        created_at: person.createdAt,
        updated_at: person.updatedAt,
      });
    },
    remove: (meetingId: string, id: string): boolean => removeOne.run(id, meetingId).changes > 0,
  };
}
export type ParticipantRepository = ReturnType<typeof participantRepository>;
