import { describe, expect, it } from 'vitest';
import { clockAfter, orderAfterStep } from './agendaTimes.ts';

describe('agenda times and steps', () => {
  it('adds minutes to a clock time, across the hour and midnight', () => {
    expect(clockAfter('09:00', 113)).toBe('10:53');
    expect(clockAfter('23:30', 45)).toBe('00:15');
  });

  it('moves an item one place and refuses to move past either end', () => {
    expect(orderAfterStep(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(orderAfterStep(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(orderAfterStep(['a', 'b', 'c'], 'a', -1)).toBeNull();
    expect(orderAfterStep(['a', 'b', 'c'], 'c', 1)).toBeNull();
  });
});
