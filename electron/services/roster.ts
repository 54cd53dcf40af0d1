import type { MethodOutput, MethodParsedInput } from '../api/contract.ts';
import { orderByRoster, speechesFromRoster, type RosterEntry } from '../core/roster.ts';
import { changeAgenda } from './agenda.ts';
import type { ServiceContext } from './context.ts';
import { notFound } from './errors.ts';

function announce(ctx: ServiceContext): void {
  ctx.emit({ kind: 'roster.saved', entries: ctx.store.roster.list() });
}

export function addRosterEntry(
  ctx: ServiceContext,
  input: MethodParsedInput<'roster.add'>,
): RosterEntry {
  const now = ctx.now();
  const entry: RosterEntry = {
    ...input,
    id: ctx.newId(),
    sequence: ctx.store.roster.nextSequence(),
    retired: false,
    createdAt: now,
    updatedAt: now,
  };
  ctx.store.transaction(() => ctx.store.roster.save(entry));
  announce(ctx);
  return entry;
}

/** Edits, retires or brings back an entry, or moves it to another place in the roster. */
export function updateRosterEntry(
  ctx: ServiceContext,
  input: MethodParsedInput<'roster.update'>,
): RosterEntry {
  const { entryId, index, ...fields } = input;
  const saved = ctx.store.transaction(() => {
    const entries = ctx.store.roster.list();
    const entry = entries.find((e) => e.id === entryId);
    if (!entry) throw notFound('roster entry', entryId);
    const changed: RosterEntry = { ...entry, ...fields, updatedAt: ctx.now() };
    ctx.store.roster.save(changed);
    if (index !== undefined) {
      // Renumber in the new order: a roster is short, and whole numbers read well in a file.
      const order = entries.filter((e) => e.id !== entryId);
      order.splice(Math.min(index, order.length), 0, changed);
      order.forEach((e, position) => ctx.store.roster.save({ ...e, sequence: position + 1 }));
    }
    return ctx.store.roster.get(entryId) as RosterEntry;
  });
  announce(ctx);
  return saved;
}

/** Adds a speech for every active roster entry not on the agenda yet, before the leader's. */
export function fillAgendaFromRoster(
  ctx: ServiceContext,
  input: MethodParsedInput<'agenda.fillFromRoster'>,
): MethodOutput<'agenda.fillFromRoster'> {
  const { items, revision } = changeAgenda(ctx, input.id, (current) => {
    const fields = speechesFromRoster(ctx.store.roster.list(), current);
    const leaderAt = current.findIndex((i) => i.kind === 'leader');
    const at = leaderAt < 0 ? current.length : leaderAt;
    const added = fields.map((f) => ({ ...f, id: ctx.newId(), meetingId: input.id, position: 0 }));
    const next = [...current.slice(0, at), ...added, ...current.slice(at)].map(
      (item, position) => ({
        ...item,
        position,
      }),
    );
    return { items: next, result: null };
  });
  return { meetingId: input.id, items, revision };
}

export function orderAgendaByRoster(
  ctx: ServiceContext,
  input: MethodParsedInput<'agenda.orderByRoster'>,
): MethodOutput<'agenda.orderByRoster'> {
  const { items, revision } = changeAgenda(ctx, input.id, (current) => ({
    items: orderByRoster(current, ctx.store.roster.list()),
    result: null,
  }));
  return { meetingId: input.id, items, revision };
}

export const rosterHandlers = (ctx: ServiceContext) => ({
  'roster.list': (_input: MethodParsedInput<'roster.list'>) => ({
    entries: ctx.store.roster.list(),
  }),
  'roster.add': (input: MethodParsedInput<'roster.add'>) => addRosterEntry(ctx, input),
  'roster.update': (input: MethodParsedInput<'roster.update'>) => updateRosterEntry(ctx, input),
  'agenda.fillFromRoster': (input: MethodParsedInput<'agenda.fillFromRoster'>) =>
    fillAgendaFromRoster(ctx, input),
  'agenda.orderByRoster': (input: MethodParsedInput<'agenda.orderByRoster'>) =>
    orderAgendaByRoster(ctx, input),
});
