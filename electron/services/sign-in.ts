import type { MethodOutput, MethodParsedInput } from '../api/contract.ts';
import type { ServerEvent } from '../api/events.ts';
import type { Revision } from '../api/revision.ts';
import type { DoorPerson, SignInCounts } from '../api/sign-in.ts';
import { byRank, hallCounts, type Participant } from '../core/participants.ts';
import type { ServiceContext } from './context.ts';
import { notFound } from './errors.ts';
import { currentRevision, raiseRevision } from './revisions.ts';
import { currentStage } from './stage.ts';

/** A person as the door sees them: no leave reason, nothing the door does not need to tick. */
export const doorPersonOf = (p: Participant): DoorPerson => ({
  id: p.id,
  name: p.name,
  organization: p.organization,
  position: p.position,
  rank: p.rank,
  role: p.role,
  reply: p.reply,
  substitute: p.substitute,
  signedInAt: p.signedInAt,
  createdAt: p.createdAt,
});

/** The event every door and console gets when a meeting's people (or their ticks) change. */
export const doorChanged = (
  meetingId: string,
  people: readonly Participant[],
  revision: Revision,
): ServerEvent => ({
  kind: 'door.changed',
  meetingId,
  people: byRank(people).map(doorPersonOf),
  revision,
});

/**
 * Tells every screen a meeting's people changed, all at one revision raised once: the whole list
 * to the organizer's screens (participants.changed), the door's list to the doors and the console
 * (door.changed), the four figures alone to the rest (the projector shows them before the start).
 * Gives that revision, for the answer of the command that made the change.
 */
export function announcePeopleChange(
  ctx: ServiceContext,
  meetingId: string,
  people: Participant[],
): Revision {
  const revision = raiseRevision(ctx);
  ctx.emit({ kind: 'participants.changed', meetingId, participants: people, revision });
  ctx.emit(doorChanged(meetingId, people, revision));
  ctx.emit({
    kind: 'signInCounts.changed',
    signInCounts: { meetingId, counts: hallCounts(people), revision },
  });
  return revision;
}

/** 应到, 已签到, 请假 and 未到 of a meeting, and nothing of who, with the revision they are at. */
export function signInCounts(
  ctx: ServiceContext,
  input: MethodParsedInput<'signIn.counts'>,
): SignInCounts {
  if (!ctx.store.meetings.get(input.id)) throw notFound('meeting', input.id);
  return {
    meetingId: input.id,
    counts: hallCounts(ctx.store.participants.listForMeeting(input.id)),
    revision: currentRevision(ctx),
  };
}

/** The people of the meeting named, or of the meeting on stage, as the door lists them. */
export function doorList(
  ctx: ServiceContext,
  input: MethodParsedInput<'signIn.door'>,
): MethodOutput<'signIn.door'> {
  const meetingId = input.meetingId ?? currentStage(ctx).meetingId;
  const meeting = meetingId ? ctx.store.meetings.get(meetingId) : undefined;
  if (input.meetingId && !meeting) throw notFound('meeting', input.meetingId);
  const revision = currentRevision(ctx);
  if (!meeting)
    return { meetingId: null, title: '', date: '', startTime: '', people: [], revision };
  return {
    meetingId: meeting.id,
    title: meeting.title,
    date: meeting.date,
    startTime: meeting.startTime,
    people: ctx.store.participants.listForMeeting(meeting.id).map(doorPersonOf),
    revision,
  };
}

/**
 * Sets (or clears) one person's sign-in in one transaction. The check and the write are in the
 * same transaction, so of two devices ticking the same person at once the second finds the
 * first's time and changes nothing: one signed-in record, counted once.
 */
function setSignedIn(
  ctx: ServiceContext,
  meetingId: string,
  participantId: string,
  signedIn: boolean,
): { person: Participant; changed: boolean } {
  const outcome = ctx.store.transaction(() => {
    if (!ctx.store.meetings.get(meetingId)) throw notFound('meeting', meetingId);
    const people = ctx.store.participants.listForMeeting(meetingId);
    const person = people.find((p) => p.id === participantId);
    if (!person) throw notFound('participant', participantId);
    if ((person.signedInAt !== null) === signedIn) return { person, people, changed: false };
    const now = ctx.now();
    const changed: Participant = { ...person, signedInAt: signedIn ? now : null, updatedAt: now };
    ctx.store.participants.save(changed);
    const after = people.map((p) => (p.id === participantId ? changed : p));
    return { person: changed, people: after, changed: true };
  });
  if (outcome.changed) {
    announcePeopleChange(ctx, meetingId, byRank(outcome.people));
  }
  return outcome;
}

/** Signs a person in at the server's time; a second sign-in answers the first one's time. */
export function signIn(
  ctx: ServiceContext,
  input: MethodParsedInput<'signIn.signIn'>,
): MethodOutput<'signIn.signIn'> {
  const { person, changed } = setSignedIn(ctx, input.id, input.participantId, true);
  return { meetingId: input.id, person: doorPersonOf(person), alreadySignedIn: !changed };
}

/** The organizer takes a tick back (a wrong person ticked); nothing happens if there was none. */
export function undoSignIn(
  ctx: ServiceContext,
  input: MethodParsedInput<'signIn.undo'>,
): MethodOutput<'signIn.undo'> {
  const { person } = setSignedIn(ctx, input.id, input.participantId, false);
  return { meetingId: input.id, person: doorPersonOf(person) };
}

export const signInHandlers = (ctx: ServiceContext) => ({
  'signIn.door': (input: MethodParsedInput<'signIn.door'>) => doorList(ctx, input),
  'signIn.counts': (input: MethodParsedInput<'signIn.counts'>) => signInCounts(ctx, input),
  'signIn.signIn': (input: MethodParsedInput<'signIn.signIn'>) => signIn(ctx, input),
  'signIn.undo': (input: MethodParsedInput<'signIn.undo'>) => undoSignIn(ctx, input),
});
