import type { MethodOutput, MethodParsedInput } from '../api/contract.ts';
import type { Revision } from '../api/revision.ts';
import { detail } from '../api/error-reasons.ts';
import { PARTICIPANTS_MAX } from '../api/participants.ts';
import { byRank, type Participant } from '../core/participants.ts';
import { matchPerson, searchTerms } from '../core/search.ts';
import type { ServiceContext } from './context.ts';
import { currentRevision } from './revisions.ts';
import { announcePeopleChange } from './sign-in.ts';
import { invalidInput, notFound } from './errors.ts';

type ParticipantList = MethodOutput<'participants.list'>;

/**
 * Runs `change` on the meeting's people in one transaction and tells the screens the list it
 * left. `change` saves what it changes and answers with the list as it is now.
 */
export function changeParticipants<T>(
  ctx: ServiceContext,
  meetingId: string,
  change: (people: Participant[], now: number) => { people: Participant[]; result: T },
): { people: Participant[]; result: T; revision: Revision } {
  const outcome = ctx.store.transaction(() => {
    if (!ctx.store.meetings.get(meetingId)) throw notFound('meeting', meetingId);
    return change(ctx.store.participants.listForMeeting(meetingId), ctx.now());
  });
  const people = byRank(outcome.people);
  // The doors list the same people: a name corrected or a person added reaches them too, and
  // the projector's counts follow.
  const revision = announcePeopleChange(ctx, meetingId, people);
  return { people, result: outcome.result, revision };
}

const tooMany = (field: string) =>
  invalidInput(
    field,
    `a meeting lists at most ${PARTICIPANTS_MAX} people`,
    detail('participants.tooMany', { max: PARTICIPANTS_MAX }),
  );

const nextRank = (people: readonly Participant[]) =>
  people.reduce((highest, p) => Math.max(highest, p.rank), 0) + 1;

export function listParticipants(ctx: ServiceContext, meetingId: string): ParticipantList {
  if (!ctx.store.meetings.get(meetingId)) throw notFound('meeting', meetingId);
  return {
    meetingId,
    participants: ctx.store.participants.listForMeeting(meetingId),
    revision: currentRevision(ctx),
  };
}

export function addParticipant(
  ctx: ServiceContext,
  input: MethodParsedInput<'participants.add'>,
): MethodOutput<'participants.add'> {
  const { id: meetingId, ...fields } = input;
  const { people, result, revision } = changeParticipants(ctx, meetingId, (current, now) => {
    if (current.length >= PARTICIPANTS_MAX) throw tooMany('name');
    const person: Participant = {
      organization: '',
      position: '',
      phone: '',
      rank: nextRank(current),
      role: 'attendee',
      reply: 'none',
      leaveReason: '',
      substitute: '',
      ...fields,
      id: ctx.newId(),
      meetingId,
      signedInAt: null,
      createdAt: now,
      updatedAt: now,
    };
    ctx.store.participants.save(person);
    return { people: [...current, person], result: person };
  });
  return { meetingId, participants: people, participant: result, revision };
}

/**
 * Every active roster entry with a name that is not on the list yet (same name and
 * organization), as 出席, ranked after the people already there in the roster's order.
 */
export function addParticipantsFromRoster(
  ctx: ServiceContext,
  input: MethodParsedInput<'participants.addFromRoster'>,
): MethodOutput<'participants.addFromRoster'> {
  const meetingId = input.id;
  const { people, result, revision } = changeParticipants(ctx, meetingId, (current, now) => {
    const listed = new Set(current.map((p) => `${p.name}\u0000${p.organization}`));
    const entries = ctx.store.roster
      .list()
      .filter(
        (e) => !e.retired && e.name !== '' && !listed.has(`${e.name}\u0000${e.organization}`),
      );
    if (current.length + entries.length > PARTICIPANTS_MAX) throw tooMany('id');
    const first = nextRank(current);
    const added = entries.map((entry, k): Participant => ({
      id: ctx.newId(),
      meetingId,
      name: entry.name,
      organization: entry.organization,
      position: entry.position,
      phone: '',
      rank: first + k,
      role: 'attendee',
      reply: 'none',
      leaveReason: '',
      substitute: '',
      signedInAt: null,
      createdAt: now,
      updatedAt: now,
    }));
    for (const person of added) ctx.store.participants.save(person);
    return { people: [...current, ...added], result: added.length };
  });
  return { meetingId, participants: people, added: result, revision };
}

/** Edits a person: name, rank, role, reply (with its reason or substitute). */
export function updateParticipant(
  ctx: ServiceContext,
  input: MethodParsedInput<'participants.update'>,
): MethodOutput<'participants.update'> {
  const { id: meetingId, participantId, ...fields } = input;
  const { people, result, revision } = changeParticipants(ctx, meetingId, (current, now) => {
    const existing = current.find((p) => p.id === participantId);
    if (!existing) throw notFound('participant', participantId);
    const changed: Participant = { ...existing, ...fields, updatedAt: now };
    ctx.store.participants.save(changed);
    return { people: current.map((p) => (p.id === participantId ? changed : p)), result: changed };
  });
  return { meetingId, participants: people, participant: result, revision };
}

export function removeParticipant(
  ctx: ServiceContext,
  input: MethodParsedInput<'participants.remove'>,
): MethodOutput<'participants.remove'> {
  const { id: meetingId, participantId } = input;
  const { people, revision } = changeParticipants(ctx, meetingId, (current, now) => {
    if (!ctx.store.participants.remove(meetingId, participantId)) {
      throw notFound('participant', participantId);
    }
    // The ranks close up (1, 2, 3…), so the list never reads 3, 5.
    const left = byRank(current.filter((p) => p.id !== participantId)).map((person, k) =>
      person.rank === k + 1 ? person : { ...person, rank: k + 1, updatedAt: now },
    );
    for (const person of left) ctx.store.participants.save(person);
    return { people: left, result: null };
  });
  return { meetingId, participants: people, deletedParticipantId: participantId, revision };
}

/** The whole list in a new order, named by id: ranks become 1, 2, 3… in that order. */
export function reorderParticipants(
  ctx: ServiceContext,
  input: MethodParsedInput<'participants.reorder'>,
): MethodOutput<'participants.reorder'> {
  const { id: meetingId, participantIds } = input;
  const { people, revision } = changeParticipants(ctx, meetingId, (current, now) => {
    const known = new Set(current.map((p) => p.id));
    const named = new Set(participantIds);
    const same =
      named.size === participantIds.length &&
      named.size === known.size &&
      participantIds.every((id) => known.has(id));
    if (!same) {
      throw invalidInput(
        'participantIds',
        'must name every participant of the meeting once',
        detail('participants.orderMismatch'),
      );
    }
    const byId = new Map(current.map((p) => [p.id, p]));
    const ordered = participantIds.map((id, k): Participant => {
      const person = byId.get(id) as Participant;
      return person.rank === k + 1 ? person : { ...person, rank: k + 1, updatedAt: now };
    });
    for (const person of ordered) ctx.store.participants.save(person);
    return { people: ordered, result: null };
  });
  return { meetingId, participants: people, revision };
}

/** People by name, organization or substitute, newest meeting first, in rank order within one. */
export function searchParticipants(
  ctx: ServiceContext,
  input: MethodParsedInput<'participants.search'>,
): MethodOutput<'participants.search'> {
  const terms = searchTerms(input.q);
  const results: MethodOutput<'participants.search'>['results'] = [];
  for (const { person, meetingTitle, meetingDate } of ctx.store.participants.listSearchable(
    input.meetingId ?? null,
  )) {
    const highlights = matchPerson(person, terms);
    if (!highlights) continue;
    results.push({
      meetingId: person.meetingId,
      meetingTitle,
      meetingDate,
      participantId: person.id,
      name: person.name,
      organization: person.organization,
      position: person.position,
      role: person.role,
      substitute: person.substitute,
      highlights,
    });
    if (results.length === (input.limit ?? 50)) break;
  }
  return { results };
}

export const participantHandlers = (ctx: ServiceContext) => ({
  'participants.list': (input: MethodParsedInput<'participants.list'>) =>
    listParticipants(ctx, input.id),
  'participants.add': (input: MethodParsedInput<'participants.add'>) => addParticipant(ctx, input),
  'participants.addFromRoster': (input: MethodParsedInput<'participants.addFromRoster'>) =>
    addParticipantsFromRoster(ctx, input),
  'participants.update': (input: MethodParsedInput<'participants.update'>) =>
    updateParticipant(ctx, input),
  'participants.remove': (input: MethodParsedInput<'participants.remove'>) =>
    removeParticipant(ctx, input),
  'participants.reorder': (input: MethodParsedInput<'participants.reorder'>) =>
    reorderParticipants(ctx, input),
  'participants.search': (input: MethodParsedInput<'participants.search'>) =>
    searchParticipants(ctx, input),
});
