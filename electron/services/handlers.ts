import type { MethodName, MethodOutput, MethodParsedInput } from '../api/contract.ts';
import { addAgendaItem, removeAgendaItem, reorderAgenda, updateAgendaItem } from './agenda.ts';
import type { ServiceContext } from './context.ts';
import { diagnosticsHandlers } from './diagnostics.ts';
import { drawHandlers } from './draw.ts';
import { exportHandlers } from './exports.ts';
import { createHeavyJobs } from './heavy-jobs.ts';
import { importHandlers } from './imports.ts';
import { meetingFileHandlers } from './meeting-file-import.ts';
import { noteHandlers } from './notes.ts';
import { noticeHandlers } from './notice.ts';
import { participantHandlers } from './participants.ts';
import { replyHandlers } from './replies.ts';
import { rosterHandlers } from './roster.ts';
import { runHandlers } from './run.ts';
import { participantChangesMoveSeats, seatingHandlers } from './seating.ts';
import { sharingHandlers } from './sharing.ts';
import { signInHandlers } from './sign-in.ts';
import { meetingChangesMoveStage, runningPutsOnStage, stageHandlers } from './stage.ts';
import {
  createNewMeeting,
  createSampleMeeting,
  deleteMeeting,
  duplicateMeeting,
  getMeeting,
  listMeetings,
  updateMeeting,
} from './meetings.ts';

/** Every method of the contract, answering now or (for the few that wait on I/O) later. */
type HandlerSpec = {
  [M in MethodName]: (input: MethodParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

/**
 * The one dispatcher: HTTP routes, the console's buttons and keyboard shortcuts all end in
 * these functions. A method of the contract without a handler is a compile error here.
 */
export function createHandlers(ctx: ServiceContext) {
  // Shared by exports and imports: at most one heavy job per meeting, two in all.
  const heavyJobs = createHeavyJobs(ctx.emit);
  return meetingChangesMoveStage(ctx, {
    'meetings.list': (_input) => listMeetings(ctx),
    'meetings.create': (input) => createNewMeeting(ctx, input),
    'meetings.createSample': (input) => createSampleMeeting(ctx, input.date),
    'meetings.duplicate': (input) => duplicateMeeting(ctx, input),
    'meetings.get': (input) => getMeeting(ctx, input),
    'meetings.update': (input) => updateMeeting(ctx, input),
    'meetings.delete': (input) => deleteMeeting(ctx, input),
    'agenda.add': (input) => addAgendaItem(ctx, input),
    'agenda.update': (input) => updateAgendaItem(ctx, input),
    'agenda.remove': (input) => removeAgendaItem(ctx, input),
    'agenda.reorder': (input) => reorderAgenda(ctx, input),
    ...runningPutsOnStage(ctx, runHandlers(ctx)),
    ...stageHandlers(ctx),
    ...noteHandlers(ctx),
    ...sharingHandlers(ctx),
    ...exportHandlers(ctx, heavyJobs),
    ...meetingFileHandlers(ctx, heavyJobs),
    ...rosterHandlers(ctx),
    ...participantChangesMoveSeats(ctx, participantHandlers(ctx)),
    ...seatingHandlers(ctx),
    ...replyHandlers(ctx),
    ...noticeHandlers(ctx),
    ...signInHandlers(ctx),
    ...drawHandlers(ctx),
    ...importHandlers(ctx),
    ...diagnosticsHandlers(),
  } satisfies HandlerSpec);
}
export type Handlers = ReturnType<typeof createHandlers>;
