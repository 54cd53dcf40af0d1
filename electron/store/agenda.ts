import type { AgendaItem, AgendaItemKind } from '../core/agenda.ts';
import type { Db } from './db.ts';

interface AgendaItemRow {
  id: string;
  meeting_id: string;
  position: number;
  kind: AgendaItemKind;
  title: string;
  speaker: string;
  speaker_position: string;
  organization: string;
  topic: string;
  planned_minutes: number;
  warning_seconds: number | null;
  danger_seconds: number | null;
}

const toItem = (row: AgendaItemRow): AgendaItem => ({
  id: row.id,
  meetingId: row.meeting_id,
  position: row.position,
  kind: row.kind,
  title: row.title,
  speaker: row.speaker,
  speakerPosition: row.speaker_position,
  organization: row.organization,
  topic: row.topic,
  plannedMinutes: row.planned_minutes,
  warningSeconds: row.warning_seconds,
  dangerSeconds: row.danger_seconds,
});

export function agendaRepository(db: Db) {
  const selectForMeeting = db.prepare<[string], AgendaItemRow>(
    'SELECT * FROM agenda_items WHERE meeting_id = ? ORDER BY position, id',
  );
  const upsert = db.prepare(
    `INSERT INTO agenda_items (id, meeting_id, position, kind, title, speaker, speaker_position,
       organization, topic, planned_minutes, warning_seconds, danger_seconds)
     VALUES (@id, @meeting_id, @position, @kind, @title, @speaker, @speaker_position,
       @organization, @topic, @planned_minutes, @warning_seconds, @danger_seconds)
     ON CONFLICT (id) DO UPDATE SET position = excluded.position, kind = excluded.kind,
       title = excluded.title, speaker = excluded.speaker,
       speaker_position = excluded.speaker_position, organization = excluded.organization,
       topic = excluded.topic, planned_minutes = excluded.planned_minutes,
       warning_seconds = excluded.warning_seconds, danger_seconds = excluded.danger_seconds`,
  );
  const existsOne = db.prepare<[string, string], AgendaItemRow>(
    'SELECT * FROM agenda_items WHERE meeting_id = ? AND id = ?',
  );
  const deleteOne = db.prepare<[string, string]>(
    'DELETE FROM agenda_items WHERE meeting_id = ? AND id = ?',
  );

  return {
    get(meetingId: string, itemId: string): AgendaItem | undefined {
      const row = existsOne.get(meetingId, itemId);
      return row && toItem(row);
    },
    listForMeeting(meetingId: string): AgendaItem[] {
      return selectForMeeting.all(meetingId).map(toItem);
    },
    /**
     * Writes the meeting's whole agenda as given: rows not in `items` are deleted. Callers run
     * it inside their transaction, so readers never see a half-renumbered order.
     */
    replaceAll(meetingId: string, items: readonly AgendaItem[]): void {
      const keep = new Set(items.map((i) => i.id));
      for (const old of selectForMeeting.all(meetingId)) {
        if (!keep.has(old.id)) deleteOne.run(meetingId, old.id);
      }
      for (const item of items) {
        upsert.run({
          id: item.id,
          meeting_id: meetingId,
          position: item.position,
          kind: item.kind,
          title: item.title,
          speaker: item.speaker,
          speaker_position: item.speakerPosition,
          organization: item.organization,
          topic: item.topic,
          planned_minutes: item.plannedMinutes,
          warning_seconds: item.warningSeconds,
          danger_seconds: item.dangerSeconds,
        });
      }
    },
  };
}
export type AgendaRepository = ReturnType<typeof agendaRepository>;
