/**
 * Seating by rank (座次) as Chinese Party and government meetings arrange it. The rule, in full
 * (docs/seating.md gives it with pictures and its source):
 *
 * - One row facing the hall (主席台, or the head of a 座谈会 table): 1号 sits in the middle. The
 *   others alternate outwards, and the higher of each pair sits on 1号's own LEFT (以左为上, left
 *   as the person seated sees it, which is the hall's right): with an odd count 2号 is on 1号's left,
 *   3号 on his right, 4号 beyond 2号, 5号 beyond 3号, and so on. With an even count 1号 and 2号
 *   share the middle, 2号 still on 1号's left; then 3号 on 1号's right, 4号 beyond 2号, …
 * - A U-shaped or hollow-square (回字形) table: the leaders take the head row by the rule above;
 *   the others take the two sides, nearest the head first, alternating and starting on the head's
 *   left (the hall's right): seat 1 on that side, seat 1 on the other, seat 2 on the first, …. A hollow
 *   square's remaining people take its foot row, facing the head, by the row rule.
 * - 列席 rows behind: filled front row first, each row by the row rule.
 *
 * Everything here is drawn as the hall sees it (the audience's or the door's view): index 0 is the
 * leftmost seat on the printed chart, so the chart and the room match for whoever walks in.
 */

/**
 * Seat indexes (0 = the hall's leftmost) for ranks 1…count in one row, as the hall sees it.
 * `result[rank - 1]` is the seat of the person with that rank.
 */
export function rowSeatsByRank(count: number): number[] {
  if (count <= 0) return [];
  const seats: number[] = [];
  // The hall's right is the seated person's left: the higher of each pair goes to the hall's right.
  if (count % 2 === 1) {
    const middle = (count - 1) / 2;
    seats.push(middle);
    for (let step = 1; seats.length < count; step++) {
      seats.push(middle + step);
      if (seats.length < count) seats.push(middle - step);
    }
  } else {
    const leftOfMiddle = count / 2 - 1;
    seats.push(leftOfMiddle, leftOfMiddle + 1);
    for (let step = 1; seats.length < count; step++) {
      seats.push(leftOfMiddle - step);
      if (seats.length < count) seats.push(leftOfMiddle + 1 + step);
    }
  }
  return seats;
}

/** The people of one row laid out left to right as the hall sees them, by rank order given. */
export function arrangeRow<T>(byRank: readonly T[]): T[] {
  const seats = rowSeatsByRank(byRank.length);
  const row = new Array<T>(byRank.length);
  byRank.forEach((person, rank) => {
    row[seats[rank] as number] = person;
  });
  return row;
}

export const SEATING_LAYOUTS = ['rostrum', 'u-shape', 'hollow-square'] as const;
export type SeatingLayout = (typeof SEATING_LAYOUTS)[number];

export interface SeatingChart<T> {
  layout: SeatingLayout;
  /** The head row (主席台 or the table's head), left to right as the hall sees it. */
  head: T[];
  /** U-shape and hollow square: the side on the hall's left and on its right, from the head down. */
  leftSide: T[];
  rightSide: T[];
  /** Hollow square: the row facing the head, left to right as the hall sees it. */
  foot: T[];
  /** 列席 rows, front first, each left to right as the hall sees it. */
  rows: T[][];
}

export interface SeatingInput<T> {
  layout: SeatingLayout;
  /** Those at the head, in rank order (1号 first). */
  head: readonly T[];
  /** Those at the table (or in the front rows for a rostrum), in rank order. */
  members: readonly T[];
  /** 列席, in rank order. */
  observers: readonly T[];
  /** Seats per 列席 row; at least 1. */
  seatsPerRow: number;
  /** Hollow square only: how many seats each side has (the rest go to the foot). */
  seatsPerSide?: number;
}

function inRows<T>(byRank: readonly T[], seatsPerRow: number): T[][] {
  const perRow = Math.max(1, Math.floor(seatsPerRow));
  const rows: T[][] = [];
  for (let start = 0; start < byRank.length; start += perRow) {
    rows.push(arrangeRow(byRank.slice(start, start + perRow)));
  }
  return rows;
}

/**
 * A chart for the layout. On a rostrum the members sit in the front rows of the hall (by the row
 * rule, before the 列席 rows); at a table they take its sides (and a hollow square's foot).
 */
export function arrangeSeating<T>(input: SeatingInput<T>): SeatingChart<T> {
  const head = arrangeRow(input.head);
  const empty: SeatingChart<T> = {
    layout: input.layout,
    head,
    leftSide: [],
    rightSide: [],
    foot: [],
    rows: [],
  };
  if (input.layout === 'rostrum') {
    return { ...empty, rows: inRows([...input.members, ...input.observers], input.seatsPerRow) };
  }
  let sideMembers = input.members;
  let footMembers: readonly T[] = [];
  if (input.layout === 'hollow-square' && input.seatsPerSide !== undefined) {
    const onSides = Math.max(0, Math.floor(input.seatsPerSide)) * 2;
    sideMembers = input.members.slice(0, onSides);
    footMembers = input.members.slice(onSides);
  }
  // The head's left (the hall's right) is the higher side: its seat 1 takes the first member.
  const rightSide = sideMembers.filter((_, rank) => rank % 2 === 0);
  const leftSide = sideMembers.filter((_, rank) => rank % 2 === 1);
  return {
    ...empty,
    leftSide,
    rightSide,
    foot: arrangeRow(footMembers),
    rows: inRows(input.observers, input.seatsPerRow),
  };
}
