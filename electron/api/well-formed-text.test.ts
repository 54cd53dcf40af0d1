import { describe, expect, it } from 'vitest';
import { illFormedTextAt, isWellFormedText } from './well-formed-text.ts';

describe('well-formed text', () => {
  it('knows a lone half of a surrogate pair from a whole pair', () => {
    expect(isWellFormedText('掌声👏 \ud83d\udc4f')).toBe(true);
    for (const bad of ['\ud800', '\udc00', 'a\ud83d', '\udc4fa', '\udc4f\ud83d', '👏\ud83d']) {
      expect(isWellFormedText(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('names the first bad field of a parsed body by its dotted path, keys included', () => {
    expect(illFormedTextAt({ title: '会议', attendees: ['甲', '乙'] })).toBeUndefined();
    expect(illFormedTextAt({ title: '会议', attendees: ['甲', '\ud800', '\udc00'] })).toBe(
      'attendees.1',
    );
    expect(illFormedTextAt({ a: 'x\udc00', b: '\ud800' })).toBe('a');
    expect(illFormedTextAt({ mapping: { ['k\ud800']: 1 } })).toBe('mapping.k\ufffd');
    expect(illFormedTextAt(['\ud800'])).toBe('0');
  });

  it("leaves a file's bytes to their reader: they are not text, and may be 64 MiB", () => {
    const file = new Uint8Array(64 * 1024 * 1024).fill(0xed);
    expect(illFormedTextAt({ file, fileName: '会议.roundtable' })).toBeUndefined();
    expect(illFormedTextAt({ file, fileName: '\ud800' })).toBe('fileName');
  });

  it('walks a body nested deeper than the stack without failing', () => {
    const depth = 500_000;
    const nested = JSON.parse(`{"a":${'['.repeat(depth)}"\\ud800"${']'.repeat(depth)}}`);
    const path = illFormedTextAt(nested);
    expect(path?.startsWith('a.0.0.')).toBe(true);
    expect(path?.split('.')).toHaveLength(depth + 1);
    expect(illFormedTextAt(JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`))).toBeUndefined();
  });
});
