import { randomUUID } from 'node:crypto';
import { bundleSchema, BUNDLE_FORMAT, BUNDLE_VERSION, type MeetingBundle } from '../api/bundle.ts';
import { bundleFault, placeInFile } from '../api/bundle-invariants.ts';
import type { Note } from '../core/notes.ts';
import { fromBundle, withNewIds } from '../export/bundle.ts';
import type { MeetingData } from '../export/meeting-data.ts';
import { detail } from '../api/error-reasons.ts';
import { issueDetail } from '../api/issue-detail.ts';
import { invalidInput } from './errors.ts';

const notMeetingFile = detail('meetingFile.notMeetingFile');

/**
 * Reading a meeting file, done in the heavy worker: decoding, parsing and checking 50,000
 * notes takes seconds and hundreds of MiB, which must not be the server's event loop's or heap's.
 */

/** No part of a meeting file lies deeper than this; a file of nested `[` is refused unparsed. */
const MAX_NESTING = 16;
/**
 * More objects and arrays than a meeting file can hold within its limits (50,000 notes, 500
 * items and item runs, 1,000 draws of up to 500 entries each: about 555,000). 64 MiB of `{},`
 * are 22 million: parsed, they filled a worker's 1,024 MiB over two minutes before it gave up.
 */
const MAX_CONTAINERS = 600_000;

/** What is wrong with the JSON's shape, found without parsing it (strings skipped); or null. */
function shapeFault(text: string): string | null {
  let depth = 0;
  let containers = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_NESTING) return `it nests deeper than ${MAX_NESTING} levels`;
      if (++containers > MAX_CONTAINERS) {
        return `it has more parts than a meeting file can (over ${MAX_CONTAINERS.toLocaleString('en')} objects and lists)`;
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return null;
}

/** The file's text as JSON, or a message that says it is not a meeting file. */
function parseBundleFile(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw invalidInput(
      'file',
      'not a Roundtable meeting file (it is not text; damaged?)',
      notMeetingFile,
    );
  }
  if (!text.trim()) throw invalidInput('file', 'the file is empty', detail('meetingFile.empty'));
  const fault = shapeFault(text);
  if (fault) throw invalidInput('file', `not a Roundtable meeting file: ${fault}`, notMeetingFile);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidInput(
      'file',
      `not a Roundtable meeting file, or a damaged one (${(error as Error).message})`,
      notMeetingFile,
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
      notMeetingFile,
    );
  }
  if (typeof head.version === 'number' && head.version > BUNDLE_VERSION) {
    throw invalidInput(
      'version',
      `written by a newer Roundtable (file format ${head.version}; this version reads up to ${BUNDLE_VERSION}): update Roundtable to open it`,
      detail('meetingFile.newerVersion', { version: head.version }),
    );
  }
  const parsed = bundleSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const place = placeInFile(issue?.path ?? []) || 'file';
    const why = issue ? issueDetail(issue, place) : detail('field.invalid', { field: place });
    throw invalidInput(place, issue?.message ?? 'invalid', why);
  }
  const fault = bundleFault(parsed.data);
  if (fault) {
    const place = placeInFile(fault.path);
    throw invalidInput(place, fault.message, detail('field.invalid', { field: place }));
  }
  return parsed.data;
}

/** What the server writes first (all but the notes), and how many notes follow. */
export interface MeetingFileHead {
  /** The meeting under new ids, without its notes. */
  data: Omit<MeetingData, 'notes'>;
  /** The id the meeting was first made under: the same meeting is known by it. */
  origin: string;
  noteCount: number;
}

/** A meeting file read and checked, under new ids: its head now, its notes in batches. */
export function readMeetingFile(
  bytes: Uint8Array,
  onProgress: (fraction: number) => void,
): { head: MeetingFileHead; notes: Note[] } {
  const raw = parseBundleFile(bytes);
  onProgress(0.4);
  const original = fromBundle(readBundle(raw));
  onProgress(0.8);
  const { notes, ...rest } = withNewIds(original, randomUUID);
  return {
    head: {
      data: rest,
      origin: original.originMeetingId ?? original.meeting.id,
      noteCount: notes.length,
    },
    notes,
  };
}
