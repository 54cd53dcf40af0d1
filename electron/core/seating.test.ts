import { describe, expect, it } from 'vitest';
import { arrangeRow, arrangeSeating, rowSeatsByRank } from './seating.ts';

const ranks = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('one row by rank, as the hall sees it', () => {
  it('puts 1号 in the middle of an odd row, 2号 on his left (the hall’s right), 3号 on his right', () => {
    expect(arrangeRow(ranks(1))).toEqual([1]);
    expect(arrangeRow(ranks(3))).toEqual([3, 1, 2]);
    expect(arrangeRow(ranks(5))).toEqual([5, 3, 1, 2, 4]);
    expect(arrangeRow(ranks(7))).toEqual([7, 5, 3, 1, 2, 4, 6]);
  });

  it('lets 1号 and 2号 share the middle of an even row, 2号 still on 1号’s left', () => {
    expect(arrangeRow(ranks(2))).toEqual([1, 2]);
    expect(arrangeRow(ranks(4))).toEqual([3, 1, 2, 4]);
    expect(arrangeRow(ranks(6))).toEqual([5, 3, 1, 2, 4, 6]);
  });

  it('seats everyone exactly once, of two neighbours in rank the higher always nearer 1号, or as near and on his left', () => {
    for (let n = 0; n <= 40; n++) {
      const seats = rowSeatsByRank(n);
      expect([...seats].sort((a, b) => a - b)).toEqual(ranks(n).map((r) => r - 1));
      const first = seats[0] as number;
      for (let rank = 1; rank < n; rank++) {
        const higher = seats[rank - 1] as number;
        const lower = seats[rank] as number;
        const nearer = Math.abs(higher - first) < Math.abs(lower - first);
        const sameDistanceHallRight =
          Math.abs(higher - first) === Math.abs(lower - first) && higher > lower;
        expect(nearer || sameDistanceHallRight, `n=${n} rank ${rank}`).toBe(true);
      }
    }
  });
});

describe('layouts', () => {
  it('a rostrum seats the leaders on the platform and everyone else in rows of the hall, front first', () => {
    const chart = arrangeSeating({
      layout: 'rostrum',
      head: ['书记', '区长', '副书记'],
      members: ['甲', '乙', '丙', '丁'],
      observers: ['戊'],
      seatsPerRow: 3,
    });
    expect(chart.head).toEqual(['副书记', '书记', '区长']);
    expect(chart.rows).toEqual([
      ['丙', '甲', '乙'],
      ['丁', '戊'],
    ]);
  });

  it('a U-shaped table alternates its sides from the head’s left, nearest the head first', () => {
    const chart = arrangeSeating({
      layout: 'u-shape',
      head: ['主持', '书记'],
      members: ['一', '二', '三', '四', '五'],
      observers: [],
      seatsPerRow: 10,
    });
    expect(chart.head).toEqual(['主持', '书记']);
    expect(chart.rightSide).toEqual(['一', '三', '五']);
    expect(chart.leftSide).toEqual(['二', '四']);
    expect(chart.foot).toEqual([]);
  });

  it('a hollow square fills both sides up to their seats, then its foot by the row rule', () => {
    const chart = arrangeSeating({
      layout: 'hollow-square',
      head: ['书记'],
      members: ['一', '二', '三', '四', '五', '六', '七'],
      observers: ['列一', '列二'],
      seatsPerRow: 5,
      seatsPerSide: 2,
    });
    expect(chart.rightSide).toEqual(['一', '三']);
    expect(chart.leftSide).toEqual(['二', '四']);
    expect(chart.foot).toEqual(['七', '五', '六']);
    expect(chart.rows).toEqual([['列一', '列二']]);
  });
});
