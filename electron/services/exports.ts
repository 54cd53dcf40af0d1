import type { MethodParsedInput } from '../api/contract.ts';
import { makeExport } from '../export/export-file.ts';
import type { ExportFile, MeetingData } from '../export/meeting-data.ts';
import { docxToPdf, findSoffice, PdfUnavailableError } from '../export/pdf-libreoffice.ts';
import type { ServiceContext } from './context.ts';
import { notFound, ServiceError } from './errors.ts';

function readMeetingData(ctx: ServiceContext, meetingId: string): MeetingData {
  const meeting = ctx.store.meetings.get(meetingId);
  if (!meeting) throw notFound('meeting', meetingId);
  return {
    meeting,
    items: ctx.store.agenda.listForMeeting(meetingId),
    notes: ctx.store.notes.listForMeeting(meetingId),
    run: ctx.store.runs.load(meetingId).state,
    draws: ctx.store.draws.listForMeeting(meetingId),
    originMeetingId: ctx.store.meetings.originOf(meetingId),
  };
}

/** The minutes' PDF from LibreOffice, or a message that says what to install. */
async function printWithLibreOffice(docx: Buffer): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice) {
    throw new ServiceError(
      'unavailable',
      'minutes.pdf is printed by LibreOffice, which is not installed on this computer: install LibreOffice (libreoffice.org), or export minutes.docx and save it as PDF from Word or WPS',
    );
  }
  try {
    return await docxToPdf(docx, soffice);
  } catch (error) {
    if (error instanceof PdfUnavailableError) throw new ServiceError('unavailable', error.message);
    throw error;
  }
}

export function exportFile(
  ctx: ServiceContext,
  input: MethodParsedInput<'exports.file'>,
): Promise<ExportFile> {
  return makeExport(input.name, readMeetingData(ctx, input.id), ctx.now(), printWithLibreOffice);
}

export const exportHandlers = (ctx: ServiceContext) => ({
  'exports.file': (input: MethodParsedInput<'exports.file'>) => exportFile(ctx, input),
});
