import { describe, expect, it } from 'vitest';
import { formatSpeechOffset, parseNotePrefix, positionBetween } from './notes.ts';

describe('notes', () => {
  it('read the kind from a typed prefix, Chinese or English, either colon', () => {
    expect(parseNotePrefix('数据：65个临时党支部')).toEqual({
      kind: 'figure',
      text: '65个临时党支部',
    });
    expect(parseNotePrefix('金句: 以实干论英雄')).toEqual({ kind: 'quote', text: '以实干论英雄' });
    expect(parseNotePrefix('a: 报送名单')).toEqual({ kind: 'action', text: '报送名单' });
    expect(parseNotePrefix('临时党支部建在一线')).toEqual({
      kind: null,
      text: '临时党支部建在一线',
    });
    expect(parseNotePrefix('数据显示')).toEqual({ kind: null, text: '数据显示' });
  });

  it('show the moment in the speech as minutes and seconds', () => {
    expect(formatSpeechOffset(192_000)).toBe('03:12');
    expect(formatSpeechOffset(0)).toBe('00:00');
  });

  it('place a moved note between its new neighbours', () => {
    expect(positionBetween(1, 2)).toBe(1.5);
    expect(positionBetween(undefined, 1)).toBe(0);
    expect(positionBetween(3, undefined)).toBe(4);
    expect(positionBetween(undefined, undefined)).toBe(1);
  });
});
