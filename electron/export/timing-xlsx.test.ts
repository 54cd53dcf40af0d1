import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportSampleData, hardMeeting } from './test-support/export-fixture.ts';
import { convertWithLibreOffice } from './test-support/libreoffice-convert.ts';
import { emWidth } from './text-fit.ts';
import { timingChartPicture } from './timing-chart-image.ts';
import { TIMING_HEADER } from './timing-report.ts';
import { timingXlsx } from './timing-xlsx.ts';

const clockTime = (ms: number) => new Date(ms).toISOString().slice(11, 19);

async function readSheet(data = exportSampleData()) {
  const workbook = new ExcelJS.Workbook();
  const plannedStartAt = Date.parse('2026-11-25T01:00:00Z');
  const file = await timingXlsx(data, plannedStartAt, clockTime);
  await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  return workbook.getWorksheet('计时报告') as ExcelJS.Worksheet;
}

describe('the timing report (.xlsx)', () => {
  it('has a title, the header and one row per item with planned and actual times', async () => {
    const sheet = await readSheet();
    expect(sheet.getCell('A1').value).toBe(
      '龙岗区组织工作会议暨基层工作经验交流座谈会（示例） 计时报告',
    );
    // The CSV's header, word for word; the sheet only breaks its lines (see the next test).
    const header = (sheet.getRow(2).values as string[]).slice(1);
    expect(header.map((name) => name.replaceAll('\n', ''))).toEqual(TIMING_HEADER);
    expect(sheet.rowCount).toBe(2 + 13);
    const opening = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(opening).toEqual([
      1,
      '开场',
      '主持人开场',
      expect.any(String),
      '01:00:00',
      5,
      '', // no finish-on-time plan: no adjusted limit
      '01:00:00',
      '01:04:30',
      '4分30秒',
      0,
      0,
      '已完成',
    ]);
    // The frozen header stays in view while scrolling.
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('starts a header’s bracketed unit on a line of its own: no bracket left alone at a line’s end', async () => {
    const sheet = await readSheet();
    TIMING_HEADER.forEach((name, index) => {
      const column = index + 1;
      const lines = String(sheet.getCell(2, column).value).split('\n');
      // A column's width counts narrow characters, a Chinese one takes two: every line fits,
      // so Calc breaks none itself (it left 调整后时长（ / 分钟） and 计划时长（分 / 钟）).
      const holds = (sheet.getColumn(column).width ?? 0) / 2;
      for (const line of lines)
        expect([name, line, emWidth(line) <= holds]).toEqual([name, line, true]);
      expect(lines.filter((line) => line.endsWith('（') || line.startsWith('）'))).toEqual([]);
      const bracket = name.indexOf('（');
      if (bracket > 0) {
        expect(lines[0]).toBe(name.slice(0, bracket));
        expect(lines.slice(1).join('')).toBe(name.slice(bracket));
      } else {
        expect(lines).toEqual([name]);
      }
    });
    // The tallest, 实际用时 / （多次发言 / 为合计）, sets the header row's height: three lines.
    expect(
      String(sheet.getCell(2, TIMING_HEADER.indexOf('实际用时（多次发言为合计）') + 1).value),
    ).toBe('实际用时\n（多次发言\n为合计）');
    expect(sheet.getRow(2).height).toBeGreaterThanOrEqual(3 * 15);
  });

  it('centres 序号 and every figure and time, so an adjusted 6.5 does not run into 09:47:30 beside it', async () => {
    const data = exportSampleData();
    const shortened = data.items[6]?.id ?? '';
    const sheet = await readSheet({
      ...data,
      run: { ...data.run, adjustedLimits: { [shortened]: 6.5 } },
    });
    const row = sheet.getRow(3 + 6);
    const column = (name: string) => TIMING_HEADER.indexOf(name) + 1;
    expect(row.getCell(column('调整后时长（分钟）')).value).toBe(6.5);
    const horizontal = (name: string) => row.getCell(column(name)).alignment?.horizontal;
    for (const name of TIMING_HEADER.slice(TIMING_HEADER.indexOf('计划开始')))
      expect([name, horizontal(name)]).toEqual([name, 'center']);
    expect(horizontal('序号')).toBe('center');
    // The words stay at the left, where a long name or topic reads from its start.
    expect(horizontal('发言单位及发言人')).toBeUndefined();
    expect(horizontal('题目')).toBeUndefined();
  });

  it('wraps a long title in its row instead of running it off both sides', async () => {
    const short = await readSheet();
    expect(short.getRow(1).height).toBeLessThan(30); // the sample's title takes one line
    const data = hardMeeting();
    data.meeting = {
      ...data.meeting,
      title: `${data.meeting.title}（第二次）暨重点工作谋划部署会议`,
    };
    const sheet = await readSheet(data);
    expect(sheet.getCell(1, 1).alignment).toMatchObject({ wrapText: true, horizontal: 'center' });
    expect(sheet.getRow(1).height).toBeGreaterThanOrEqual(40); // two lines of 14 pt
  });

  it('marks the items that ran over in red, and only those', async () => {
    const sheet = await readSheet();
    const overtime = TIMING_HEADER.indexOf('超时（秒）') + 1;
    for (let r = 3; r <= sheet.rowCount; r++) {
      const over = Number(sheet.getCell(r, overtime).value);
      const fill = sheet.getCell(r, 1).fill as ExcelJS.FillPattern | undefined;
      if (over > 0) {
        expect(fill?.fgColor?.argb).toBe('FFFDE2E2');
        expect(sheet.getCell(r, overtime).font?.color?.argb).toBe('FFC00000');
      } else {
        expect(fill?.fgColor?.argb).toBeUndefined();
      }
    }
    expect(Number(sheet.getCell(4, overtime).value)).toBe(75);
  });

  it('never writes a formula: formula-looking text, the title too, is a text cell shown as typed', async () => {
    const data = exportSampleData();
    data.meeting = { ...data.meeting, title: '=SUM(A1)+1' };
    data.items[1] = {
      ...data.items[1]!,
      topic: '=HYPERLINK("http://x","点我")',
      speaker: '@林一平',
    };
    const plannedStartAt = Date.parse('2026-11-25T01:00:00Z');
    const file = await timingXlsx(data, plannedStartAt, clockTime);
    const zip = await JSZip.loadAsync(file);
    const sheetXml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    expect(sheetXml).not.toContain('<f>');
    expect(sheetXml).not.toContain('<f ');
    const sheet = await readSheet(data);
    expect(sheet.getCell(1, 1).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell(1, 1).value).toBe('=SUM(A1)+1 计时报告');
    expect(sheet.getCell(4, 4).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell(4, 4).value).toBe('=HYPERLINK("http://x","点我")');
    expect(sheet.getCell(4, 3).value).toBe('平湖街道 @林一平');
    // What Calc makes of it: the text as typed, neither a formula's result nor an apostrophe.
    const csv = await convertWithLibreOffice(
      file,
      'timing.xlsx',
      'csv:Text - txt - csv (StarCalc):44,34,76',
    );
    const lines = csv.toString('utf8').split(/\r?\n/);
    expect(lines[0]).toMatch(/^=SUM\(A1\)\+1 计时报告/);
    // The header's cells take lines of their own in the CSV: the row is found by its speaker.
    const pinghu = lines.find((line) => line.includes('平湖街道 @林一平')) ?? '';
    expect(pinghu).toContain('"=HYPERLINK(""http://x"",""点我"")"');
    expect(pinghu).not.toContain("'");
  });

  it('draws the same items as a chart on a second sheet, 用时图, as a picture', async () => {
    const data = hardMeeting();
    const plannedStartAt = Date.parse('2026-11-25T01:00:00Z');
    const file = await timingXlsx(data, plannedStartAt, clockTime);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['计时报告', '用时图']);
    const sheet = workbook.getWorksheet('用时图') as ExcelJS.Worksheet;
    expect(sheet.getCell(1, 1).value).toBe(`${data.meeting.title} 用时图（计划与实际）`);
    const images = sheet.getImages();
    expect(images).toHaveLength(1);
    // The picture is the chart of this meeting's run, at twice its size for print.
    const expected = timingChartPicture(
      data.items,
      plannedStartAt,
      data.run,
      plannedStartAt,
      clockTime,
    );
    const media = workbook.getImage(Number(images[0]?.imageId));
    expect(Buffer.from(media.buffer as unknown as Uint8Array).equals(expected.png)).toBe(true);
    expect(expected.png.readUInt32BE(16)).toBe(1920); // the PNG's width, from its header
    expect(expected.chart.bars.filter((b) => b.overMinutes > 0)).toHaveLength(5);
    // Calc prints it: the second page of the PDF is the chart's sheet.
    const pdf = await convertWithLibreOffice(file, 'timing.xlsx', 'pdf');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length).toBe(2);
  }, 90_000); // two pictures drawn with a CJK face and a LibreOffice print, on a loaded machine
});
