import type { MeetingWithAgenda, MethodOutput, MethodParsedInput } from '../api/contract.ts';
import { type AgendaItem } from '../core/agenda.ts';
import {
  applyMeetingPatch,
  createMeeting,
  sortMeetingsForList,
  type Meeting,
} from '../core/meeting.ts';
import type { Note } from '../core/notes.ts';
import type { NoticeSettings } from '../core/notice.ts';
import type { Participant } from '../core/participants.ts';
import { copyTitle } from '../core/meeting-copy.ts';
import { buildSampleMeeting } from '../core/sample-meeting.ts';
import { sampleEntriesMissing } from '../core/roster.ts';
import type { Revision } from '../api/revision.ts';
import type { ServiceContext } from './context.ts';
import { notFound } from './errors.ts';
import { currentRevision, raiseRevision } from './revisions.ts';

export function listMeetings(ctx: ServiceContext): MethodOutput<'meetings.list'> {
  const rows = ctx.store.meetings.list();
  const counts = new Map(rows.map((r) => [r.meeting.id, r]));
  return {
    meetings: sortMeetingsForList(rows.map((r) => r.meeting)).map((meeting) => ({
      ...meeting,
      itemCount: counts.get(meeting.id)?.itemCount ?? 0,
      plannedMinutes: counts.get(meeting.id)?.plannedMinutes ?? 0,
    })),
    revision: currentRevision(ctx),
  };
}

export function getMeeting(ctx: ServiceContext, input: { id: string }): MeetingWithAgenda {
  const meeting = ctx.store.meetings.get(input.id);
  if (!meeting) throw notFound('meeting', input.id);
  return {
    meeting,
    items: ctx.store.agenda.listForMeeting(meeting.id),
    revision: currentRevision(ctx),
  };
}

export function createNewMeeting(
  ctx: ServiceContext,
  input: MethodParsedInput<'meetings.create'>,
): MeetingWithAgenda {
  const meeting = createMeeting(ctx.newId(), input, ctx.now());
  ctx.store.transaction(() => ctx.store.meetings.save(meeting));
  const revision = raiseRevision(ctx);
  ctx.emit({ kind: 'meeting.saved', meeting, revision });
  return { meeting, items: [], revision };
}

/** Writes a new meeting with its agenda in one transaction, then tells the screens. */
function saveNewMeeting(
  ctx: ServiceContext,
  meeting: Meeting,
  items: AgendaItem[],
  notes: Note[] = [],
  people: Participant[] = [],
  notice?: NoticeSettings,
): MeetingWithAgenda {
  ctx.store.transaction(() => {
    ctx.store.meetings.save(meeting);
    ctx.store.agenda.replaceAll(meeting.id, items);
    for (const note of notes) ctx.store.notes.save(note);
    for (const person of people) ctx.store.participants.save(person);
    if (notice) ctx.store.notices.save(meeting.id, notice, meeting.createdAt);
  });
  return { meeting, items, revision: announceNewMeeting(ctx, meeting, items) };
}

/**
 * Tells the screens of a meeting just written with its agenda: one change, so both events carry
 * the one revision raised for it, which the caller's answer carries too.
 */
export function announceNewMeeting(
  ctx: ServiceContext,
  meeting: Meeting,
  items: AgendaItem[],
): Revision {
  const revision = raiseRevision(ctx);
  ctx.emit({ kind: 'meeting.saved', meeting, revision });
  ctx.emit({ kind: 'agenda.saved', meetingId: meeting.id, items, revision });
  return revision;
}

/**
 * The sample's 11 subdistricts join the roster, those it does not have yet: a roster that holds
 * anyone still gets the rest, and nobody already there is added twice.
 */
function seedSampleRoster(ctx: ServiceContext): void {
  const added = ctx.store.transaction(() => {
    const missing = sampleEntriesMissing(ctx.store.roster.list());
    const now = ctx.now();
    let sequence = ctx.store.roster.nextSequence();
    for (const fields of missing) {
      ctx.store.roster.save({
        ...fields,
        id: ctx.newId(),
        sequence: sequence++,
        retired: false,
        createdAt: now,
        updatedAt: now,
      });
    }
    return missing.length;
  });
  if (added > 0) ctx.emit({ kind: 'roster.saved', entries: ctx.store.roster.list() });
}

/**
 * The meeting of the source story, so a first run has something real to show. It is held on
 * `date` (YYYY-MM-DD), the caller's: the console passes its own today, tests a fixed day.
 */
export function createSampleMeeting(ctx: ServiceContext, date: string): MeetingWithAgenda {
  const now = ctx.now();
  const sample = buildSampleMeeting(date);
  const meeting = createMeeting(ctx.newId(), sample.meeting, now);
  const items: AgendaItem[] = sample.items.map((fields, position) => ({
    ...fields,
    id: ctx.newId(),
    meetingId: meeting.id,
    position,
  }));
  const notes: Note[] = sample.notes.map((n, position) => ({
    id: ctx.newId(),
    meetingId: meeting.id,
    itemId: (items[n.item] as AgendaItem).id,
    kind: n.kind,
    text: n.text,
    starred: n.starred ?? false,
    position: position + 1,
    speechOffsetMs: null,
    owner: n.owner ?? '',
    dueDate: null,
    author: meeting.recorder,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }));
  const saved = saveNewMeeting(ctx, meeting, items, notes);
  seedSampleRoster(ctx);
  return saved;
}

/** A title for a copy of a meeting titled `title`, told apart from every meeting here. */
export const titleForCopy = (ctx: ServiceContext, title: string) =>
  copyTitle(
    title,
    ctx.store.meetings.list().map((row) => row.meeting.title),
  );

/**
 * The next meeting of the same kind starts from this one: same people, same agenda. Unless the
 * caller names it, the copy is titled as one, so lists and search hits tell the two apart.
 */
export function duplicateMeeting(
  ctx: ServiceContext,
  input: MethodParsedInput<'meetings.duplicate'>,
): MeetingWithAgenda {
  const source = getMeeting(ctx, input);
  const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = source.meeting;
  const meeting = createMeeting(
    ctx.newId(),
    {
      ...fields,
      title: input.title ?? titleForCopy(ctx, fields.title),
      date: input.date ?? fields.date,
      archived: false,
    },
    ctx.now(),
  );
  const items = source.items.map((item) => ({ ...item, id: ctx.newId(), meetingId: meeting.id }));
  // The next meeting of a series invites the same people; their replies and sign-in are its own.
  const people = ctx.store.participants.listForMeeting(input.id).map((person): Participant => ({
    ...person,
    id: ctx.newId(),
    meetingId: meeting.id,
    reply: 'none',
    leaveReason: '',
    substitute: '',
    signedInAt: null,
    createdAt: meeting.createdAt,
    updatedAt: meeting.createdAt,
  }));
  // Its notice goes to the same units from the same contact; its dates are the new meeting's to set.
  const notice: NoticeSettings = {
    ...ctx.store.notices.get(input.id),
    materialsDue: '',
    repliesDue: '',
    issuedOn: '',
  };
  return saveNewMeeting(ctx, meeting, items, [], people, notice);
}

export function updateMeeting(
  ctx: ServiceContext,
  input: MethodParsedInput<'meetings.update'>,
): MeetingWithAgenda {
  const { id, ...patch } = input;
  const meeting = ctx.store.transaction(() => {
    const current = ctx.store.meetings.get(id);
    if (!current) throw notFound('meeting', id);
    const next = applyMeetingPatch(current, patch, ctx.now());
    ctx.store.meetings.save(next);
    // An archived meeting is over: it leaves the stage (a deleted one leaves it by its key).
    if (next.archived && ctx.store.stage.get() === id) ctx.store.stage.set(null);
    return next;
  });
  const revision = raiseRevision(ctx);
  ctx.emit({ kind: 'meeting.saved', meeting, revision });
  return { meeting, items: ctx.store.agenda.listForMeeting(id), revision };
}

export function deleteMeeting(
  ctx: ServiceContext,
  input: { id: string },
): MethodOutput<'meetings.delete'> {
  const deleted = ctx.store.transaction(() => ctx.store.meetings.delete(input.id));
  if (!deleted) throw notFound('meeting', input.id);
  ctx.emit({ kind: 'meeting.deleted', meetingId: input.id, revision: raiseRevision(ctx) });
  return { deletedMeetingId: input.id };
}
