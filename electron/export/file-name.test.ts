import { describe, expect, it } from 'vitest';
import { exportFileName, MAX_FILE_NAME_BYTES } from './file-name.ts';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('export file names', () => {
  it('keeps a usual title whole', () => {
    expect(exportFileName('龙岗区组织工作会议（示例）', '-纪要.docx')).toBe(
      '龙岗区组织工作会议（示例）-纪要.docx',
    );
  });

  it('cuts a long title so the name fits, keeping the suffix and extension whole', () => {
    const title = '基层党建引领城市更新工作经验交流座谈会'.repeat(6); // 114 characters
    const name = exportFileName(title, '-计时报告.xlsx');
    expect(bytes(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(name.endsWith('-计时报告.xlsx')).toBe(true);
    expect(title.startsWith(name.replace('-计时报告.xlsx', ''))).toBe(true);
    expect(bytes(name)).toBeGreaterThan(MAX_FILE_NAME_BYTES - 3); // cut at the last whole character
  });

  it('never cuts inside a character outside the BMP or an emoji sequence', () => {
    for (let lead = 0; lead < 4; lead++) {
      const title = `${'会'.repeat(lead)}${'𠀀🎉👍🏽👨‍👩‍👧'.repeat(40)}`;
      const name = exportFileName(title, '-纪要.md');
      expect(bytes(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
      expect(name).not.toMatch(
        /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
      ); // no lone surrogate
      const kept = name.replace('-纪要.md', '');
      expect(title.startsWith(kept)).toBe(true);
      expect(kept.endsWith('\u200d')).toBe(false); // the family emoji is kept whole or not at all
      expect(/[👨👩]$/u.test(kept)).toBe(false);
    }
  });

  it('drops the characters file systems refuse, and names an empty title', () => {
    expect(exportFileName('A/B:C*D?"E"<F>|G\\H\tI', '.roundtable')).toBe('ABCDEFGHI.roundtable');
    expect(exportFileName('  ///  ', '-纪要.md')).toBe('meeting-纪要.md');
  });
});
