/**
 * Notes per agenda item, and full-text search over them. FTS5's trigram tokenizer matches any
 * substring of three characters or more, which suits Chinese (no spaces between words).
 * Deleted notes are kept (deleted_at) so a delete can be undone; search skips them.
 */
export const sql = `
CREATE TABLE notes (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  item_id TEXT NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('takeaway', 'insight', 'figure', 'quote', 'problem', 'action')),
  text TEXT NOT NULL,
  starred INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
  position REAL NOT NULL,
  speech_offset_ms INTEGER,
  owner TEXT NOT NULL DEFAULT '',
  due_date TEXT,
  author TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
);

CREATE INDEX notes_by_item ON notes (item_id, position);
CREATE INDEX notes_by_meeting ON notes (meeting_id);

CREATE VIRTUAL TABLE notes_fts USING fts5(
  text, content = 'notes', content_rowid = 'rowid', tokenize = 'trigram'
);

CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
  INSERT INTO notes_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
  INSERT INTO notes_fts (notes_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER notes_fts_update AFTER UPDATE OF text ON notes BEGIN
  INSERT INTO notes_fts (notes_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
  INSERT INTO notes_fts (rowid, text) VALUES (new.rowid, new.text);
END;
`;
