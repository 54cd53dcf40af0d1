import type { MethodParsedInput } from '../api/contract.ts';
import { detail } from '../api/error-reasons.ts';
import { itemHeadline } from '../core/agenda.ts';
import { applyDraw, isDrawn, makeDraw, type DrawRecord } from '../core/draw.ts';
import type { ServiceContext } from './context.ts';
import { notFound, ServiceError } from './errors.ts';
import { raiseRevision } from './revisions.ts';

/**
 * Draws the speaking order (抽签) and applies it, in one transaction with its record. A meeting
 * drawn before is drawn again only on confirmation, and every earlier record is kept; once the
 * meeting has begun, the order stands.
 */
export function makeMeetingDraw(
  ctx: ServiceContext,
  input: MethodParsedInput<'draw.make'>,
): DrawRecord {
  const record = ctx.store.transaction(() => {
    const meeting = ctx.store.meetings.get(input.id);
    if (!meeting) throw notFound('meeting', input.id);
    const items = ctx.store.agenda.listForMeeting(input.id);
    if (items.filter(isDrawn).length < 2) {
      throw new ServiceError(
        'conflict',
        'there are fewer than two exchange speeches to draw',
        undefined,
        detail('draw.tooFew'),
      );
    }
    if (Object.keys(ctx.store.runs.load(input.id).state.itemRuns).length > 0) {
      throw new ServiceError(
        'conflict',
        'the meeting has begun: its speaking order can no longer be drawn',
        undefined,
        detail('draw.begun'),
      );
    }
    const earlier = ctx.store.draws.listForMeeting(input.id);
    if (earlier.length > 0 && input.confirm !== true) {
      throw new ServiceError(
        'conflict',
        `this meeting was drawn already (${earlier.length} time(s)): send "confirm": true to draw again; every record is kept`,
        undefined,
        detail('draw.already', { count: earlier.length }),
      );
    }
    const drawn = makeDraw(
      items,
      {
        id: ctx.newId(),
        meetingId: input.id,
        seed: input.seed ?? ctx.randomSeed(),
        drawnAt: ctx.now(),
        drawnBy: input.drawnBy || '会务组',
      },
      (item) => itemHeadline(item),
    );
    ctx.store.draws.add(drawn);
    ctx.store.agenda.replaceAll(input.id, applyDraw(items, drawn.order));
    ctx.store.meetings.save({ ...meeting, updatedAt: ctx.now() });
    return drawn;
  });
  ctx.emit({
    kind: 'agenda.saved',
    meetingId: input.id,
    items: ctx.store.agenda.listForMeeting(input.id),
    revision: raiseRevision(ctx),
  });
  ctx.emit({ kind: 'draw.made', draw: record });
  return record;
}

export const drawHandlers = (ctx: ServiceContext) => ({
  'draw.make': (input: MethodParsedInput<'draw.make'>) => makeMeetingDraw(ctx, input),
  'draw.list': (input: MethodParsedInput<'draw.list'>) => {
    if (!ctx.store.meetings.get(input.id)) throw notFound('meeting', input.id);
    return { draws: ctx.store.draws.listForMeeting(input.id) };
  },
});
