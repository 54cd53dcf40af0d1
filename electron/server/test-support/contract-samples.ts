import { EXPORT_NAMES } from '../../api/bundle.ts';
import type { MethodInput, MethodName } from '../../api/contract.ts';

/** The ids a path or an input refers to: real ones of a fixture, or dummies. */
export interface SampleIds {
  meetingId: string;
  itemId: string;
  noteId: string;
  entryId: string;
  deviceId: string;
  participantId: string;
}

export const DUMMY_IDS: SampleIds = {
  meetingId: 'dummy-meeting',
  itemId: 'dummy-item',
  noteId: 'dummy-note',
  entryId: 'dummy-entry',
  deviceId: 'dummy-device',
  participantId: 'dummy-participant',
};

/** The value a path parameter (`:id`, `:itemId`, …) takes from these ids; undefined if unknown. */
export function idForParam(param: string, ids: SampleIds): string | undefined {
  const byParam: Record<string, string> = {
    id: ids.meetingId,
    itemId: ids.itemId,
    noteId: ids.noteId,
    entryId: ids.entryId,
    deviceId: ids.deviceId,
    participantId: ids.participantId,
  };
  return byParam[param];
}

const DATE = '2026-11-25';
const file = () => new Uint8Array();

/**
 * One valid input per method of the contract. The mapped type makes a method without a sample a
 * compile error, and unknown-fields.test.ts fails at run time on a missing or invalid one, so a
 * new method cannot be forgotten. Only the fields a schema requires, plus one optional field
 * where the schema has only optional ones (to prove the unknown one is refused among valid ones).
 */
export function validInputs(ids: SampleIds): { [M in MethodName]: MethodInput<M> } {
  const id = ids.meetingId;
  return {
    'meetings.list': {},
    'meetings.create': { title: '样例会议', date: DATE },
    'meetings.createSample': { date: DATE },
    'meetings.duplicate': { id, title: '副本' },
    'meetings.importBundle': { file: file(), asCopy: true },
    'exports.file': { id, name: EXPORT_NAMES[0] },
    'meetings.get': { id },
    'meetings.update': { id, title: '改过的标题' },
    'meetings.delete': { id },
    'agenda.add': { id, kind: 'exchange', plannedMinutes: 5 },
    'agenda.reorder': { id, itemIds: [ids.itemId] },
    'agenda.update': { id, itemId: ids.itemId, plannedMinutes: 6 },
    'agenda.remove': { id, itemId: ids.itemId },
    'agenda.fillFromRoster': { id },
    'agenda.orderByRoster': { id },
    'draw.make': { id, drawnBy: '监督员' },
    'draw.list': { id },
    'seating.get': { id },
    'seating.update': { id, layout: 'rostrum', paper: 'A3' },
    'seating.swap': { id, participantIds: [ids.participantId, ids.participantId] },
    'seating.reset': { id },
    'import.preview': { file: file(), target: 'roster', fileName: 'roster.csv' },
    'import.roster': { file: file(), encoding: 'utf-8' },
    'import.agenda': { file: file(), id },
    'roster.list': {},
    'roster.add': { organization: '平湖街道', name: '林一平', position: '党工委书记' },
    'roster.update': { entryId: ids.entryId, position: '主任' },
    'notice.get': { id },
    'notice.update': { id, addressee: '各街道党工委' },
    'replies.read': { id, file: file() },
    'replies.preview': { id, files: [{ file: '回执.csv', replies: [] }] },
    'replies.import': { id, files: [{ file: '回执.csv', replies: [] }] },
    'participants.list': { id },
    'participants.add': { id, name: '林一平' },
    'participants.addFromRoster': { id },
    'participants.reorder': { id, participantIds: [ids.participantId] },
    'participants.update': { id, participantId: ids.participantId, reply: 'attending' },
    'participants.remove': { id, participantId: ids.participantId },
    'participants.search': { q: '林一平', limit: 5 },
    'signIn.door': { meetingId: id },
    'signIn.counts': { id },
    'signIn.signIn': { id, participantId: ids.participantId },
    'signIn.undo': { id, participantId: ids.participantId },
    'newsBrief.get': { id },
    'newsBrief.edits': { id },
    'newsBrief.update': { id, headline: '会议信息标题', withSources: false },
    'notes.listForItem': { id, itemId: ids.itemId },
    'notes.listForMeeting': { id },
    'notes.create': { id, itemId: ids.itemId, kind: 'takeaway', text: '一条记录' },
    'notes.update': { noteId: ids.noteId, text: '改过的记录' },
    'notes.delete': { noteId: ids.noteId },
    'notes.restore': { noteId: ids.noteId },
    'notes.search': { q: '记录', limit: 5 },
    'run.get': { id },
    'stage.get': {},
    'stage.set': { meetingId: id },
    'sharing.get': {},
    'sharing.revoke': { deviceId: ids.deviceId },
    'sharing.allow': { deviceId: ids.deviceId },
    'sharing.set': { enabled: true },
    'diagnostics.get': {},
    'run.next': { id },
    'run.previous': { id },
    'run.start': { id },
    'run.pause': { id },
    'run.resume': { id },
    'run.stop': { id },
    'run.skip': { id },
    'run.adjust': { id, deltaMs: 60_000 },
    'run.goto': { id, itemId: ids.itemId },
    'run.message': { id, text: '请抓紧时间' },
    'run.screen': { id, mode: 'blackout' },
    'run.finishOnTime': { id, changes: [{ itemId: ids.itemId, toMinutes: 5.5 }] },
    'run.undoFinishOnTime': { id },
  };
}
