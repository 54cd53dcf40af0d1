import type { RosterEntry } from '../core/roster.ts';
import type { Db } from './db.ts';

interface RosterRow {
  id: string;
  organization: string;
  name: string;
  position: string;
  sequence: number;
  retired: number;
  created_at: number;
  updated_at: number;
}

const toEntry = (row: RosterRow): RosterEntry => ({
  id: row.id,
  organization: row.organization,
  name: row.name,
  position: row.position,
  sequence: row.sequence,
  retired: row.retired === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export function rosterRepository(db: Db) {
  const selectAll = db.prepare<[], RosterRow>('SELECT * FROM roster_entries ORDER BY sequence');
  const selectOne = db.prepare<[string], RosterRow>('SELECT * FROM roster_entries WHERE id = ?');
  const lastSequence = db.prepare<[], { s: number | null }>(
    'SELECT MAX(sequence) AS s FROM roster_entries',
  );
  const upsert = db.prepare(
    `INSERT INTO roster_entries (id, organization, name, position, sequence, retired, created_at,
       updated_at)
     VALUES (@id, @organization, @name, @position, @sequence, @retired, @created_at, @updated_at)
     ON CONFLICT (id) DO UPDATE SET organization = excluded.organization, name = excluded.name,
       position = excluded.position, sequence = excluded.sequence, retired = excluded.retired,
       updated_at = excluded.updated_at`,
  );
  return {
    list: (): RosterEntry[] => selectAll.all().map(toEntry),
    get(id: string): RosterEntry | undefined {
      const row = selectOne.get(id);
      return row && toEntry(row);
    },
    nextSequence: () => (lastSequence.get()?.s ?? 0) + 1,
    save(entry: RosterEntry): void {
      upsert.run({
        id: entry.id,
        organization: entry.organization,
        name: entry.name,
        position: entry.position,
        sequence: entry.sequence,
        retired: entry.retired ? 1 : 0,
        created_at: entry.createdAt,
        updated_at: entry.updatedAt,
      });
    },
  };
}
export type RosterRepository = ReturnType<typeof rosterRepository>;
