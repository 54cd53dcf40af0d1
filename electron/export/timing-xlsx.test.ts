import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportSampleData } from './export-fixture.ts';
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
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(TIMING_HEADER);
    expect(sheet.rowCount).toBe(2 + 13);
    const opening = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(opening).toEqual([
      1,
      '开场',
      '主持人开场',
      expect.any(String),
      '01:00:00',
      5,
      '01:00:00',
      '01:04:30',
      '04:30',
      0,
      0,
      '已完成',
    ]);
    // The frozen header stays in view while scrolling.
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
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

  it('never writes a formula, and defuses text that would become one', async () => {
    const data = exportSampleData();
    data.items[1] = {
      ...data.items[1]!,
      topic: '=HYPERLINK("http://x","点我")',
      speaker: '@林一平',
    };
    const sheet = await readSheet(data);
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@\t\r\n]/);
      }),
    );
    expect(sheet.getCell(4, 4).value).toBe('\'=HYPERLINK("http://x","点我")');
  });
});
