import {
  defaultNewsBriefEdits,
  legacyParagraphEdits,
  type NewsBriefEdits,
  type ParagraphEdit,
} from '../core/news-brief.ts';
import type { Db } from './db.ts';

interface EditsRow {
  edits: string;
}

/**
 * A stored paragraph edit: by key, or (written before paragraphs had keys) the organizer's text
 * by place; an entry of neither shape is left out.
 */
function parseParagraphs(stored: unknown): ParagraphEdit[] {
  if (!Array.isArray(stored)) return [];
  if (stored.some((v) => typeof v === 'string' || v === null))
    return legacyParagraphEdits(stored.map((v) => (typeof v === 'string' ? v : null)));
  return stored.flatMap((v: unknown) => {
    const e = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
    return typeof e.key === 'string' && typeof e.text === 'string'
      ? [
          {
            key: e.key,
            text: e.text,
            draftHash: typeof e.draftHash === 'string' ? e.draftHash : '',
            keepAtEnd: e.keepAtEnd === true,
          },
        ]
      : [];
  });
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
    paragraphs: parseParagraphs(stored.paragraphs),
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
