import { bundleSchema, BUNDLE_FORMAT, BUNDLE_VERSION, type MeetingBundle } from '../api/bundle.ts';
import { bundleFault, placeInFile } from '../api/bundle-invariants.ts';
import type { MeetingWithAgenda, MethodParsedInput } from '../api/contract.ts';
import { initialRunState } from '../core/run.ts';
import { fromBundle, withNewIds } from '../export/bundle.ts';
import type { ServiceContext } from './context.ts';
import { invalidInput, ServiceError } from './errors.ts';

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

/**
 * The file, held to the contract's own schemas and limits and to its own invariants; else a
 * refusal naming the first place in the file that is wrong (`items[3].plannedMinutes`).
 */
function readBundle(raw: unknown): MeetingBundle {
  const head = raw as { format?: unknown; version?: unknown } | null;
  if (!head || typeof head !== 'object' || head.format !== BUNDLE_FORMAT) {
    throw invalidInput(
      'format',
      `not a Roundtable meeting file (format "${BUNDLE_FORMAT}" expected)`,
    );
  }
  if (typeof head.version === 'number' && head.version > BUNDLE_VERSION) {
    throw invalidInput(
      'version',
      `written by a newer Roundtable (file format ${head.version}; this version reads up to ${BUNDLE_VERSION}): update Roundtable to open it`,
    );
  }
  const parsed = bundleSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidInput(placeInFile(issue?.path ?? []) || 'file', issue?.message ?? 'invalid');
  }
  const fault = bundleFault(parsed.data);
  if (fault) throw invalidInput(placeInFile(fault.path), fault.message);
  return parsed.data;
}

/**
 * Brings a meeting file in, whole, in one transaction: nothing is written if any part is bad.
 * Every row gets a new id, so a file can only ever add a meeting. The same meeting brought in
 * again (known by its origin) is refused with 409 unless the caller asks for a copy.
 */
export function importMeeting(
  ctx: ServiceContext,
  input: MethodParsedInput<'meetings.importBundle'>,
): MeetingWithAgenda {
  const original = fromBundle(readBundle(parseBundleFile(input.file)));
  const origin = original.originMeetingId ?? original.meeting.id;
  const data = withNewIds(original, ctx.newId);
  ctx.store.transaction(() => {
    const alreadyHere = ctx.store.meetings.findByOrigin(origin) !== undefined;
    if (alreadyHere && !input.asCopy) {
      throw new ServiceError(
        'conflict',
        'this meeting is already here: import it as a copy ("asCopy": true) to keep both',
      );
    }
    ctx.store.meetings.save(data.meeting);
    // A copy beside the meeting it came from is a meeting of its own from now on.
    ctx.store.meetings.setOrigin(data.meeting.id, alreadyHere ? null : origin);
    ctx.store.agenda.replaceAll(data.meeting.id, data.items);
    for (const note of data.notes) ctx.store.notes.save(note);
    for (const draw of data.draws) ctx.store.draws.add(draw);
    ctx.store.runs.save(data.meeting.id, data.run, ctx.now(), initialRunState);
  });
  ctx.emit({ kind: 'meeting.saved', meeting: data.meeting });
  ctx.emit({ kind: 'agenda.saved', meetingId: data.meeting.id, items: data.items });
  return { meeting: data.meeting, items: data.items };
}

export const meetingFileHandlers = (ctx: ServiceContext) => ({
  'meetings.importBundle': (input: MethodParsedInput<'meetings.importBundle'>) =>
    importMeeting(ctx, input),
});
