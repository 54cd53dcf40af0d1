import { describe, expect, it } from 'vitest';
import { runOn } from '../core/test-support/agenda-run.ts';
import { initialRunState, type RunCommand, type RunState } from '../core/run.ts';
import { exportSampleData } from './test-support/export-fixture.ts';
import ExcelJS from 'exceljs';
import { hardMeeting } from './test-support/export-fixture.ts';
import { convertWithLibreOffice, CSV_UTF8_ZH_CN } from './test-support/libreoffice-convert.ts';
import { durationText, TIMING_HEADER, timingCsv } from './timing-report.ts';

const MIN = 60_000;
/** 09:00 in the venue (UTC+8); the report's clock times are written in UTC here. */
const NINE = Date.parse('2026-11-25T01:00:00Z');
const clockTime = (ms: number) => new Date(ms).toISOString().slice(11, 19);

/** Enough of CSV for a report written by `toCsv`: quoted cells, doubled quotes, CRLF rows. */
function readCsv(bytes: Buffer): string[][] {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const cells = /"((?:[^"]|"")*)"|([^,\r\n]*)/y;
  const rows: string[][] = [];
  let row: string[] = [];
  let at = 0;
  while (at < text.length) {
    cells.lastIndex = at;
    const match = cells.exec(text) as RegExpExecArray;
    row.push(match[1] !== undefined ? match[1].replaceAll('""', '"') : (match[2] ?? ''));
    at = cells.lastIndex;
    if (text[at] === ',') at += 1;
    else {
      rows.push(row);
      row = [];
      at += 2; // CRLF
    }
  }
  return rows;
}

describe('the timing report after a run with a cut-short speaker and a second turn', () => {
  const data = exportSampleData();
  const [opening, pinghu, pingdi, hengang] = data.items;
  let run: RunState = initialRunState;
  const apply = runOn(data.items);
  const command = (c: RunCommand, at: number) => {
    run = apply(run, c, at);
  };
  command({ kind: 'next' }, NINE); // the opening
  command({ kind: 'next' }, NINE + 5 * MIN); // 平湖
  command({ kind: 'next' }, NINE + 13 * MIN); // 坪地, cut short after 2 minutes:
  command({ kind: 'skip' }, NINE + 15 * MIN); // 横岗 is cued, and skipped without a word
  command({ kind: 'skip' }, NINE + 15 * MIN);
  command({ kind: 'goto', itemId: pinghu!.id }, NINE + 16 * MIN); // 平湖 is called back
  command({ kind: 'start', again: true }, NINE + 17 * MIN);
  command({ kind: 'stop' }, NINE + 18 * MIN + 30_000);
  const rows = readCsv(timingCsv({ ...data, run }, NINE, clockTime));
  const column = (name: string) => TIMING_HEADER.indexOf(name);
  const row = (itemId: string) => rows[data.items.findIndex((i) => i.id === itemId) + 1]!;
  const cells = (itemId: string, names: string[]) => names.map((n) => row(itemId)[column(n)]);

  it('says in its header that a second turn is added to the first', () => {
    expect(rows[0]).toEqual(TIMING_HEADER);
    expect(TIMING_HEADER).toContain('实际用时（多次发言为合计）');
    expect(opening && row(opening.id)[column('状态')]).toBe('已完成');
  });

  it('keeps the time of a speaker cut short by skip: done, not skipped', () => {
    expect(
      cells(pingdi!.id, [
        '实际开始',
        '实际结束',
        '实际用时（多次发言为合计）',
        '超时（秒）',
        '状态',
      ]),
    ).toEqual(['01:13:00', '01:15:00', '2分钟', '0', '已完成']);
  });

  it('marks as skipped only the speaker who never started', () => {
    expect(
      cells(hengang!.id, ['实际开始', '实际结束', '实际用时（多次发言为合计）', '状态']),
    ).toEqual(['', '', '', '已跳过']);
  });

  it('keeps the first start of an item run again, its last end, and both turns added up', () => {
    expect(
      cells(pinghu!.id, [
        '实际开始',
        '实际结束',
        '实际用时（多次发言为合计）',
        '超时（秒）',
        '状态',
      ]),
    ).toEqual(['01:05:00', '01:18:30', '9分30秒', '90', '已完成（发言 2 次）']);
  });
});

describe('the timing report after a finish-on-time plan (issue 17)', () => {
  const data = exportSampleData();
  const [, pinghu, pingdi, hengang] = data.items;
  let run: RunState = initialRunState;
  const apply = runOn(data.items);
  const command = (c: RunCommand, at: number) => {
    run = apply(run, c, at);
  };
  command({ kind: 'next' }, NINE); // the opening
  const changes = [
    { itemId: pingdi!.id, toMinutes: 6.5 },
    { itemId: hengang!.id, toMinutes: 6 },
  ];
  command({ kind: 'finishOnTime', changes }, NINE + MIN);
  command({ kind: 'next' }, NINE + 5 * MIN); // 平湖, as planned
  command({ kind: 'next' }, NINE + 13 * MIN); // 坪地 speaks 7 minutes against 6.5
  command({ kind: 'next' }, NINE + 20 * MIN);
  const rows = readCsv(timingCsv({ ...data, run }, NINE, clockTime));
  const column = (name: string) => TIMING_HEADER.indexOf(name);
  const cells = (itemId: string, names: string[]) =>
    names.map((n) => rows[data.items.findIndex((i) => i.id === itemId) + 1]![column(n)]);
  const names = [
    '计划时长（分钟）',
    '调整后时长（分钟）',
    '实际用时（多次发言为合计）',
    '超时（秒）',
  ];

  it('shows planned, adjusted and actual per item, overtime counted from the adjusted limit', () => {
    expect(cells(pinghu!.id, names)).toEqual(['8', '', '8分钟', '0']);
    expect(cells(pingdi!.id, names)).toEqual(['8', '6.5', '7分钟', '30']);
    expect(cells(hengang!.id, names)).toEqual(['8', '6', '', '']);
  });
});

describe('the timing report (.csv) opened in a spreadsheet', () => {
  it('writes speaking times in words, never as a clock time', () => {
    expect([270_000, 120_000, 45_000, 570_999, 3_725_000, 400].map(durationText)).toEqual([
      '4分30秒',
      '2分钟',
      '45秒',
      '9分30秒',
      '62分5秒',
      '0秒',
    ]);
  });

  it('reads in LibreOffice Calc as it is written: times spoken as text, formulas as text', async () => {
    const data = hardMeeting();
    data.items[1] = { ...data.items[1]!, topic: '=SUM(A1)', speaker: '@x' };
    const csv = timingCsv(data, NINE, clockTime);
    const xlsx = await convertWithLibreOffice(csv, 'timing.csv', 'xlsx', CSV_UTF8_ZH_CN);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const spoken = TIMING_HEADER.indexOf('实际用时（多次发言为合计）') + 1;
    const written = readCsv(csv);
    for (let r = 2; r <= data.items.length + 1; r++) {
      const cell = sheet.getCell(r, spoken);
      // What Calc shows is what the CSV says ("5分钟", "8分35秒"), not 04:30:00 AM.
      expect(cell.text).toBe(written[r - 1]![spoken - 1]);
      expect([ExcelJS.ValueType.Number, ExcelJS.ValueType.Date]).not.toContain(cell.type);
    }
    expect(sheet.getCell(2, spoken).text).toBe('4分20秒');
    // The defused cells are text in Calc, not formulas: the apostrophe keeps them so.
    expect(sheet.getCell(3, 4).type).not.toBe(ExcelJS.ValueType.Formula);
    expect(sheet.getCell(3, 4).text).toContain('=SUM(A1)');
  });
});
