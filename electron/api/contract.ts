import { z } from 'zod';
import {
  addAgendaItemInput,
  agendaItemRefInput,
  agendaItemSchema,
  reorderAgendaInput,
  updateAgendaItemInput,
} from './agenda.ts';
import {
  createNoteInput,
  listItemNotesInput,
  listMeetingNotesInput,
  noteRefInput,
  notesPageSchema,
  noteSchema,
  searchInput,
  searchResultSchema,
  updateNoteInput,
} from './notes.ts';
import { BUNDLE_MAX_BYTES, exportFileSchema, exportInput, importBundleInput } from './bundle.ts';
import { diagnosticsSchema } from './diagnostics.ts';
import { drawInput, drawListSchema, drawRecordSchema } from './draw.ts';
import {
  importAgendaInput,
  importAgendaOutput,
  importPreviewInput,
  importPreviewSchema,
  importRosterInput,
  importRosterOutput,
  TABLE_MAX_BYTES,
} from './import.ts';
import {
  addParticipantInput,
  participantListSchema,
  participantHitSchema,
  participantRefInput,
  participantSchema,
  reorderParticipantsInput,
  searchParticipantsInput,
  updateParticipantInput,
} from './participants.ts';
import {
  addRosterEntryInput,
  rosterEntrySchema,
  rosterListSchema,
  updateRosterEntryInput,
} from './roster.ts';
import {
  doorListInput,
  doorListSchema,
  signInCountsSchema,
  signInOutputSchema,
  signInRefInput,
} from './sign-in.ts';
import {
  allowDeviceInput,
  revokeDeviceInput,
  setSharingInput,
  sharingStateSchema,
} from './sharing.ts';
import { noticeViewSchema, updateNoticeInput } from './notice.ts';
import {
  importRepliesOutput,
  readRepliesInput,
  readRepliesOutput,
  replyFilesInput,
  replyPlanSchema,
} from './replies.ts';
import { revisionSchema } from './revision.ts';
import { seatingViewSchema, swapSeatsInput, updateSeatingInput } from './seating.ts';
import { stageGetInput, stageSchema, stageSetInput } from './stage.ts';
import {
  newsBriefEditsViewSchema,
  newsBriefViewSchema,
  updateNewsBriefInput,
} from './news-brief.ts';
import {
  runAdjustInput,
  runFinishOnTimeInput,
  runGotoInput,
  runMeetingInput,
  runMessageInput,
  runScreenInput,
  runStartInput,
  runViewSchema,
} from './run.ts';
import {
  createMeetingInput,
  duplicateMeetingInput,
  meetingIdInput,
  meetingSchema,
  meetingSummarySchema,
  sampleMeetingInput,
  updateMeetingInput,
} from './meeting.ts';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * One entry per command: how it is reached over HTTP, what it takes and what it answers.
 * Path parameters (`:id`), the query string and the JSON body are merged into one input
 * object, validated by `input`. The server builds its routes from this map and the renderer's
 * `call()` is typed by it, so the two cannot drift.
 */
/**
 * What devices that joined with the access code may do: `read` for every screen, `notes` for
 * the note-takers only (projector and confidence screens only show), `door` for the sign-in
 * device at the door alone (it reads the list of people and signs them in, nothing else).
 */
export type GuestAccess = 'read' | 'notes' | 'door';

interface MethodSpec<I extends z.ZodType, O extends z.ZodType> {
  http: HttpMethod;
  /**
   * Open to guests (devices that joined with the access code): reading, taking notes, signing
   * people in at the door. Everything else (running the meeting, editing it, sharing) is the
   * organizer's alone.
   */
  guest?: GuestAccess;
  path: string;
  input: I;
  output: O;
  /** HTTP status of a success; 200 when absent. */
  status?: number;
  /**
   * The request body is a file's bytes (a meeting file, a spreadsheet), handed to the handler
   * as `input[field]`; the other inputs travel in the query string.
   */
  fileBody?: { field: string; maxBytes: number };
}

const spec = <I extends z.ZodType, O extends z.ZodType>(s: MethodSpec<I, O>) => s;

export const meetingWithAgendaSchema = z.object({
  meeting: meetingSchema,
  items: z.array(agendaItemSchema),
  /**
   * A read: the revision it was read at. A command's answer: the revision raised for its change,
   * the one its meeting.saved / agenda.saved carry.
   */
  revision: revisionSchema,
});
export type MeetingWithAgenda = z.infer<typeof meetingWithAgendaSchema>;

/** Every run command answers with the run state it produced. */
function runSpec<I extends z.ZodType>(name: string, input: I) {
  return spec({
    http: 'POST',
    path: `/api/meetings/:id/run/${name}`,
    input,
    output: runViewSchema,
  });
}
function runCommand<N extends string>(name: N) {
  return { [`run.${name}`]: runSpec(name, runMeetingInput) } as Record<
    `run.${N}`,
    ReturnType<typeof runSpec<typeof runMeetingInput>>
  >;
}

/** A meeting's agenda as a command left it, with the revision its agenda.saved carries. */
const agendaSchema = z.object({
  meetingId: z.string(),
  items: z.array(agendaItemSchema),
  revision: revisionSchema,
});

export const contract = {
  'meetings.list': spec({
    http: 'GET',
    guest: 'read',
    path: '/api/meetings',
    input: z.object({}).strict(),
    /** `revision`: the one it was read at (a screen keeps changes heard after it). */
    output: z.object({ meetings: z.array(meetingSummarySchema), revision: revisionSchema }),
  }),
  'meetings.create': spec({
    http: 'POST',
    path: '/api/meetings',
    input: createMeetingInput,
    output: meetingWithAgendaSchema,
    status: 201,
  }),
  'meetings.createSample': spec({
    http: 'POST',
    path: '/api/meetings/sample',
    input: sampleMeetingInput,
    output: meetingWithAgendaSchema,
    status: 201,
  }),
  'meetings.duplicate': spec({
    http: 'POST',
    path: '/api/meetings/:id/duplicate',
    input: duplicateMeetingInput,
    output: meetingWithAgendaSchema,
    status: 201,
  }),
  'meetings.importBundle': spec({
    http: 'POST',
    path: '/api/meetings/import-bundle',
    input: importBundleInput,
    output: meetingWithAgendaSchema,
    status: 201,
    fileBody: { field: 'file', maxBytes: BUNDLE_MAX_BYTES },
  }),
  // The organizer's only: screens show the meeting, and an export is the heaviest work there is.
  // The 会议信息 draft (issue 17): made from the notes on request, edited by the organizer alone.
  'newsBrief.get': spec({
    http: 'GET',
    path: '/api/meetings/:id/news-brief',
    input: meetingIdInput,
    output: newsBriefViewSchema,
  }),
  // The stored edits alone, without drafting: the export menu's 来源 switch reads it.
  'newsBrief.edits': spec({
    http: 'GET',
    path: '/api/meetings/:id/news-brief/edits',
    input: meetingIdInput,
    output: newsBriefEditsViewSchema,
  }),
  'newsBrief.update': spec({
    http: 'PATCH',
    path: '/api/meetings/:id/news-brief',
    input: updateNewsBriefInput,
    output: newsBriefEditsViewSchema,
  }),
  'exports.file': spec({
    http: 'GET',
    path: '/api/meetings/:id/export/:name',
    input: exportInput,
    output: exportFileSchema,
  }),
  'meetings.get': spec({
    http: 'GET',
    guest: 'read',
    path: '/api/meetings/:id',
    input: meetingIdInput,
    output: meetingWithAgendaSchema,
  }),
  'meetings.update': spec({
    http: 'PATCH',
    path: '/api/meetings/:id',
    input: updateMeetingInput,
    output: meetingWithAgendaSchema,
  }),
  'meetings.delete': spec({
    http: 'DELETE',
    path: '/api/meetings/:id',
    input: meetingIdInput,
    output: z.object({ deletedMeetingId: z.string() }),
  }),
  'agenda.add': spec({
    http: 'POST',
    path: '/api/meetings/:id/items',
    input: addAgendaItemInput,
    output: agendaSchema.extend({ item: agendaItemSchema }),
    status: 201,
  }),
  'agenda.reorder': spec({
    http: 'POST',
    path: '/api/meetings/:id/items/reorder',
    input: reorderAgendaInput,
    output: agendaSchema,
  }),
  'agenda.update': spec({
    http: 'PATCH',
    path: '/api/meetings/:id/items/:itemId',
    input: updateAgendaItemInput,
    output: agendaSchema.extend({ item: agendaItemSchema }),
  }),
  'agenda.remove': spec({
    http: 'DELETE',
    path: '/api/meetings/:id/items/:itemId',
    input: agendaItemRefInput,
    output: agendaSchema.extend({ deletedItemId: z.string() }),
  }),
  'agenda.fillFromRoster': spec({
    http: 'POST',
    path: '/api/meetings/:id/items/from-roster',
    input: meetingIdInput,
    output: agendaSchema,
  }),
  'agenda.orderByRoster': spec({
    http: 'POST',
    path: '/api/meetings/:id/items/order-by-roster',
    input: meetingIdInput,
    output: agendaSchema,
  }),
  'draw.make': spec({
    http: 'POST',
    path: '/api/meetings/:id/draw',
    input: drawInput,
    output: drawRecordSchema,
    status: 201,
  }),
  'draw.list': spec({
    http: 'GET',
    guest: 'read',
    path: '/api/meetings/:id/draws',
    input: meetingIdInput,
    output: drawListSchema,
  }),
  'import.preview': spec({
    http: 'POST',
    path: '/api/import/preview',
    input: importPreviewInput,
    output: importPreviewSchema,
    fileBody: { field: 'file', maxBytes: TABLE_MAX_BYTES },
  }),
  'import.roster': spec({
    http: 'POST',
    path: '/api/import/roster',
    input: importRosterInput,
    output: importRosterOutput,
    status: 201,
    fileBody: { field: 'file', maxBytes: TABLE_MAX_BYTES },
  }),
  'import.agenda': spec({
    http: 'POST',
    path: '/api/meetings/:id/import-agenda',
    input: importAgendaInput,
    output: importAgendaOutput,
    status: 201,
    fileBody: { field: 'file', maxBytes: TABLE_MAX_BYTES },
  }),
  'roster.list': spec({
    http: 'GET',
    path: '/api/roster',
    input: z.object({}).strict(),
    output: rosterListSchema,
  }),
  'roster.add': spec({
    http: 'POST',
    path: '/api/roster',
    input: addRosterEntryInput,
    output: rosterEntrySchema,
    status: 201,
  }),
  'roster.update': spec({
    http: 'PATCH',
    path: '/api/roster/:entryId',
    input: updateRosterEntryInput,
    output: rosterEntrySchema,
  }),
  // The organizer edits the people of a meeting; a note-taker may read who they are, a screen
  // (projector, lectern) has no business with their names and replies.
  'participants.list': spec({
    http: 'GET',
    guest: 'notes',
    path: '/api/meetings/:id/participants',
    input: meetingIdInput,
    output: participantListSchema,
  }),
  'participants.add': spec({
    http: 'POST',
    path: '/api/meetings/:id/participants',
    input: addParticipantInput,
    output: participantListSchema.extend({ participant: participantSchema }),
    status: 201,
  }),
  'participants.addFromRoster': spec({
    http: 'POST',
    path: '/api/meetings/:id/participants/from-roster',
    input: meetingIdInput,
    output: participantListSchema.extend({ added: z.number() }),
  }),
  'participants.reorder': spec({
    http: 'POST',
    path: '/api/meetings/:id/participants/reorder',
    input: reorderParticipantsInput,
    output: participantListSchema,
  }),
  'participants.update': spec({
    http: 'PATCH',
    path: '/api/meetings/:id/participants/:participantId',
    input: updateParticipantInput,
    output: participantListSchema.extend({ participant: participantSchema }),
  }),
  'participants.remove': spec({
    http: 'DELETE',
    path: '/api/meetings/:id/participants/:participantId',
    input: participantRefInput,
    output: participantListSchema.extend({ deletedParticipantId: z.string() }),
  }),
  'participants.search': spec({
    http: 'GET',
    guest: 'notes',
    path: '/api/participants/search',
    input: searchParticipantsInput,
    output: z.object({ results: z.array(participantHitSchema) }),
  }),
  'signIn.door': spec({
    http: 'GET',
    guest: 'door',
    path: '/api/door',
    input: doorListInput,
    output: doorListSchema,
  }),
  'signIn.signIn': spec({
    http: 'POST',
    guest: 'door',
    path: '/api/meetings/:id/participants/:participantId/sign-in',
    input: signInRefInput,
    output: signInOutputSchema,
  }),
  // The four figures alone, for the projector before the start: every screen may read them, as
  // no person is named in them (the list stays the organizer's, the note-takers' and the door's).
  'signIn.counts': spec({
    http: 'GET',
    guest: 'read',
    path: '/api/meetings/:id/sign-in-counts',
    input: meetingIdInput,
    output: signInCountsSchema,
  }),
  // The organizer's alone: the door may only add ticks, so a lost tablet cannot erase the record.
  'signIn.undo': spec({
    http: 'POST',
    path: '/api/meetings/:id/participants/:participantId/sign-in/undo',
    input: signInRefInput,
    output: signInOutputSchema.omit({ alreadySignedIn: true }),
  }),
  // The 会议通知's settings (issue 16): the organizer's alone.
  'notice.get': spec({
    http: 'GET',
    path: '/api/meetings/:id/notice',
    input: meetingIdInput,
    output: noticeViewSchema,
  }),
  'notice.update': spec({
    http: 'PATCH',
    path: '/api/meetings/:id/notice',
    input: updateNoticeInput,
    output: noticeViewSchema,
  }),
  // The returned 回执 (issue 16): the organizer's alone.
  'replies.read': spec({
    http: 'POST',
    path: '/api/meetings/:id/replies/read',
    input: readRepliesInput,
    output: readRepliesOutput,
    fileBody: { field: 'file', maxBytes: TABLE_MAX_BYTES },
  }),
  'replies.preview': spec({
    http: 'POST',
    path: '/api/meetings/:id/replies/preview',
    input: replyFilesInput,
    output: replyPlanSchema,
  }),
  'replies.import': spec({
    http: 'POST',
    path: '/api/meetings/:id/replies',
    input: replyFilesInput,
    output: importRepliesOutput,
  }),
  // The seating chart is what the hall sees on the projector before the start, names in seats:
  // every screen may read it; only the organizer arranges it.
  'seating.get': spec({
    http: 'GET',
    guest: 'read',
    path: '/api/meetings/:id/seating',
    input: meetingIdInput,
    output: seatingViewSchema,
  }),
  'seating.update': spec({
    http: 'PATCH',
    path: '/api/meetings/:id/seating',
    input: updateSeatingInput,
    output: seatingViewSchema,
  }),
  'seating.swap': spec({
    http: 'POST',
    path: '/api/meetings/:id/seating/swap',
    input: swapSeatsInput,
    output: seatingViewSchema,
  }),
  'seating.reset': spec({
    http: 'POST',
    path: '/api/meetings/:id/seating/reset',
    input: meetingIdInput,
    output: seatingViewSchema,
  }),
  'notes.listForItem': spec({
    http: 'GET',
    guest: 'read',
    path: '/api/meetings/:id/items/:itemId/notes',
    input: listItemNotesInput,
    output: notesPageSchema,
  }),
  'notes.listForMeeting': spec({
    http: 'GET',
    guest: 'read',
    path: '/api/meetings/:id/notes',
    input: listMeetingNotesInput,
    output: notesPageSchema,
  }),
  'notes.create': spec({
    http: 'POST',
    guest: 'notes',
    path: '/api/meetings/:id/items/:itemId/notes',
    input: createNoteInput,
    output: noteSchema,
    status: 201,
  }),
  'notes.update': spec({
    http: 'PATCH',
    guest: 'notes',
    path: '/api/notes/:noteId',
    input: updateNoteInput,
    output: z.object({ note: noteSchema, overwroteNewer: z.boolean() }),
  }),
  'notes.delete': spec({
    http: 'DELETE',
    guest: 'notes',
    path: '/api/notes/:noteId',
    input: noteRefInput,
    output: z.object({ note: noteSchema }),
  }),
  'notes.restore': spec({
    http: 'POST',
    guest: 'notes',
    path: '/api/notes/:noteId/restore',
    input: noteRefInput,
    output: z.object({ note: noteSchema }),
  }),
  'notes.search': spec({
    http: 'GET',
    guest: 'read',
    path: '/api/search',
    input: searchInput,
    output: z.object({ results: z.array(searchResultSchema) }),
  }),
  'run.get': spec({
    http: 'GET',
    guest: 'read',
    path: '/api/meetings/:id/run',
    input: runMeetingInput,
    output: runViewSchema,
  }),
  // Every screen reads the stage; only the organizer puts a meeting on it.
  'stage.get': spec({
    http: 'GET',
    guest: 'read',
    path: '/api/stage',
    input: stageGetInput,
    output: stageSchema,
  }),
  'stage.set': spec({
    http: 'POST',
    path: '/api/stage',
    input: stageSetInput,
    output: stageSchema,
  }),
  'sharing.get': spec({
    http: 'GET',
    path: '/api/sharing',
    input: z.object({}).strict(),
    output: sharingStateSchema,
  }),
  'sharing.revoke': spec({
    http: 'POST',
    path: '/api/sharing/devices/:deviceId/revoke',
    input: revokeDeviceInput,
    output: sharingStateSchema,
  }),
  'sharing.allow': spec({
    http: 'POST',
    path: '/api/sharing/devices/:deviceId/allow',
    input: allowDeviceInput,
    output: sharingStateSchema,
  }),
  'sharing.set': spec({
    http: 'POST',
    path: '/api/sharing',
    input: setSharingInput,
    output: sharingStateSchema,
  }),
  // The organizer's only (the launch token): how much memory the server holds.
  'diagnostics.get': spec({
    http: 'GET',
    path: '/api/diagnostics',
    input: z.object({}).strict(),
    output: diagnosticsSchema,
  }),
  'run.next': runSpec('next', runStartInput),
  ...runCommand('previous'),
  'run.start': runSpec('start', runStartInput),
  ...runCommand('pause'),
  ...runCommand('resume'),
  ...runCommand('stop'),
  ...runCommand('skip'),
  'run.adjust': runSpec('adjust', runAdjustInput),
  'run.goto': runSpec('goto', runGotoInput),
  'run.message': runSpec('message', runMessageInput),
  'run.screen': runSpec('screen', runScreenInput),
  // 按时结束 (issue 17): the console computes the plan with core/finish-on-time.ts and shows it;
  // applying sends its changes, and undo is refused once the next speaker started.
  'run.finishOnTime': runSpec('finish-on-time', runFinishOnTimeInput),
  'run.undoFinishOnTime': runSpec('undo-finish-on-time', runMeetingInput),
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

/** The body every failed request answers with. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum([
      'invalid_input',
      'not_found',
      'conflict',
      /** 429: an export or import is already running for this meeting (or two in all). */
      'busy',
      'unauthorized',
      'forbidden',
      'unavailable',
      /** 507: the disk of the server's computer is full; nothing was saved. */
      'storage_full',
      'internal',
    ]),
    message: z.string(),
    /** Dotted path of the offending field, when one field is to blame. */
    field: z.string().optional(),
    /** On a 500: the id of the failure, also in the server's log beside its stack. */
    errorId: z.string().optional(),
    /** Why, for the client to word (one of API_ERROR_REASONS, electron/api/error-reasons.ts). */
    reason: z.string().optional(),
    /** What the reason's wording needs: the file, row, limit… */
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
export type ApiErrorCode = ApiError['error']['code'];
