import type { ExportName } from '../api/bundle.ts';
import { makeExport } from '../export/export-file.ts';
import type { ExportFile, MeetingData } from '../export/meeting-data.ts';
import { openReadOnlyStore } from '../store/read-only.ts';
import { readMeetingData } from './meeting-data.ts';
import { printWithLibreOffice } from './pdf-printer.ts';

/**
 * One export, as the heavy worker makes it. The meeting is read from `database`, the server's
 * own file, on a read-only connection of the worker's: a 50,000-note read is not the server's
 * event loop's to wait for. `data` instead is for a store without a file (in memory).
 */
export interface ExportJob {
  name: ExportName;
  meetingId: string;
  now: number;
  source: { database: string } | { data: MeetingData };
}

/** The meeting a worker job is made from: read on its own connection, or handed over. */
export function readSource(job: Pick<ExportJob, 'meetingId' | 'source'>): MeetingData {
  if ('data' in job.source) return job.source.data;
  const store = openReadOnlyStore(job.source.database);
  try {
    return store.snapshot(() => readMeetingData(store, job.meetingId));
  } finally {
    store.close();
  }
}

/** Runs in the heavy worker: reads the meeting, makes the file. */
export function makeExportFromJob(
  job: ExportJob,
  onProgress: (fraction: number) => void,
): Promise<ExportFile> {
  const data = readSource(job);
  onProgress(0.1);
  return makeExport(job.name, data, job.now, printWithLibreOffice, (fraction) =>
    onProgress(0.1 + 0.9 * fraction),
  );
}
