import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../api/client.ts';
import { translate, type Locale, type Translate } from '../../i18n/i18n.tsx';
import { callErrorMessage, isStorageFull } from './fieldErrors.ts';

const tIn =
  (locale: Locale): Translate =>
  (key, vars) =>
    translate(locale, key, vars);

/** What the server answers when its disk is full (routes.ts, 507). */
const diskFull = new ApiCallError(507, {
  code: 'storage_full',
  message: 'the disk of the Roundtable computer is full: nothing was saved.',
});

describe('callErrorMessage, as every console and note action shows a failed write', () => {
  it('names a full disk in one sentence, in Chinese, with what to do', () => {
    expect(callErrorMessage(tIn('zh-CN'), diskFull)).toBe(
      '磁盘空间不足，未能保存。请清理会务服务所在电脑的磁盘空间后重试。',
    );
    expect(callErrorMessage(tIn('en'), diskFull)).toMatch(
      /^The disk is full, so nothing was saved/,
    );
  });

  it('tells a full disk apart from other failures', () => {
    expect(isStorageFull(diskFull)).toBe(true);
    const internal = new ApiCallError(500, { code: 'internal', message: 'internal error' });
    expect(isStorageFull(internal)).toBe(false);
    expect(isStorageFull(new Error('disk full'))).toBe(false);
    expect(callErrorMessage(tIn('zh-CN'), internal)).toBe('操作失败：internal error');
  });
});
