import type { MethodOutput, MethodParsedInput } from '../api/contract.ts';
import { detail } from '../api/error-reasons.ts';
import type { Revision } from '../api/revision.ts';
import type { SeatingView } from '../api/seating.ts';
import type { Participant } from '../core/participants.ts';
import { planChart, seatedPeople, swapSeats, type SeatingPlan } from '../core/seating-plan.ts';
import type { ServiceContext } from './context.ts';
import { invalidInput, notFound } from './errors.ts';
import { currentRevision, raiseRevision } from './revisions.ts';

export function seatingView(
  plan: SeatingPlan,
  people: readonly Participant[],
  revision: Revision,
): SeatingView {
  const { meetingId, swaps, updatedAt: _updatedAt, ...settings } = plan;
  const chart = planChart(people, plan);
  return { meetingId, settings, chart, swapped: swaps.length > 0, revision };
}

/** The meeting's seating as the console's 座次 gets it. */
export function readSeatingView(ctx: ServiceContext, meetingId: string): SeatingView {
  return seatingView(
    ctx.store.seating.get(meetingId),
    ctx.store.participants.listForMeeting(meetingId),
    currentRevision(ctx),
  );
}

/** Tells every screen the meeting's chart as it is now (after a commit). */
export function announceSeating(ctx: ServiceContext, meetingId: string): SeatingView {
  raiseRevision(ctx);
  const view = readSeatingView(ctx, meetingId);
  ctx.emit({ kind: 'seating.changed', seating: view });
  return view;
}

function changePlan(
  ctx: ServiceContext,
  meetingId: string,
  change: (plan: SeatingPlan, people: Participant[]) => SeatingPlan,
): SeatingView {
  ctx.store.transaction(() => {
    if (!ctx.store.meetings.get(meetingId)) throw notFound('meeting', meetingId);
    const plan = ctx.store.seating.get(meetingId);
    const people = ctx.store.participants.listForMeeting(meetingId);
    ctx.store.seating.save({ ...change(plan, people), updatedAt: ctx.now() });
  });
  return announceSeating(ctx, meetingId);
}

export function getSeating(
  ctx: ServiceContext,
  input: MethodParsedInput<'seating.get'>,
): MethodOutput<'seating.get'> {
  if (!ctx.store.meetings.get(input.id)) throw notFound('meeting', input.id);
  return readSeatingView(ctx, input.id);
}

/** The layout and its numbers; the organizer's swaps stay (they name people, not seats). */
export function updateSeating(
  ctx: ServiceContext,
  input: MethodParsedInput<'seating.update'>,
): MethodOutput<'seating.update'> {
  const { id, ...settings } = input;
  const given = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
  return changePlan(ctx, id, (plan) => ({ ...plan, ...given }));
}

export function swapSeatsOf(
  ctx: ServiceContext,
  input: MethodParsedInput<'seating.swap'>,
): MethodOutput<'seating.swap'> {
  const [a, b] = input.participantIds;
  return changePlan(ctx, input.id, (plan, people) => {
    const seated = new Set(seatedPeople(people).map((p) => p.id));
    input.participantIds.forEach((participantId, index) => {
      if (!seated.has(participantId)) {
        throw invalidInput(
          `participantIds.${index}`,
          'this person has no seat (staff, on leave or not listed)',
          detail('seating.notSeated'),
        );
      }
    });
    return { ...plan, swaps: swapSeats(people, plan, a, b) };
  });
}

/** Back to the rule's arrangement by rank. */
export function resetSeating(
  ctx: ServiceContext,
  input: MethodParsedInput<'seating.reset'>,
): MethodOutput<'seating.reset'> {
  return changePlan(ctx, input.id, (plan) => ({ ...plan, swaps: [] }));
}

export function seatingHandlers(ctx: ServiceContext) {
  return {
    'seating.get': (input: MethodParsedInput<'seating.get'>) => getSeating(ctx, input),
    'seating.update': (input: MethodParsedInput<'seating.update'>) => updateSeating(ctx, input),
    'seating.swap': (input: MethodParsedInput<'seating.swap'>) => swapSeatsOf(ctx, input),
    'seating.reset': (input: MethodParsedInput<'seating.reset'>) => resetSeating(ctx, input),
  };
}

/**
 * The chart follows its people: after any change to a meeting's participants, every screen
 * (the projector among them) gets the chart again, as participants.changed goes to the
 * organizer alone.
 */
export function participantChangesMoveSeats<H extends Record<string, (input: never) => unknown>>(
  ctx: ServiceContext,
  handlers: H,
): H {
  const wrapped: Record<string, (input: never) => unknown> = {};
  for (const [name, handler] of Object.entries(handlers)) {
    const changes = !name.endsWith('.list') && !name.endsWith('.search');
    wrapped[name] = changes
      ? (input: never) => {
          const result = handler(input);
          const meetingId = (input as { id?: unknown }).id;
          if (typeof meetingId === 'string') announceSeating(ctx, meetingId);
          return result;
        }
      : handler;
  }
  return wrapped as H;
}
