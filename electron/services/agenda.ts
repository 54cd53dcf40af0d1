import type { MethodOutput, MethodParsedInput } from '../api/contract.ts';
import { detail } from '../api/error-reasons.ts';
import {
  emptyAgendaItemFields,
  insertItem,
  moveItem,
  removeItem,
  reorderItems,
  type AgendaItem,
} from '../core/agenda.ts';
import type { Revision } from '../api/revision.ts';
import type { ServiceContext } from './context.ts';
import { invalidInput, notFound } from './errors.ts';
import { raiseRevision } from './revisions.ts';

/**
 * Runs `change` on the meeting's agenda in one transaction, saves and announces the result, and
 * gives the revision its agenda.saved carries (the caller's answer carries it too).
 */
export function changeAgenda<T>(
  ctx: ServiceContext,
  meetingId: string,
  change: (items: AgendaItem[]) => { items: AgendaItem[]; result: T },
): { items: AgendaItem[]; result: T; revision: Revision } {
  const outcome = ctx.store.transaction(() => {
    const meeting = ctx.store.meetings.get(meetingId);
    if (!meeting) throw notFound('meeting', meetingId);
    const changed = change(ctx.store.agenda.listForMeeting(meetingId));
    ctx.store.agenda.replaceAll(meetingId, changed.items);
    ctx.store.meetings.save({ ...meeting, updatedAt: ctx.now() });
    return changed;
  });
  const revision = raiseRevision(ctx);
  ctx.emit({ kind: 'agenda.saved', meetingId, items: outcome.items, revision });
  return { ...outcome, revision };
}

export function addAgendaItem(
  ctx: ServiceContext,
  input: MethodParsedInput<'agenda.add'>,
): MethodOutput<'agenda.add'> {
  const { id: meetingId, index, ...fields } = input;
  const { items, result, revision } = changeAgenda(ctx, meetingId, (current) => {
    const item: AgendaItem = {
      ...emptyAgendaItemFields,
      ...fields,
      id: ctx.newId(),
      meetingId,
      position: current.length,
    };
    const next = insertItem(current, item, index);
    return { items: next, result: next.find((i) => i.id === item.id) as AgendaItem };
  });
  return { meetingId, items, item: result, revision };
}

export function updateAgendaItem(
  ctx: ServiceContext,
  input: MethodParsedInput<'agenda.update'>,
): MethodOutput<'agenda.update'> {
  const { id: meetingId, itemId, index, ...fields } = input;
  const { items, result, revision } = changeAgenda(ctx, meetingId, (current) => {
    const existing = current.find((i) => i.id === itemId);
    if (!existing) throw notFound('agenda item', itemId);
    let next = current.map((i) => (i.id === itemId ? { ...i, ...fields } : i));
    if (index !== undefined) next = moveItem(next, itemId, index);
    return { items: next, result: next.find((i) => i.id === itemId) as AgendaItem };
  });
  return { meetingId, items, item: result, revision };
}

export function removeAgendaItem(
  ctx: ServiceContext,
  input: MethodParsedInput<'agenda.remove'>,
): MethodOutput<'agenda.remove'> {
  const { id: meetingId, itemId } = input;
  const { items, revision } = changeAgenda(ctx, meetingId, (current) => {
    if (!current.some((i) => i.id === itemId)) throw notFound('agenda item', itemId);
    return { items: removeItem(current, itemId), result: null };
  });
  return { meetingId, items, deletedItemId: itemId, revision };
}

export function reorderAgenda(
  ctx: ServiceContext,
  input: MethodParsedInput<'agenda.reorder'>,
): MethodOutput<'agenda.reorder'> {
  const { items, revision } = changeAgenda(ctx, input.id, (current) => {
    const outcome = reorderItems(current, input.itemIds);
    if (!outcome.ok) {
      const { kind, itemIds } = outcome.problem;
      throw invalidInput(
        'itemIds',
        `${kind} item ids: ${itemIds.join(', ')}`,
        detail('agenda.orderMismatch'),
      );
    }
    return { items: outcome.items, result: null };
  });
  return { meetingId: input.id, items, revision };
}
