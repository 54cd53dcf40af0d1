import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../i18n/i18n.tsx';
import { dayOf, elapsedText, offsetText } from './runText.ts';

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

  // The rule is "to the nearest minute": a meeting 50 s late must not read 准时, and one within
  // half a minute either way is on time. Walked on both sides of each boundary, late and early.
  it.each([
    [0, '准时'],
    [1_000, '准时'],
    [29_999, '准时'],
    [30_000, '落后 1 分钟'],
    [50_000, '落后 1 分钟'],
    [60_000, '落后 1 分钟'],
    [61_000, '落后 1 分钟'],
    [89_999, '落后 1 分钟'],
    [90_000, '落后 2 分钟'],
    [6 * 60_000 + 40_000, '落后 7 分钟'],
    [-1_000, '准时'],
    [-29_999, '准时'],
    [-30_000, '提前 1 分钟'],
    [-50_000, '提前 1 分钟'],
    [-90_000, '提前 2 分钟'],
  ])('rounds %i ms to the nearest minute: %s', (offsetMs, text) => {
    expect(offsetText(zh, offsetMs)).toBe(text);
  });

  it('never shows a meeting 30 s to 59 s late or early as on time', () => {
    for (let s = 30; s < 60; s++) {
      expect(offsetText(zh, s * 1000)).toBe('落后 1 分钟');
      expect(offsetText(zh, -s * 1000)).toBe('提前 1 分钟');
      expect(offsetText(en, s * 1000)).toBe('1 min behind');
    }
  });

  it('show elapsed time as minutes and seconds', () => {
    expect(elapsedText(192_000)).toBe('3:12');
    expect(elapsedText(3_725_000)).toBe('1:02:05');
  });
});

describe('the calendar day of an instant', () => {
  it('is this device’s (the venue’s) day, on either side of its midnight', () => {
    expect(dayOf(new Date(2026, 0, 5, 23, 59, 59).getTime())).toBe('2026-01-05');
    expect(dayOf(new Date(2026, 0, 6, 0, 0, 0).getTime())).toBe('2026-01-06');
    expect(dayOf(new Date(2020, 11, 31, 12, 0).getTime())).toBe('2020-12-31');
  });
});
