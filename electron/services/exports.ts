import { bundleSchema, BUNDLE_FORMAT, BUNDLE_VERSION, type MeetingBundle } from '../api/bundle.ts';
import type { MeetingWithAgenda, MethodParsedInput } from '../api/contract.ts';
import { initialRunState } from '../core/run.ts';
import { fromBundle, toBundle, withNewIds } from '../export/bundle.ts';
import type { ExportFile, MeetingData } from '../export/meeting-data.ts';
import { hostScript } from '../export/host-script.ts';
import { hostScriptDocx } from '../export/host-script-docx.ts';
import { minutesDocx } from '../export/minutes-docx.ts';
import { minutesMarkdown } from '../export/minutes-md.ts';
import { minutesModel } from '../export/minutes-model.ts';
import { timingCsv } from '../export/timing-report.ts';
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
  };
}

/** A title fit for a file name on Windows, macOS and Linux alike. */
const safeName = (title: string) =>
  title
    .replace(/[\\/:*?"<>|\r\n\t]/g, '')
    .trim()
    .slice(0, 80) || 'meeting';

/** The venue's clock: the server runs on the organizer's computer, in the venue's time zone. */
const clockTime = (epochMs: number) => {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
};

export async function exportFile(
  ctx: ServiceContext,
  input: MethodParsedInput<'exports.file'>,
): Promise<ExportFile> {
  const data = readMeetingData(ctx, input.id);
  const title = safeName(data.meeting.title);
  switch (input.name) {
    case 'minutes.md':
      return {
        fileName: `${title}-纪要.md`,
        contentType: 'text/markdown; charset=utf-8',
        body: Buffer.from(minutesMarkdown(data), 'utf8'),
      };
    case 'minutes.docx':
      return {
        fileName: `${title}-纪要.docx`,
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        body: await minutesDocx(minutesModel(data)),
      };
    case 'host-script.docx':
      return {
        fileName: `${title}-主持词.docx`,
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        body: await hostScriptDocx(hostScript(data), `${data.meeting.title}主持词`),
      };
    case 'timing.csv': {
      const plannedStartAt = new Date(
        `${data.meeting.date}T${data.meeting.startTime}:00`,
      ).getTime();
      return {
        fileName: `${title}-计时报告.csv`,
        contentType: 'text/csv; charset=utf-8',
        body: timingCsv(data, plannedStartAt, clockTime),
      };
    }
    case 'meeting.roundtable':
      return {
        fileName: `${title}.roundtable`,
        contentType: 'application/json; charset=utf-8',
        body: Buffer.from(JSON.stringify(toBundle(data, ctx.now())), 'utf8'),
      };
    default:
      input.name satisfies never;
      throw notFound('export', String(input.name));
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
  input: MethodParsedInput<'meetings.import'>,
): MeetingWithAgenda {
  const original = fromBundle(readBundle(input.bundle));
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
    ctx.store.runs.save(data.meeting.id, data.run, ctx.now(), initialRunState);
  });
  ctx.emit({ kind: 'meeting.saved', meeting: data.meeting });
  ctx.emit({ kind: 'agenda.saved', meetingId: data.meeting.id, items: data.items });
  return { meeting: data.meeting, items: data.items };
}

export const exportHandlers = (ctx: ServiceContext) => ({
  'exports.file': (input: MethodParsedInput<'exports.file'>) => exportFile(ctx, input),
  'meetings.import': (input: MethodParsedInput<'meetings.import'>) => importMeeting(ctx, input),
});
