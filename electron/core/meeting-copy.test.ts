import { describe, expect, it } from 'vitest';
import { copyTitle } from './meeting-copy.ts';

describe('the title of a copied meeting', () => {
  it('is marked as a copy and numbered past the titles already taken', () => {
    expect(copyTitle('组织工作会议', ['组织工作会议'])).toBe('组织工作会议（副本）');
    expect(copyTitle('组织工作会议', ['组织工作会议', '组织工作会议（副本）'])).toBe(
      '组织工作会议（副本2）',
    );
    expect(copyTitle('组织工作会议', ['组织工作会议（副本）', '组织工作会议（副本2）'])).toBe(
      '组织工作会议（副本3）',
    );
  });

  it('numbers a copy of a copy after the original instead of marking it twice', () => {
    expect(copyTitle('组织工作会议（副本）', ['组织工作会议', '组织工作会议（副本）'])).toBe(
      '组织工作会议（副本2）',
    );
  });

  it('stays within the 200 characters a title may have', () => {
    const long = '会'.repeat(200);
    const title = copyTitle(long, [long]);
    expect([...title]).toHaveLength(200);
    expect(title.endsWith('（副本）')).toBe(true);
  });
});
