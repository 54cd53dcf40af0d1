import type { z } from 'zod';
import type { MessageKey, Translate } from '../../i18n/i18n.tsx';
import { issueDetail } from '../../../electron/api/issue-detail.ts';
import { ApiCallError } from '../../api/client.ts';
import { isMessageKey, phrase, say, type Phrase } from '../../i18n/phrase.ts';

/** The label of each field a form can blame, for messages like “会议名称不能为空”. */
const FIELD_LABELS: Record<string, MessageKey> = {
  title: 'meeting.title',
  date: 'meeting.date',
  startTime: 'meeting.startTime',
  venue: 'meeting.venue',
  presider: 'meeting.presider',
  recorder: 'meeting.recorder',
  attendees: 'meeting.attendees',
  nonVotingAttendees: 'meeting.nonVotingAttendees',
  absentees: 'meeting.absentees',
  kind: 'agenda.kind',
  speaker: 'agenda.speaker',
  speakerPosition: 'agenda.speakerPosition',
  organization: 'agenda.organization',
  topic: 'agenda.topic',
  plannedMinutes: 'agenda.minutes',
  warningSeconds: 'meeting.warningSeconds',
  dangerSeconds: 'meeting.dangerSeconds',
  // A note's and a message's text; a note's author and owner.
  text: 'error.field.text',
  author: 'notes.author',
  owner: 'notes.owner',
  // A participant's fields, and the seating plan's numbers.
  phone: 'participants.phone',
  rank: 'participants.rank',
  headCount: 'seating.headCount',
  seatsPerSide: 'seating.seatsPerSide',
  seatsPerRow: 'seating.seatsPerRow',
};

/** One message per field, kept as a phrase: a language switch rewords what the form shows. */
export type FieldErrors = Record<string, Phrase>;

/**
 * Turns the contract's validation issues into one message per field, worded as the server's
 * refusals are (the same reasons, with their limits: “会议名称过长：最多 200 个字”).
 */
export function fieldErrorsFrom(
  error: z.ZodError,
  labelFor?: Record<string, MessageKey>,
): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'body');
    if (out[field]) continue;
    const { reason, params } = issueDetail(issue, field);
    const key = `reason.${reason}`;
    const name = labelFor?.[field] ? phrase(labelFor[field]) : fieldPhrase(field);
    out[field] = isMessageKey(key)
      ? phrase(key, { ...params, field: name })
      : phrase('reason.field.invalid', { field: name });
  }
  return out;
}

/**
 * A refusal that blames one of a form's `fields`, as that field's message (worded as errorPhrase
 * words it), to show at the field; null when the server blamed something else.
 */
export function refusedFields(error: unknown, fields: readonly string[]): FieldErrors | null {
  if (!(error instanceof ApiCallError) || error.field === undefined) return null;
  const field = error.field.split('.')[0] ?? '';
  return fields.includes(field) ? { [field]: errorPhrase(error) } : null;
}

/** The call failed because the server's disk is full: nothing of it was saved. */
export const isStorageFull = (error: unknown): boolean =>
  error instanceof ApiCallError && error.code === 'storage_full';

/** A field the server blames, as the form calls it (else its path, as in a meeting file). */
function fieldPhrase(field: string): Phrase | string {
  const key = FIELD_LABELS[field.split('.')[0] ?? ''];
  return key ? phrase(key) : field;
}

/**
 * Why a call failed, as a phrase of the catalogs: the server's reason and params when it sent
 * one the catalogs word; else by its code; else a generic sentence with the code, never the
 * server's English.
 */
export function errorPhrase(error: unknown): Phrase {
  if (error instanceof ApiCallError) {
    if (error.code === 'network') return phrase('error.network');
    if (error.code === 'storage_full') return phrase('error.storageFull');
    const key = error.reason ? `reason.${error.reason}` : '';
    if (isMessageKey(key)) {
      const { more, field, ...rest } = error.params ?? {};
      const params: Record<string, string | number | Phrase> = { ...rest };
      if (field !== undefined) params.field = fieldPhrase(String(field));
      const said = phrase(key, params);
      return typeof more === 'number' && more > 0
        ? { ...said, then: phrase('error.more', { count: more }) }
        : said;
    }
    if (error.code === 'not_found') return phrase('error.notFound');
    return phrase('error.generic', {
      code: error.status ? `${error.code} ${error.status}` : error.code,
    });
  }
  return phrase('error.generic', { code: error instanceof Error ? error.name : 'unknown' });
}

/** A failed call as a notice: “操作失败：…”, or the network's or disk's own sentence. */
export function callErrorPhrase(error: unknown): Phrase {
  const why = errorPhrase(error);
  if (['error.network', 'error.notFound', 'error.storageFull', 'error.generic'].includes(why.key)) {
    return why;
  }
  return phrase('error.server', { message: why });
}

/** A message for a failed call, in the current language (for what is worded at once). */
export function callErrorMessage(t: Translate, error: unknown): string {
  return say(t, callErrorPhrase(error));
}
