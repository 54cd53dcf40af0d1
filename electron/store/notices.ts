import { defaultNoticeSettings, type NoticeSettings } from '../core/notice.ts';
import type { Db } from './db.ts';

interface NoticeRow {
  settings: string;
}

/**
 * The stored fields over the defaults: a field the file lacks (written before it existed, or
 * edited by hand) reads as its default, and a field that is not text is ignored.
 */
function parseSettings(text: string): NoticeSettings {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ...defaultNoticeSettings };
  }
  const stored =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const settings = { ...defaultNoticeSettings };
  for (const key of Object.keys(settings) as (keyof NoticeSettings)[]) {
    const field = stored[key];
    if (typeof field === 'string') settings[key] = field;
  }
  return settings;
}

export function noticeRepository(db: Db) {
  const one = db.prepare<[string], NoticeRow>(
    'SELECT settings FROM meeting_notices WHERE meeting_id = ?',
  );
  const upsert = db.prepare(
    `INSERT INTO meeting_notices (meeting_id, settings, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (meeting_id) DO UPDATE SET settings = excluded.settings,
       updated_at = excluded.updated_at`,
  );
  return {
    /** The meeting's notice settings; the defaults when the organizer has set none. */
    get(meetingId: string): NoticeSettings {
      const row = one.get(meetingId);
      return row ? parseSettings(row.settings) : { ...defaultNoticeSettings };
    },
    save(meetingId: string, settings: NoticeSettings, now: number): void {
      upsert.run(meetingId, JSON.stringify(settings), now);
    },
  };
}
