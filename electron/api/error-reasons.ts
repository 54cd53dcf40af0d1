/**
 * Why a request was refused, for the client to say in the user's language: every refusal the
 * server words carries one of these `reason`s and the `params` its wording needs (the English
 * `message` stays, for scripts and logs). Each reason lists the names of its params; the
 * catalogs (renderer/i18n) word each as `reason.<name>` with exactly these placeholders.
 */
export const API_ERROR_REASONS = {
  // A field of the request, as the contract's schema found it. `field` is its dotted path.
  'field.required': ['field'],
  'field.tooLong': ['field', 'max'],
  'field.tooShort': ['field', 'min'],
  'field.tooBig': ['field', 'max'],
  'field.tooSmall': ['field', 'min'],
  'field.invalidType': ['field'],
  'field.invalidFormat': ['field'],
  'field.invalidValue': ['field'],
  'field.unknown': ['field'],
  'field.invalid': ['field'],
  /** Text SQLite could not store as sent (a lone surrogate). */
  'field.illFormedText': ['field'],
  'body.notJson': [],
  'body.notObject': [],
  'body.tooLarge': ['field'],
  /** A call over a screen's WebSocket (ws-rpc.ts) for a method that takes or gives a file. */
  'request.httpOnly': ['method'],
  /** A call over a screen's WebSocket naming no method of the contract. */
  'request.unknownMethod': ['method'],
  // A table (roster or agenda) to import. `file` is the file's name; `row` as a spreadsheet shows it.
  'import.missingColumn': ['file', 'row', 'column'],
  'import.emptyCell': ['file', 'row', 'column'],
  'import.cellTooLong': ['file', 'row', 'column', 'max'],
  'import.badMinutes': ['file', 'row', 'column', 'value'],
  'import.noRows': ['file'],
  'import.tooManyItems': ['file', 'max'],
  // The file could not be read as a table at all (electron/import/read-table.ts says why).
  'import.fileEmpty': ['file'],
  'import.fileTooLarge': ['file', 'mb'],
  'import.oldExcel': ['file'],
  'import.tooManyRows': ['file', 'max'],
  'import.notTable': ['file'],
  'import.blankTable': ['file'],
  'import.brokenQuotes': ['file', 'row'],
  'import.notWorkbook': ['file'],
  'import.damagedWorkbook': ['file'],
  'import.unpacksTooLarge': ['file', 'mb'],
  'import.readTimeout': ['file'],
  'import.readTooMuchMemory': ['file'],
  // Running the meeting.
  'run.emptyAgenda': [],
  'run.notRunning': [],
  'run.nothingCurrent': [],
  'run.unknownItem': [],
  'run.atFirstItem': [],
  'run.alreadySpoken': ['item'],
  'run.finishOnTimeUndoClosed': [],
  // A meeting file (.roundtable); a place in it that breaks a limit is blamed as a field
  // (`notes[12].text`, field.tooLong).
  'meetingFile.notMeetingFile': [],
  'meetingFile.empty': [],
  'meetingFile.newerVersion': ['version'],
  'meetingFile.alreadyHere': [],
  'meetingFile.tooMuchMemory': ['mib'],
  'meetingFile.timeout': [],
  // Exports; `name` is the file's name (minutes.pdf).
  'export.tooMuchMemory': ['name', 'mib'],
  'export.timeout': ['name'],
  'export.pdfUnavailable': [],
  /** The seating chart or the table cards of a meeting with nobody to seat (nobodyToSeat). */
  'export.nobodyToSeat': [],
  // The speaking order and notes.
  'draw.tooFew': [],
  'draw.begun': [],
  'draw.already': ['count'],
  'agenda.orderMismatch': [],
  'participants.orderMismatch': [],
  'participants.tooMany': ['max'],
  /** A swap of seats naming someone who has no seat (staff, on leave, not listed). */
  'seating.notSeated': [],
  /** Returned 回执 that no longer match the list (changed since the preview): the first place. */
  'replies.problems': ['file', 'row', 'count'],
  'notes.itemGone': [],
  'notes.badCursor': [],
  'notes.notBeside': [],
  // The machine and the server.
  'server.storageFull': [],
  'server.busy': ['seconds'],
  'server.notFound': [],
  /** The API has no such route, or not for this method: a page and a server of different versions. */
  'server.noRoute': ['path'],
  'server.wrongMethod': ['method', 'path'],
  /** A request addressed by a name the server does not answer to (DNS rebinding, a proxy). */
  'server.hostRefused': ['host'],
  /** A bug: the id is also in the server's log, for the organizer to quote. */
  'server.internal': ['errorId'],
  'sharing.off': [],
  'sharing.wrongCode': [],
  'sharing.locked': ['seconds'],
  'sharing.removed': [],
  'sharing.couldNotStart': [],
  /**
   * A note-taker's device may read and take notes; a screen's may only show the meeting; the
   * door's may only list the people and sign them in.
   */
  'access.doorOnly': [],
  'access.notesOnly': [],
  'access.showOnly': [],
  'access.token': [],
} as const satisfies Record<string, readonly string[]>;

export type ApiErrorReason = keyof typeof API_ERROR_REASONS;
export type ApiErrorParams = Record<string, string | number>;

/** A reason and the params its wording needs, as an error body carries them. */
export interface ApiErrorDetail {
  reason: ApiErrorReason;
  params?: ApiErrorParams;
}

/** The detail of a refusal, its params checked against the reason's list by the compiler. */
export const detail = <R extends ApiErrorReason>(
  reason: R,
  ...params: (typeof API_ERROR_REASONS)[R] extends readonly []
    ? []
    : [Record<(typeof API_ERROR_REASONS)[R][number], string | number>]
): ApiErrorDetail => (params[0] ? { reason, params: params[0] } : { reason });
