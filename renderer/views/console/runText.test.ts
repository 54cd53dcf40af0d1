import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../i18n/i18n.tsx';
import { elapsedText, offsetText } from './runText.ts';

const zh = (key: MessageKey, vars?: Record<string, string | number>) =>
  translate('zh-CN', key, vars);
const en = (key: MessageKey, vars?: Record<string, string | number>) => translate('en', key, vars);

describe('run texts', () => {
  it('say how late or early the meeting runs, to the minute', () => {
    expect(offsetText(zh, 6 * 60_000 + 10_000)).toBe('落后 6 分钟');
    expect(offsetText(zh, -3 * 60_000)).toBe('提前 3 分钟');
    expect(offsetText(zh, 20_000)).toBe('准时');
    expect(offsetText(en, 6 * 60_000)).toBe('6 min behind');
  });

  it('show elapsed time as minutes and seconds', () => {
    expect(elapsedText(192_000)).toBe('3:12');
    expect(elapsedText(3_725_000)).toBe('1:02:05');
  });
});
