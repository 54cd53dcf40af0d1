import type { z } from 'zod';
import type { MessageKey, Translate } from '../../i18n/i18n.tsx';
import { ApiCallError } from '../../api/client.ts';

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
};

export type FieldErrors = Record<string, string>;

function label(t: Translate, field: string): string {
  const key = FIELD_LABELS[field.split('.')[0] ?? ''];
  return key ? t(key) : field;
}

/** Turns the contract's validation issues into one localized message per field. */
export function fieldErrorsFrom(
  t: Translate,
  error: z.ZodError,
  labelFor?: Record<string, MessageKey>,
): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'body');
    if (out[field]) continue;
    const name = labelFor?.[field] ? t(labelFor[field]) : label(t, field);
    const isString = 'origin' in issue && issue.origin === 'string';
    if (issue.code === 'too_small' && isString) out[field] = t('error.required', { field: name });
    else if (issue.code === 'too_big' && isString) out[field] = t('error.tooLong', { field: name });
    else if (issue.code === 'too_small' || issue.code === 'too_big')
      out[field] = t('error.range', { field: name });
    else out[field] = t('error.invalid', { field: name });
  }
  return out;
}

/** The call failed because the server's disk is full: nothing of it was saved. */
export const isStorageFull = (error: unknown): boolean =>
  error instanceof ApiCallError && error.code === 'storage_full';

/** A message for a failed call: the blamed field when the server names one. */
export function callErrorMessage(t: Translate, error: unknown): string {
  if (error instanceof ApiCallError) {
    if (error.code === 'network') return t('error.network');
    if (error.code === 'not_found') return t('error.notFound');
    if (error.code === 'storage_full') return t('error.storageFull');
    if (error.field && FIELD_LABELS[error.field]) {
      return t('error.server', { message: `${label(t, error.field)}：${error.message}` });
    }
    return t('error.server', { message: error.message });
  }
  return t('error.server', { message: String(error) });
}
