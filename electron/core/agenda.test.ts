import { describe, expect, it } from 'vitest';
import {
  emptyAgendaItemFields,
  insertItem,
  itemHeadline,
  moveItem,
  removeItem,
  reorderItems,
  totalPlannedMinutes,
  type AgendaItem,
} from './agenda.ts';

const item = (id: string, position: number): AgendaItem => ({
  ...emptyAgendaItemFields,
  id,
  meetingId: 'm',
  position,
  organization: `${id}街道`,
  speaker: id.toUpperCase(),
});
const ids = (items: AgendaItem[]) => items.map((i) => i.id);
const positions = (items: AgendaItem[]) => items.map((i) => i.position);
const abc = [item('a', 0), item('b', 1), item('c', 2)];

describe('agenda order', () => {
  it('inserts at an index or at the end and renumbers', () => {
    expect(ids(insertItem(abc, item('x', 99), 1))).toEqual(['a', 'x', 'b', 'c']);
    expect(positions(insertItem(abc, item('x', 99), 1))).toEqual([0, 1, 2, 3]);
    expect(ids(insertItem(abc, item('x', 99)))).toEqual(['a', 'b', 'c', 'x']);
    expect(ids(insertItem(abc, item('x', 99), -5))).toEqual(['x', 'a', 'b', 'c']);
  });

  it('removes and closes the gap', () => {
    const next = removeItem(abc, 'b');
    expect(ids(next)).toEqual(['a', 'c']);
    expect(positions(next)).toEqual([0, 1]);
  });

  it('moves one item up, down and past the ends', () => {
    expect(ids(moveItem(abc, 'c', 0))).toEqual(['c', 'a', 'b']);
    expect(ids(moveItem(abc, 'a', 1))).toEqual(['b', 'a', 'c']);
    expect(ids(moveItem(abc, 'a', 10))).toEqual(['b', 'c', 'a']);
    expect(positions(moveItem(abc, 'a', 10))).toEqual([0, 1, 2]);
    expect(ids(moveItem(abc, 'zz', 0))).toEqual(['a', 'b', 'c']);
  });

  it('accepts a full new order and refuses one that drops, repeats or invents items', () => {
    const ok = reorderItems(abc, ['c', 'b', 'a']);
    expect(ok.ok && ids(ok.items)).toEqual(['c', 'b', 'a']);
    expect(ok.ok && positions(ok.items)).toEqual([0, 1, 2]);
    expect(reorderItems(abc, ['c', 'b'])).toEqual({
      ok: false,
      problem: { kind: 'missing', itemIds: ['a'] },
    });
    expect(reorderItems(abc, ['c', 'c', 'a', 'b'])).toEqual({
      ok: false,
      problem: { kind: 'duplicate', itemIds: ['c'] },
    });
    expect(reorderItems(abc, ['c', 'b', 'a', 'q'])).toEqual({
      ok: false,
      problem: { kind: 'unknown', itemIds: ['q'] },
    });
  });

  it('sums planned minutes and names items by title or speaker', () => {
    expect(totalPlannedMinutes(abc)).toBe(24);
    expect(itemHeadline(abc[0] as AgendaItem)).toBe('a街道 A');
    expect(itemHeadline({ ...(abc[0] as AgendaItem), title: '茶歇' })).toBe('茶歇');
  });
});
