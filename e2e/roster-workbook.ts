import ExcelJS from 'exceljs';

/**
 * A roster workbook of `rows` speakers (单位, 姓名, 职务, 题目, 时长), as big as an import may
 * be: used by the test that checks the read happens in the worker and by the benchmark that
 * measures how long the event loop waits meanwhile.
 */
export async function largeRosterWorkbook(rows: number): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名单');
  sheet.addRow(['单位', '姓名', '职务', '题目', '时长']);
  for (let n = 0; n < rows; n++) {
    sheet.addRow([`第${n}单位`, `发言人${n}`, '党工委书记', '把党支部建在急难险重工作一线', 8]);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
