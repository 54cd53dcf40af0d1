import type { TextEncodingName } from '../api/import.ts';

/*
 * What reading a table gives and why it can fail, apart from the reader itself: the server's
 * main thread needs these (to word a refusal) but must not load ExcelJS, which only the import
 * worker runs; importing the reader for its error class put ExcelJS's 2 MB into every start.
 */

export interface TableRead {
  format: 'csv' | 'xlsx';
  /** For CSV: how the text was decoded, and whether that was certain. */
  encoding: TextEncodingName | null;
  encodingCertain: boolean;
  /** Every row as text, as the spreadsheet shows it; the first row is the header. */
  rows: string[][];
}

/**
 * Why a file cannot be read as a table, as the reason the client words (the file's name is added
 * by the caller, which knows it). `row` is the row as a spreadsheet shows it, where one is known.
 */
export type TableReadProblem =
  | { reason: 'import.fileEmpty' | 'import.oldExcel' | 'import.notTable' | 'import.blankTable' }
  | { reason: 'import.notWorkbook' | 'import.damagedWorkbook' | 'import.readTimeout' }
  | { reason: 'import.readTooMuchMemory' }
  | { reason: 'import.fileTooLarge'; mb: number }
  | { reason: 'import.tooManyRows'; max: number }
  | { reason: 'import.unpacksTooLarge'; mb: number }
  | { reason: 'import.brokenQuotes'; row: number };

/** A file that cannot be read as a table: a message that says why, and the reason for the client. */
export class TableReadError extends Error {
  readonly problem: TableReadProblem;
  constructor(message: string, problem: TableReadProblem) {
    super(message);
    this.name = 'TableReadError';
    this.problem = problem;
  }
}
