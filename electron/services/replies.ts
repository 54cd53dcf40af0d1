import type { MethodOutput, MethodParsedInput } from '../api/contract.ts';
import { detail } from '../api/error-reasons.ts';
import { planReplies, readReplyRows, type ReplyFile } from '../core/replies.ts';
import type { ServiceContext } from './context.ts';
import { invalidInput, notFound } from './errors.ts';
import { read } from './imports.ts';
import { changeParticipants } from './participants.ts';
import { announceSeating } from './seating.ts';

/**
 * The returned 参会回执: each file read on its own (off the event loop, as every table import),
 * then all of them checked together against the meeting's list, and imported in one
 * transaction only when every row of every file is good.
 */
export async function readReplies(
  ctx: ServiceContext,
  input: MethodParsedInput<'replies.read'>,
): Promise<MethodOutput<'replies.read'>> {
  if (!ctx.store.meetings.get(input.id)) throw notFound('meeting', input.id);
  const fileName = input.fileName || '回执';
  const table = await read({ ...input, fileName });
  return { fileName, format: table.format, ...readReplyRows(fileName, table.rows) };
}

export function previewReplies(
  ctx: ServiceContext,
  input: MethodParsedInput<'replies.preview'>,
): MethodOutput<'replies.preview'> {
  if (!ctx.store.meetings.get(input.id)) throw notFound('meeting', input.id);
  return planReplies(input.files as ReplyFile[], ctx.store.participants.listForMeeting(input.id));
}

/** Checked again against the list as it is now: it may have changed since the preview. */
export function importReplies(
  ctx: ServiceContext,
  input: MethodParsedInput<'replies.import'>,
): MethodOutput<'replies.import'> {
  const { people, result, revision } = changeParticipants(ctx, input.id, (current, now) => {
    const { changes, problems } = planReplies(input.files as ReplyFile[], current);
    const [first] = problems;
    if (first) {
      throw invalidInput(
        'files',
        `${problems.length} problems in the replies, the first in ${first.file} row ${first.row ?? '-'} (${first.code}); nothing was imported`,
        detail('replies.problems', {
          file: first.file,
          row: first.row ?? 1,
          count: problems.length,
        }),
      );
    }
    const changed = new Map(
      changes.map((c) => {
        const person = current.find((p) => p.id === c.participantId)!;
        const { reply, leaveReason, substitute } = c;
        // A reply without a number keeps the one the list has.
        const phone = c.phone || person.phone;
        return [
          c.participantId,
          { ...person, reply, leaveReason, substitute, phone, updatedAt: now },
        ];
      }),
    );
    for (const person of changed.values()) ctx.store.participants.save(person);
    return { people: current.map((p) => changed.get(p.id) ?? p), result: changed.size };
  });
  // Someone now on leave leaves their seat, and the projector's chart shows it.
  announceSeating(ctx, input.id);
  return { meetingId: input.id, participants: people, changed: result, revision };
}

export function replyHandlers(ctx: ServiceContext) {
  return {
    'replies.read': (input: MethodParsedInput<'replies.read'>) => readReplies(ctx, input),
    'replies.preview': (input: MethodParsedInput<'replies.preview'>) => previewReplies(ctx, input),
    'replies.import': (input: MethodParsedInput<'replies.import'>) => importReplies(ctx, input),
  };
}
