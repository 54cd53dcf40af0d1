import type { AgendaItem } from '../core/agenda.ts';
import type { DrawRecord } from '../core/draw.ts';
import type { Meeting } from '../core/meeting.ts';
import type { NewsBriefEdits } from '../core/news-brief.ts';
import type { NoticeSettings } from '../core/notice.ts';
import type { Note } from '../core/notes.ts';
import type { Participant } from '../core/participants.ts';
import type { RunState } from '../core/run.ts';
import type { SeatingPlan } from '../core/seating-plan.ts';

/** Everything an export is made from, read in one go by the export service. */
export interface MeetingData {
  meeting: Meeting;
  items: AgendaItem[];
  notes: Note[];
  run: RunState;
  /** Every lot drawing of the meeting, oldest first. */
  draws: DrawRecord[];
  /** The meeting's people in rank order (issue 16); none for a meeting that does not list them. */
  participants: Participant[];
  /** Its seating plan (issue 16); the defaults when absent. */
  seating?: SeatingPlan;
  /** What the 会议通知 says beyond the meeting (issue 16); the defaults when absent. */
  notice?: NoticeSettings;
  /** The organizer's edits to the 会议信息 draft and the minutes' 会议认为 (issue 17); none when absent. */
  newsBriefEdits?: NewsBriefEdits;
  /** The id the meeting was first made under (see migration 006); its own id when absent. */
  originMeetingId?: string;
}

/** A file ready to send: its name (may be Chinese), type and bytes. */
export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}
