import { defaultNewsBriefEdits, type NewsBriefEdits } from '../core/news-brief.ts';
import type { Db } from './db.ts';

interface EditsRow {
  edits: string;
}

/** The stored edits over the defaults: a field missing or of the wrong type reads as its default. */
function parseEdits(text: string): NewsBriefEdits {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ...defaultNewsBriefEdits };
  }
  const stored = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const textOrNull = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    headline: textOrNull(stored.headline),
    paragraphs: Array.isArray(stored.paragraphs) ? stored.paragraphs.map(textOrNull) : [],
    withSources: typeof stored.withSources === 'boolean' ? stored.withSources : true,
    minutesFinding: typeof stored.minutesFinding === 'string' ? stored.minutesFinding : '',
  };
}

export function newsBriefRepository(db: Db) {
  const one = db.prepare<[string], EditsRow>(
    'SELECT edits FROM meeting_news_briefs WHERE meeting_id = ?',
  );
  const upsert = db.prepare(
    `INSERT INTO meeting_news_briefs (meeting_id, edits, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (meeting_id) DO UPDATE SET edits = excluded.edits, updated_at = excluded.updated_at`,
  );
  return {
    /** The meeting's edits; none (the generated draft) when nobody has edited it. */
    get(meetingId: string): NewsBriefEdits {
      const row = one.get(meetingId);
      return row ? parseEdits(row.edits) : { ...defaultNewsBriefEdits, paragraphs: [] };
    },
    save(meetingId: string, edits: NewsBriefEdits, now: number): void {
      upsert.run(meetingId, JSON.stringify(edits), now);
    },
  };
}
