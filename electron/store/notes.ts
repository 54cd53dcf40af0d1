import type { Note, NoteKind } from '../core/notes.ts';
import type { Db } from './db.ts';

interface NoteRow {
  id: string;
  meeting_id: string;
  item_id: string;
  kind: NoteKind;
  text: string;
  starred: number;
  position: number;
  speech_offset_ms: number | null;
  owner: string;
  due_date: string | null;
  author: string;
  version: number;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

const toNote = (r: NoteRow): Note => ({
  id: r.id,
  meetingId: r.meeting_id,
  itemId: r.item_id,
  kind: r.kind,
  text: r.text,
  starred: r.starred === 1,
  position: r.position,
  speechOffsetMs: r.speech_offset_ms,
  owner: r.owner,
  dueDate: r.due_date,
  author: r.author,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toParams = (n: Note) => ({
  id: n.id,
  meeting_id: n.meetingId,
  item_id: n.itemId,
  kind: n.kind,
  text: n.text,
  starred: n.starred ? 1 : 0,
  position: n.position,
  speech_offset_ms: n.speechOffsetMs,
  owner: n.owner,
  due_date: n.dueDate,
  author: n.author,
  version: n.version,
  created_at: n.createdAt,
  updated_at: n.updatedAt,
});

export interface SearchRow {
  note: Note;
  meetingTitle: string;
  meetingDate: string;
  itemHeadline: { title: string; organization: string; speaker: string };
}

interface SearchRowRaw extends NoteRow {
  meeting_title: string;
  meeting_date: string;
  item_title: string;
  item_organization: string;
  item_speaker: string;
}

const SEARCH_COLUMNS = `n.*, m.title AS meeting_title, m.date AS meeting_date,
  a.title AS item_title, a.organization AS item_organization, a.speaker AS item_speaker`;
// A meeting still being imported (migration 007) is found by no search.
const SEARCH_FILTERS = `n.deleted_at IS NULL AND m.importing = 0
  AND (@kind IS NULL OR n.kind = @kind) AND (@meeting IS NULL OR n.meeting_id = @meeting)`;

/** Where the next page of a list starts: after this note, in the list's order. */
export interface NoteListPosition {
  rowid: number;
  starred: boolean;
  position: number;
}

export interface NotePage {
  notes: Note[];
  /** The last note's place in the list, when there may be more after it. */
  last: NoteListPosition | null;
}

type PagedRow = NoteRow & { row_id: number };

function toPage(rows: PagedRow[], limit: number): NotePage {
  const lastRow = rows.length === limit ? rows[rows.length - 1] : undefined;
  return {
    notes: rows.map(toNote),
    last: lastRow
      ? { rowid: lastRow.row_id, starred: lastRow.starred === 1, position: lastRow.position }
      : null,
  };
}

export function noteRepository(db: Db) {
  const byId = db.prepare<[string], NoteRow>('SELECT * FROM notes WHERE id = ?');
  const byItem = db.prepare<[string], NoteRow>(
    'SELECT * FROM notes WHERE item_id = ? AND deleted_at IS NULL ORDER BY position, created_at',
  );
  const byMeeting = db.prepare<[string], NoteRow>(
    'SELECT * FROM notes WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY item_id, position',
  );
  // Pages by rowid, which the meeting index carries: each page costs its own rows only.
  const pageByMeeting = db.prepare<[string, number, number], PagedRow>(
    `SELECT rowid AS row_id, * FROM notes
      WHERE meeting_id = ? AND deleted_at IS NULL AND rowid > ?
      ORDER BY rowid LIMIT ?`,
  );
  // An item's notes in the order the screens show them: starred first, then by position.
  const pageByItem = db.prepare<
    { item: string; s: number; p: number; r: number; limit: number },
    PagedRow
  >(
    `SELECT rowid AS row_id, * FROM notes
      WHERE item_id = @item AND deleted_at IS NULL
        AND (starred < @s OR (starred = @s AND (position > @p OR (position = @p AND rowid > @r))))
      ORDER BY starred DESC, position, rowid LIMIT @limit`,
  );
  const deleteSomeOfMeeting = db.prepare<[string, number]>(
    'DELETE FROM notes WHERE rowid IN (SELECT rowid FROM notes WHERE meeting_id = ? LIMIT ?)',
  );
  const lastPosition = db.prepare<[string], { p: number | null }>(
    'SELECT MAX(position) AS p FROM notes WHERE item_id = ?',
  );
  const upsert = db.prepare(
    `INSERT INTO notes (id, meeting_id, item_id, kind, text, starred, position, speech_offset_ms,
       owner, due_date, author, version, created_at, updated_at)
     VALUES (@id, @meeting_id, @item_id, @kind, @text, @starred, @position, @speech_offset_ms,
       @owner, @due_date, @author, @version, @created_at, @updated_at)
     ON CONFLICT (id) DO UPDATE SET item_id = excluded.item_id, kind = excluded.kind,
       text = excluded.text, starred = excluded.starred, position = excluded.position,
       owner = excluded.owner, due_date = excluded.due_date, author = excluded.author,
       version = excluded.version, updated_at = excluded.updated_at, deleted_at = NULL`,
  );
  const markDeleted = db.prepare<[number, number, string]>(
    'UPDATE notes SET deleted_at = ?, updated_at = ?, version = version + 1 WHERE id = ?',
  );
  // The index ranks its matches (bm25) and hands back a capped list of rowids; only those are
  // joined and filtered. Sorting every match before the limit cost 40 ms on 100,000 notes.
  const rankedRowids = db.prepare<[string, number], { rowid: number }>(
    'SELECT rowid FROM notes_fts WHERE notes_fts MATCH ? ORDER BY bm25(notes_fts) LIMIT ?',
  );
  const hydrate = db.prepare<
    { rowids: string; kind: string | null; meeting: string | null },
    SearchRowRaw
  >(
    `SELECT ${SEARCH_COLUMNS}
       FROM json_each(@rowids) j JOIN notes n ON n.rowid = j.value
       JOIN meetings m ON m.id = n.meeting_id JOIN agenda_items a ON a.id = n.item_id
      WHERE ${SEARCH_FILTERS}
      ORDER BY j.key`,
  );
  // Terms under three characters cannot use the trigram index: scan, newest first, which stops
  // as soon as enough rows are found.
  const searchScan = db.prepare<
    { like: string; kind: string | null; meeting: string | null; limit: number },
    SearchRowRaw
  >(
    `SELECT ${SEARCH_COLUMNS}
       FROM notes n JOIN meetings m ON m.id = n.meeting_id JOIN agenda_items a ON a.id = n.item_id
      WHERE n.text LIKE @like ESCAPE '\\' AND ${SEARCH_FILTERS}
      ORDER BY n.rowid DESC
      LIMIT @limit`,
  );

  const toSearchRow = (r: SearchRowRaw): SearchRow => ({
    note: toNote(r),
    meetingTitle: r.meeting_title,
    meetingDate: r.meeting_date,
    itemHeadline: {
      title: r.item_title,
      organization: r.item_organization,
      speaker: r.item_speaker,
    },
  });

  return {
    get(id: string): (Note & { deleted: boolean }) | undefined {
      const row = byId.get(id);
      return row && { ...toNote(row), deleted: row.deleted_at !== null };
    },
    listForItem: (itemId: string) => byItem.all(itemId).map(toNote),
    listForMeeting: (meetingId: string) => byMeeting.all(meetingId).map(toNote),
    /** Up to `limit` live notes of a meeting after `after`, in the order they were written. */
    pageForMeeting(meetingId: string, after: NoteListPosition | null, limit: number): NotePage {
      return toPage(pageByMeeting.all(meetingId, after?.rowid ?? 0, limit), limit);
    },
    /** Up to `limit` live notes of an item after `after`: starred first, then in order. */
    pageForItem(itemId: string, after: NoteListPosition | null, limit: number): NotePage {
      const from = after
        ? { s: after.starred ? 1 : 0, p: after.position, r: after.rowid }
        : { s: 2, p: 0, r: 0 };
      return toPage(pageByItem.all({ item: itemId, ...from, limit }), limit);
    },
    /**
     * Deletes up to `limit` of a meeting's notes, deleted ones included; how many it deleted.
     * Removing a 50,000-note meeting in one statement holds the database for over a second.
     */
    deleteSomeOfMeeting(meetingId: string, limit: number): number {
      return deleteSomeOfMeeting.run(meetingId, limit).changes;
    },
    nextPosition: (itemId: string) => (lastPosition.get(itemId)?.p ?? 0) + 1,
    /** Writes a note as given (and brings a deleted one back). */
    save(note: Note): void {
      upsert.run(toParams(note));
    },
    markDeleted(id: string, now: number): void {
      markDeleted.run(now, now, id);
    },
    /**
     * `matches` are FTS5 expressions tried in order (the exact phrase first, then all terms);
     * their ranked hits are concatenated without repeats. Without any, `scanTerm` is scanned.
     */
    search(options: {
      matches: string[];
      scanTerm: string;
      kind: NoteKind | null;
      meetingId: string | null;
      cap: number;
    }): SearchRow[] {
      const filters = { kind: options.kind, meeting: options.meetingId };
      if (options.matches.length === 0) {
        const like = `%${options.scanTerm.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        return searchScan.all({ ...filters, like, limit: options.cap }).map(toSearchRow);
      }
      const rowids = new Set<number>();
      for (const match of options.matches) {
        for (const { rowid } of rankedRowids.all(match, options.cap)) rowids.add(rowid);
      }
      return hydrate.all({ ...filters, rowids: JSON.stringify([...rowids]) }).map(toSearchRow);
    },
  };
}
export type NoteRepository = ReturnType<typeof noteRepository>;
