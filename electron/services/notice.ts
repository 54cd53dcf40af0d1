import type { MethodOutput, MethodParsedInput } from '../api/contract.ts';
import type { NoticeView } from '../api/notice.ts';
import type { ServiceContext } from './context.ts';
import { notFound } from './errors.ts';

function noticeView(ctx: ServiceContext, meetingId: string): NoticeView {
  const meeting = ctx.store.meetings.get(meetingId);
  if (!meeting) throw notFound('meeting', meetingId);
  return {
    meetingId,
    settings: ctx.store.notices.get(meetingId),
    defaultIssuer: meeting.organizer,
  };
}

export function getNotice(
  ctx: ServiceContext,
  input: MethodParsedInput<'notice.get'>,
): MethodOutput<'notice.get'> {
  return noticeView(ctx, input.id);
}

/** The fields given replace the stored ones; the others stay. */
export function updateNotice(
  ctx: ServiceContext,
  input: MethodParsedInput<'notice.update'>,
): MethodOutput<'notice.update'> {
  const { id, ...fields } = input;
  const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  ctx.store.transaction(() => {
    if (!ctx.store.meetings.get(id)) throw notFound('meeting', id);
    ctx.store.notices.save(id, { ...ctx.store.notices.get(id), ...given }, ctx.now());
  });
  const view = noticeView(ctx, id);
  ctx.emit({ kind: 'notice.changed', notice: view });
  return view;
}

export function noticeHandlers(ctx: ServiceContext) {
  return {
    'notice.get': (input: MethodParsedInput<'notice.get'>) => getNotice(ctx, input),
    'notice.update': (input: MethodParsedInput<'notice.update'>) => updateNotice(ctx, input),
  };
}
