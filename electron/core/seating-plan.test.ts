import { describe, expect, it } from 'vitest';
import { seatingPeople } from './test-support/participants.ts';
import {
  defaultSeatingPlan,
  nobodyToSeat,
  planChart,
  seatOrder,
  spacedName,
  swapSeats,
  type SeatingPlan,
} from './seating-plan.ts';
import { seatingGrid } from './seating-grid.ts';

const plan = (over: Partial<SeatingPlan> = {}): SeatingPlan => ({
  ...defaultSeatingPlan('m'),
  ...over,
});
const names = (seats: readonly { name: string }[]) => seats.map((s) => s.name);

describe('the seating plan of a meeting', () => {
  const people = seatingPeople();

  it('seats the first N 出席 by rank at the head by the row rule, the rest at the sides, 列席 behind; staff and those on leave get no seat', () => {
    const chart = planChart(people, plan({ layout: 'u-shape', headCount: 3 }));
    expect(names(chart.head)).toEqual(['欧阳晓明', '林一平', '张勇']);
    expect(names(chart.rightSide)).toEqual(['陈静', '钱多多', '黄晓燕', '吴敏']);
    expect(names(chart.leftSide)).toEqual(['王海涛', '刘洋', '周伟']);
    expect(names(chart.rows.flat())).toEqual(['马骏', '郑凯', '孙丽']);
    const everyone = names(seatOrder(chart));
    expect(everyone).not.toContain('李娜');
    expect(everyone).not.toContain('何芳');
    // 赵建国 sends 钱多多: the substitute's name is on the seat.
    expect(everyone).not.toContain('赵建国');
    expect(seatOrder(chart).find((s) => s.name === '钱多多')?.substitute).toBe(true);
  });

  it('has nobody to seat when no one is listed, or everyone listed is staff or on leave', () => {
    expect(nobodyToSeat(planChart([], plan()))).toBe(true);
    const unseated = people.filter((p) => p.role === 'staff' || p.reply === 'leave');
    expect(unseated.length).toBeGreaterThan(1);
    for (const layout of ['rostrum', 'u-shape', 'hollow-square'] as const) {
      expect(nobodyToSeat(planChart(unseated, plan({ layout })))).toBe(true);
    }
    const oneSeated = people.filter((p) => p.name === '马骏' || unseated.includes(p));
    expect(nobodyToSeat(planChart(oneSeated, plan()))).toBe(false);
  });

  it('keeps the organizer’s swaps as the fewest that give the same seats, and drops those of people no longer seated', () => {
    let current = plan({ layout: 'rostrum', headCount: 5, seatsPerRow: 4 });
    const seatOf = (id: string) =>
      seatOrder(planChart(people, current)).findIndex((s) => s.participantId === id);
    const before = { p1: seatOf('p1'), p12: seatOf('p12') };
    current = { ...current, swaps: swapSeats(people, current, 'p1', 'p12') };
    expect(seatOf('p1')).toBe(before.p12);
    expect(seatOf('p12')).toBe(before.p1);
    // Swapping back leaves the rule's arrangement and no swaps at all.
    current = { ...current, swaps: swapSeats(people, current, 'p12', 'p1') };
    expect(current.swaps).toEqual([]);
    // A chain of swaps never grows past one fewer than the people seated.
    const seated = seatOrder(planChart(people, current)).map((s) => s.participantId);
    for (let i = 0; i < 40; i++) {
      const a = seated[(i * 7) % seated.length] as string;
      const b = seated[(i * 5 + 3) % seated.length] as string;
      const wanted = seatOrder(planChart(people, current)).map((s) => s.participantId);
      const [ia, ib] = [wanted.indexOf(a), wanted.indexOf(b)];
      [wanted[ia], wanted[ib]] = [b, a];
      current = { ...current, swaps: swapSeats(people, current, a, b) };
      expect(seatOrder(planChart(people, current)).map((s) => s.participantId)).toEqual(wanted);
      expect(current.swaps.length).toBeLessThan(seated.length);
    }
    // Someone put on leave: the swaps naming them no longer apply; everyone else is seated once.
    const onLeave = people.map((p) => (p.id === 'p1' ? { ...p, reply: 'leave' as const } : p));
    const ids = seatOrder(planChart(onLeave, current)).map((s) => s.participantId);
    expect(ids).not.toContain('p1');
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(seated.length - 1);
  });

  it('spaces a two-character Chinese name with a full-width space, and no other', () => {
    expect(spacedName('张勇')).toBe('张\u3000勇');
    expect(spacedName(' 林一平 ')).toBe('林一平');
    expect(spacedName('欧阳晓明')).toBe('欧阳晓明');
    expect(spacedName('Li')).toBe('Li');
  });
});

describe('the chart as a grid', () => {
  it('centres a row of five over a row of six by half a seat, and draws the table between the sides', () => {
    const chart = planChart(
      seatingPeople(),
      plan({ layout: 'rostrum', headCount: 5, seatsPerRow: 6 }),
    );
    const grid = seatingGrid(chart);
    expect(grid.columns).toBe(12);
    expect(grid.rows[1]?.map((c) => c.start)).toEqual([1, 3, 5, 7, 9]);
    expect(grid.rows[3]?.map((c) => c.start)).toEqual([0, 2, 4, 6, 8, 10]);
    const table = seatingGrid(planChart(seatingPeople(), plan({ layout: 'u-shape' })));
    const side = table.rows[1] ?? [];
    expect(side.map((c) => c.content.kind)).toEqual(['seat', 'table', 'seat']);
  });
});
