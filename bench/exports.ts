import { performance } from 'node:perf_hooks';
import { EXPORT_NAMES } from '../electron/api/bundle.ts';
import { largeMeetingData } from '../electron/export/test-support/export-fixture.ts';
import { makeExport } from '../electron/export/export-file.ts';
import type { MeetingData } from '../electron/export/meeting-data.ts';
import { docxToPdf, findSoffice } from '../electron/export/pdf-libreoffice.ts';
import { seatingPeople } from '../electron/core/test-support/participants.ts';
import { seatingSampleData } from '../electron/export/test-support/seating-people.ts';
import { percentile, type BenchRow } from './stats.ts';

/** Every export but the PDF, whose time is LibreOffice's (the target excludes it). */
const NAMES = EXPORT_NAMES.filter((name) => name !== 'minutes.pdf');
const noPdf = () => Promise.reject(new Error('not measured'));

async function allExportsMs(data: MeetingData): Promise<number> {
  const startedAt = performance.now();
  for (const name of NAMES) await makeExport(name, data, Date.now(), noPdf);
  return performance.now() - startedAt;
}

/**
 * The time to make every export of a meeting, one after another as the export service does:
 * the sample (a full day's notes, 40 on one speaker, and its people seated: the seating chart
 * and the table cards of a meeting with nobody to seat are refused, not made) and a 200-item
 * meeting with 5,000 notes and the same people.
 * Target: the whole sample set within 1 s.
 */
export async function benchExports(): Promise<BenchRow[]> {
  const sample = seatingSampleData();
  const largeMeeting = largeMeetingData(200, 5000);
  const large = { ...largeMeeting, participants: seatingPeople(largeMeeting.meeting.id) };
  await allExportsMs(sample); // warm-up: modules compiled, fonts tables built
  const sampleRuns: number[] = [];
  for (let i = 0; i < 10; i++) sampleRuns.push(await allExportsMs(sample));
  const largeRuns: number[] = [];
  for (let i = 0; i < 3; i++) largeRuns.push(await allExportsMs(large));
  const perExport: BenchRow[] = [];
  for (const name of NAMES) {
    const startedAt = performance.now();
    await makeExport(name, sample, Date.now(), noPdf);
    perExport.push({
      name: `export_sample_${name.replace(/[.-]/g, '_')}_ms`,
      unit: 'ms',
      value: performance.now() - startedAt,
    });
  }
  const soffice = findSoffice();
  if (soffice) {
    const startedAt = performance.now();
    await makeExport('minutes.pdf', sample, Date.now(), (docx) => docxToPdf(docx, soffice));
    perExport.push({
      name: 'export_sample_minutes_pdf_libreoffice_ms',
      unit: 'ms',
      value: performance.now() - startedAt,
    });
  }
  return [
    { name: 'export_sample_ms', unit: 'ms', value: percentile(sampleRuns, 50) },
    ...perExport,
    { name: 'export_200_items_5000_notes_ms', unit: 'ms', value: percentile(largeRuns, 50) },
  ];
}
