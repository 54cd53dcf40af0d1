import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { IMPORT_LIMITS, type TextEncodingName } from '../api/import.ts';
import { decodeText } from './decode.ts';
import { unpackedSizeWithin } from './zip-budget.ts';
import { TableReadError, type TableRead, type TableReadProblem } from './table-read.ts';

const startsWith = (bytes: Uint8Array, signature: number[]) =>
  signature.every((b, i) => bytes[i] === b);

export async function readTable(
  bytes: Uint8Array,
  encoding?: TextEncodingName,
): Promise<TableRead> {
  if (bytes.length === 0)
    throw new TableReadError('the file is empty', { reason: 'import.fileEmpty' });
  if (bytes.length > IMPORT_LIMITS.maxBytes)
    throw new TableReadError('the file is larger than 10 MB', {
      reason: 'import.fileTooLarge',
      mb: IMPORT_LIMITS.maxBytes / (1024 * 1024),
    });
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return readXlsx(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new TableReadError('an old Excel .xls file: save it as .xlsx or CSV and import that', {
      reason: 'import.oldExcel',
    });
  }
  return readCsv(bytes, encoding);
}

function checkRowCount(rows: string[][]): string[][] {
  // The header plus at most maxRows rows of data.
  if (rows.length - 1 > IMPORT_LIMITS.maxRows) {
    throw new TableReadError(`more than ${IMPORT_LIMITS.maxRows.toLocaleString('en')} rows`, {
      reason: 'import.tooManyRows',
      max: IMPORT_LIMITS.maxRows,
    });
  }
  return rows;
}

function readCsv(bytes: Uint8Array, encoding?: TextEncodingName): TableRead {
  const decoded = decodeText(bytes, encoding);
  // Text has no NUL characters; a file with them is binary (an image, a Word file…).
  if (decoded.text.includes('\u0000')) {
    throw new TableReadError('not a table: neither an .xlsx workbook nor CSV text', {
      reason: 'import.notTable',
    });
  }
  const parsed = Papa.parse<string[]>(decoded.text, { skipEmptyLines: 'greedy' });
  const broken = parsed.errors.find((e) => e.type === 'Quotes');
  if (broken) {
    const row = (broken.row ?? 0) + 1;
    throw new TableReadError(`row ${row}: ${broken.message.toLowerCase()}`, {
      reason: 'import.brokenQuotes',
      row,
    });
  }
  const rows = parsed.data.map((row) => row.map((cell) => String(cell ?? '')));
  if (rows.length === 0)
    throw new TableReadError('the file has no rows', { reason: 'import.blankTable' });
  return {
    format: 'csv',
    encoding: decoded.encoding,
    encodingCertain: decoded.certain,
    rows: checkRowCount(rows),
  };
}

const damaged: TableReadProblem = { reason: 'import.damagedWorkbook' };
const unpacksTooLarge: TableReadProblem = {
  reason: 'import.unpacksTooLarge',
  mb: IMPORT_LIMITS.maxUnpackedBytes / (1024 * 1024),
};

/** Refuses a zip whose contents would unpack to far more than any real workbook. */
async function checkZip(bytes: Uint8Array): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new TableReadError('a damaged .xlsx file (it cannot be opened as a workbook)', damaged);
  }
  const entries = Object.values(zip.files);
  if (entries.length > IMPORT_LIMITS.maxZipEntries) {
    throw new TableReadError('not a workbook', { reason: 'import.notWorkbook' });
  }
  // JSZip keeps each entry's declared size from the central directory.
  const unpacked = entries.reduce(
    (sum, entry) =>
      sum +
      ((entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ??
        0),
    0,
  );
  const tooBig = 'the workbook unpacks to more than 64 MB: it is not a roster';
  // The declared sizes refuse an honest bomb without unpacking it; a lying one is caught below.
  if (unpacked > IMPORT_LIMITS.maxUnpackedBytes) throw new TableReadError(tooBig, unpacksTooLarge);
  if (!zip.file('xl/workbook.xml')) {
    throw new TableReadError('a zip file, but not an Excel .xlsx workbook', {
      reason: 'import.notWorkbook',
    });
  }
  const real = await unpackedSizeWithin(zip, IMPORT_LIMITS.maxUnpackedBytes);
  if (real.kind === 'over') throw new TableReadError(tooBig, unpacksTooLarge);
  if (real.kind === 'damaged') {
    throw new TableReadError(`a damaged .xlsx file (${real.reason})`, damaged);
  }
}

async function readXlsx(bytes: Uint8Array): Promise<TableRead> {
  await checkZip(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new TableReadError(`a damaged .xlsx file (${(error as Error).message})`, damaged);
  }
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) throw new TableReadError('the workbook has no rows', { reason: 'import.blankTable' });
  if (sheet.actualRowCount - 1 > IMPORT_LIMITS.maxRows)
    checkRowCount(new Array(sheet.actualRowCount));
  const width = sheet.actualColumnCount;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= Math.max(width, row.cellCount); column++) {
      const cell = row.getCell(column);
      // A merged range shows its first cell's value across the range; a formula shows the
      // value Excel saved with it (cell.text), never re-computed here.
      const shown = cell.isMerged ? cell.master : cell;
      cells.push(shown.text ?? '');
    }
    rows.push(cells);
  });
  return { format: 'xlsx', encoding: null, encodingCertain: true, rows: checkRowCount(rows) };
}
