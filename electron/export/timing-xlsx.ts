import ExcelJS from 'exceljs';
import type { MeetingData } from './meeting-data.ts';
import { timingChartPicture } from './timing-chart-image.ts';
import { wrapLines } from './text-fit.ts';
import { TIMING_HEADER, timingRows } from './timing-report.ts';

const OVERTIME_COLUMN = TIMING_HEADER.indexOf('超时（秒）') + 1;
/**
 * The figures and times from 计划开始 on, and 序号, sit centred: left to the defaults, a number
 * (right) met the next time (left) with no gap, and 调整后时长 6.5 beside 实际开始 09:47:30 read
 * "6.509:47:30".
 */
const CENTRED_FROM = TIMING_HEADER.indexOf('计划开始') + 1;
const WIDTHS = [6, 10, 26, 36, 10, 10, 10, 10, 10, 12, 12, 10, 12];
/** How many Chinese characters of the 11 pt body a column of `width` holds on a line. */
const lineEm = (width: number) => (width - 1) / 2;

/**
 * A header as the sheet shows it: the column's unit or note, in brackets, starts a line of its
 * own, and a note too long for the column is broken between its words here. Left to Calc to
 * wrap in their narrow columns, 调整后时长（分钟） read 调整后时长（ / 分钟）, the bracket alone at
 * a line's end, 计划时长（分钟） read 计划时长（分 / 钟）, and the note 合计 was cut as 合 / 计）.
 */
function headerText(name: string, width: number): string {
  const bracket = name.indexOf('（');
  if (bracket < 0) return name;
  const note = wrapLines(name.slice(bracket), lineEm(width));
  return [name.slice(0, bracket), ...note].join('\n');
}
const HEADER_LINES = TIMING_HEADER.map((name, index) => headerText(name, WIDTHS[index] ?? 10));

/** One line of 11 pt 宋体. */
const LINE_HEIGHT_PT = 15;
const TITLE_PT = 14;
/** One line of the 14 pt title. */
const TITLE_LINE_PT = 20;
/**
 * How many Chinese characters of the title fit across the table: a column width counts the
 * narrow characters of the 11 pt body, a Chinese one takes two, and the title is 14 pt.
 */
const TITLE_EM = Math.floor(((WIDTHS.reduce((a, b) => a + b, 0) - 2) / 2) * (11 / TITLE_PT));

/** A column of the chart sheet: 9 narrow characters of the 11 pt body, 64 px on screen. */
const CHART_COLUMN_WIDTH = 9;
const CHART_COLUMN_PX = 64;

/** The second sheet, 用时图: the timing chart as a picture under a title row. */
function addChartSheet(
  workbook: ExcelJS.Workbook,
  data: MeetingData,
  plannedStartAt: number,
  clockTime: (epochMs: number) => string,
  now: number,
): void {
  const sheet = workbook.addWorksheet('用时图', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 },
  });
  const { layout, png } = timingChartPicture(data.items, plannedStartAt, data.run, now, clockTime);
  // The title wraps over the picture's width (columns of 64 px), so a long one neither runs
  // past the picture nor shrinks it on the printed page.
  const columns = Math.ceil(layout.width / CHART_COLUMN_PX);
  sheet.mergeCells(1, 1, 1, columns);
  const title = sheet.getCell(1, 1);
  title.value = `${data.meeting.title} 用时图（计划与实际）`;
  title.font = { name: '宋体', size: TITLE_PT, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  const titleEm = Math.floor(((columns * CHART_COLUMN_WIDTH - 2) / 2) * (11 / TITLE_PT));
  sheet.getRow(1).height = wrapLines(title.value, titleEm).length * TITLE_LINE_PT + 4;
  for (let column = 1; column <= columns; column++) {
    sheet.getColumn(column).width = CHART_COLUMN_WIDTH;
  }
  // exceljs's own Buffer type predates Node's generic one; the bytes are the same.
  const imageId = workbook.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
  sheet.addImage(imageId, {
    tl: { col: 0, row: 1 },
    ext: { width: layout.width, height: layout.height },
  });
}

/**
 * The timing report as a workbook: a title row, the header frozen above the rows, overtime rows
 * in red; on a second sheet the same items as a chart (用时图). `now` measures a speech still
 * running when the report is made during the meeting. Every text cell, the title's too, is a string cell (a shared string, never a formula),
 * so "=SUM(A1)" is shown as typed: unlike in a CSV, no apostrophe is needed, and one would show.
 */
export async function timingXlsx(
  data: MeetingData,
  plannedStartAt: number,
  clockTime: (epochMs: number) => string,
  now = plannedStartAt,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Roundtable';
  const sheet = workbook.addWorksheet('计时报告', {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 },
  });
  const font = { name: '宋体', size: 11 };
  sheet.mergeCells(1, 1, 1, TIMING_HEADER.length);
  const title = sheet.getCell(1, 1);
  title.value = `${data.meeting.title} 计时报告`;
  title.font = { ...font, size: TITLE_PT, bold: true };
  // A long title wraps in its row instead of running off both sides of the merged cell.
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.getRow(1).height = wrapLines(title.value, TITLE_EM).length * TITLE_LINE_PT + 4;

  const header = sheet.addRow(HEADER_LINES);
  header.font = { ...font, bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  });

  for (const values of timingRows(data, plannedStartAt, clockTime)) {
    const row = sheet.addRow(values);
    row.font = font;
    row.alignment = { vertical: 'middle', wrapText: true };
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      if (column === 1 || column >= CENTRED_FROM)
        cell.alignment = { ...cell.alignment, horizontal: 'center' };
    });
    const over = values[OVERTIME_COLUMN - 1];
    if (typeof over === 'number' && over > 0) {
      row.eachCell((cell) => {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E2' } };
      });
      row.getCell(OVERTIME_COLUMN).font = { ...font, bold: true, color: { argb: 'FFC00000' } };
    }
  }
  WIDTHS.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  // Wrapped text does not grow a row by itself in every spreadsheet (LibreOffice, WPS): give
  // each row the height of its tallest cell. A column width counts narrow characters (a
  // Chinese one takes two).
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    let lines = 1;
    row.eachCell((cell, column) => {
      const em = lineEm(WIDTHS[column - 1] ?? 10);
      lines = Math.max(lines, wrapLines(String(cell.value ?? ''), em).length);
    });
    row.height = lines * LINE_HEIGHT_PT + 4;
  });
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      cell.border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
    }),
  );
  addChartSheet(workbook, data, plannedStartAt, clockTime, now);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
