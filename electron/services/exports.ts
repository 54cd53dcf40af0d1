import { bundleSchema, BUNDLE_FORMAT, BUNDLE_VERSION, type MeetingBundle } from '../api/bundle.ts';
import type { MeetingWithAgenda, MethodParsedInput } from '../api/contract.ts';
import { initialRunState } from '../core/run.ts';
import { fromBundle, withNewIds } from '../export/bundle.ts';
import { makeExport } from '../export/export-file.ts';
import type { ExportFile, MeetingData } from '../export/meeting-data.ts';
import { docxToPdf, findSoffice, PdfUnavailableError } from '../export/pdf-libreoffice.ts';
import type { ServiceContext } from './context.ts';
import { invalidInput, notFound, ServiceError } from './errors.ts';

function readMeetingData(ctx: ServiceContext, meetingId: string): MeetingData {
  const meeting = ctx.store.meetings.get(meetingId);
  if (!meeting) throw notFound('meeting', meetingId);
  return {
    meeting,
    items: ctx.store.agenda.listForMeeting(meetingId),
    notes: ctx.store.notes.listForMeeting(meetingId),
    run: ctx.store.runs.load(meetingId).state,
    draws: ctx.store.draws.listForMeeting(meetingId),
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

/** The file's text as JSON, or a message that says it is not a meeting file. */
function parseBundleFile(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw invalidInput('file', 'not a Roundtable meeting file (it is not text; damaged?)');
  }
  if (!text.trim()) throw invalidInput('file', 'the file is empty');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidInput(
      'file',
      `not a Roundtable meeting file, or a damaged one (${(error as Error).message})`,
    );
  }
}

/** Says what is wrong with a bundle in words a person can act on. */
function readBundle(raw: unknown): MeetingBundle {
  const head = raw as { format?: unknown; version?: unknown } | null;
  if (!head || typeof head !== 'object' || head.format !== BUNDLE_FORMAT) {
    throw invalidInput(
      'bundle',
      `not a Roundtable meeting file (format "${BUNDLE_FORMAT}" expected)`,
    );
  }
  if (typeof head.version === 'number' && head.version > BUNDLE_VERSION) {
    throw invalidInput(
      'bundle',
      `written by a newer Roundtable (file format ${head.version}; this version reads up to ${BUNDLE_VERSION}): update Roundtable to open it`,
    );
  }
  const parsed = bundleSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidInput(`bundle.${issue?.path.join('.') ?? ''}`, issue?.message ?? 'invalid');
  }
  const bundle = parsed.data;
  const itemIds = new Set(bundle.items.map((i) => i.id));
  if (bundle.items.some((i) => i.meetingId !== bundle.meeting.id)) {
    throw invalidInput('bundle.items', 'an agenda item belongs to another meeting');
  }
  if (bundle.notes.some((n) => !itemIds.has(n.itemId) || n.meetingId !== bundle.meeting.id)) {
    throw invalidInput('bundle.notes', 'a note refers to an agenda item that is not in the file');
  }
  if (bundle.run.itemRuns.some((r) => !itemIds.has(r.itemId))) {
    throw invalidInput(
      'bundle.run',
      'the timing record refers to an agenda item that is not in the file',
    );
  }
  return bundle;
}

/** Brings a meeting file in, whole, in one transaction: nothing is written if any part is bad. */
export function importMeeting(
  ctx: ServiceContext,
  input: MethodParsedInput<'meetings.importBundle'>,
): MeetingWithAgenda {
  const original = fromBundle(readBundle(parseBundleFile(input.file)));
  const data = input.asCopy ? withNewIds(original, ctx.newId) : original;
  ctx.store.transaction(() => {
    if (ctx.store.meetings.get(data.meeting.id)) {
      throw new ServiceError(
        'conflict',
        'this meeting is already here: import it as a copy ("asCopy": true) to keep both',
      );
    }
    ctx.store.meetings.save(data.meeting);
    ctx.store.agenda.replaceAll(data.meeting.id, data.items);
    for (const note of data.notes) ctx.store.notes.save(note);
    for (const draw of data.draws) ctx.store.draws.add(draw);
    ctx.store.runs.save(data.meeting.id, data.run, ctx.now(), initialRunState);
  });
  ctx.emit({ kind: 'meeting.saved', meeting: data.meeting });
  ctx.emit({ kind: 'agenda.saved', meetingId: data.meeting.id, items: data.items });
  return { meeting: data.meeting, items: data.items };
}

export const exportHandlers = (ctx: ServiceContext) => ({
  'exports.file': (input: MethodParsedInput<'exports.file'>) => exportFile(ctx, input),
  'meetings.importBundle': (input: MethodParsedInput<'meetings.importBundle'>) =>
    importMeeting(ctx, input),
});
