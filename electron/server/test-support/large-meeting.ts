import { toBundle } from '../../export/bundle.ts';
import { largeMeetingData } from '../../export/test-support/export-fixture.ts';
import type { RunningServer } from '../app.ts';
import { importMeetingFile } from './meeting-file.ts';

/** The `.roundtable` file of a generated meeting: `items` speeches, `notes` notes among them. */
export function largeMeetingFile(items: number, notes: number): Uint8Array<ArrayBuffer> {
  const file = toBundle(largeMeetingData(items, notes), Date.parse('2026-11-25T18:00:00+08:00'));
  return new Uint8Array(Buffer.from(JSON.stringify(file), 'utf8'));
}

/** Imports a generated meeting (as a copy, so it may be done again); its new id. */
export async function importLargeMeeting(
  server: Pick<RunningServer, 'url'>,
  items: number,
  notes: number,
): Promise<string> {
  const imported = await importMeetingFile(server.url, largeMeetingFile(items, notes), true);
  if (imported.status !== 201) throw new Error(`import answered ${imported.status}`);
  return imported.body.meeting.id as string;
}
