import { sql as init } from './001-init.ts';
import { sql as run } from './002-run.ts';
import { sql as notes } from './003-notes.ts';
import { sql as meetingSettings } from './004-meeting-settings.ts';
import { sql as rosterDraws } from './005-roster-draws.ts';
import { sql as meetingOrigin } from './006-meeting-origin.ts';
import { sql as meetingImporting } from './007-meeting-importing.ts';
import { sql as itemRunTurns } from './008-item-run-turns.ts';
import { sql as messageTarget } from './009-message-target.ts';
import { sql as stage } from './010-stage.ts';
import { sql as minutesMark } from './011-minutes-mark.ts';
import { sql as participants } from './012-participants.ts';
import { sql as seating } from './013-seating.ts';
import { sql as notice } from './014-notice.ts';
import { sql as newsBrief } from './015-news-brief.ts';
import { sql as adjustedLimits } from './016-adjusted-limits.ts';
import { sql as participantPhone } from './017-participant-phone.ts';
import { sql as minutesHeadcount } from './018-minutes-headcount.ts';
import { sql as countsOnProjector } from './019-counts-on-projector.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Every schema change, in order. Append only: a released migration is never edited, a new
 * change is a new file with the next number. Kept as TypeScript modules rather than .sql
 * files so the same list loads under plain Node (serve) and inside the Vite bundle (Electron).
 */
export const migrations: readonly Migration[] = [
  { version: 1, name: '001-init', sql: init },
  { version: 2, name: '002-run', sql: run },
  { version: 3, name: '003-notes', sql: notes },
  { version: 4, name: '004-meeting-settings', sql: meetingSettings },
  { version: 5, name: '005-roster-draws', sql: rosterDraws },
  { version: 6, name: '006-meeting-origin', sql: meetingOrigin },
  { version: 7, name: '007-meeting-importing', sql: meetingImporting },
  { version: 8, name: '008-item-run-turns', sql: itemRunTurns },
  { version: 9, name: '009-message-target', sql: messageTarget },
  { version: 10, name: '010-stage', sql: stage },
  { version: 11, name: '011-minutes-mark', sql: minutesMark },
  { version: 12, name: '012-participants', sql: participants },
  { version: 13, name: '013-seating', sql: seating },
  { version: 14, name: '014-notice', sql: notice },
  { version: 15, name: '015-news-brief', sql: newsBrief },
  { version: 16, name: '016-adjusted-limits', sql: adjustedLimits },
  { version: 17, name: '017-participant-phone', sql: participantPhone },
  { version: 18, name: '018-minutes-headcount', sql: minutesHeadcount },
  { version: 19, name: '019-counts-on-projector', sql: countsOnProjector },
];
