import type { DrawEntry, DrawRecord } from '../core/draw.ts';
import type { Db } from './db.ts';

interface DrawRow {
  id: string;
  meeting_id: string;
  seed: string;
  drawn_at: number;
  drawn_by: string;
  pool: string;
  drawn_order: string;
}

const toRecord = (row: DrawRow): DrawRecord => ({
  id: row.id,
  meetingId: row.meeting_id,
  seed: row.seed,
  drawnAt: row.drawn_at,
  drawnBy: row.drawn_by,
  pool: JSON.parse(row.pool) as DrawEntry[],
  order: JSON.parse(row.drawn_order) as string[],
});

/** Draw records are only ever added: a redraw is a new record beside the earlier ones. */
export function drawRepository(db: Db) {
  const byMeeting = db.prepare<[string], DrawRow>(
    'SELECT * FROM draws WHERE meeting_id = ? ORDER BY drawn_at, rowid',
  );
  const insert = db.prepare(
    `INSERT INTO draws (id, meeting_id, seed, drawn_at, drawn_by, pool, drawn_order)
     VALUES (@id, @meeting_id, @seed, @drawn_at, @drawn_by, @pool, @drawn_order)`,
  );
  return {
    listForMeeting: (meetingId: string): DrawRecord[] => byMeeting.all(meetingId).map(toRecord),
    add(record: DrawRecord): void {
      insert.run({
        id: record.id,
        meeting_id: record.meetingId,
        seed: record.seed,
        drawn_at: record.drawnAt,
        drawn_by: record.drawnBy,
        pool: JSON.stringify(record.pool),
        drawn_order: JSON.stringify(record.order),
      });
    },
  };
}
