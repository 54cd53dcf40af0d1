import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('CSV for Excel and WPS', () => {
  it('never lets a cell become a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('平湖街道')).toBe('平湖街道');
    expect(csvCell(8)).toBe('8');
  });

  it('quotes commas, quotes and line breaks, and starts with a BOM', () => {
    expect(csvCell('一，二,三')).toBe('"一，二,三"');
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"');
    const bytes = toCsv([
      ['序号', '单位'],
      [1, '平湖街道'],
    ]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1)).toBe('序号,单位\r\n1,平湖街道\r\n');
  });
});
