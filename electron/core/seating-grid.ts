/**
 * A seating chart as a grid, the way the hall sees the room: the head at the top, the table's
 * sides down its left and right, 列席 rows below. The console, the projector and the printed
 * chart all draw this one grid, so the three cannot disagree on who sits where.
 *
 * A seat is two columns wide, so a row of five stays centred over a row of six (half a seat
 * across), as the rows of a hall are.
 */
import type { SeatingChart } from './seating.ts';

export type GridContent<T> =
  | { kind: 'seat'; person: T }
  /** The table's surface between its sides (U-shape, hollow square); `named` carries its name. */
  | { kind: 'table'; named: boolean }
  /** A caption across its row: 主席台 above a rostrum, 列席 above the rows behind. */
  | { kind: 'caption'; caption: 'rostrum' | 'observers' };

export interface GridCell<T> {
  /** First column, from 0, and how many columns it spans. */
  start: number;
  span: number;
  content: GridContent<T>;
}

export interface SeatingGrid<T> {
  columns: number;
  /** Row by row from the top, each cell left to right; a row may be empty (a gap). */
  rows: GridCell<T>[][];
}

const SEAT = 2;

/** `people` as seats centred between the columns `from` and `to` (exclusive). */
function centred<T>(people: readonly T[], from: number, to: number): GridCell<T>[] {
  const start = from + Math.floor((to - from - people.length * SEAT) / 2);
  return people.map((person, i) => ({
    start: start + i * SEAT,
    span: SEAT,
    content: { kind: 'seat', person },
  }));
}

const caption = <T>(columns: number, which: 'rostrum' | 'observers'): GridCell<T>[] => [
  { start: 0, span: columns, content: { kind: 'caption', caption: which } },
];

export function seatingGrid<T>(chart: SeatingChart<T>): SeatingGrid<T> {
  const widest = Math.max(0, ...chart.rows.map((r) => r.length));
  const hallRows = (columns: number) => chart.rows.map((people) => centred(people, 0, columns));
  if (chart.layout === 'rostrum') {
    const columns = SEAT * Math.max(1, chart.head.length, widest);
    return {
      columns,
      rows: [
        caption(columns, 'rostrum'),
        centred(chart.head, 0, columns),
        [],
        ...hallRows(columns),
      ],
    };
  }
  const inner = Math.max(1, chart.head.length, chart.foot.length);
  const columns = SEAT * Math.max(inner + 2, widest);
  const left = Math.floor((columns - SEAT * (inner + 2)) / 2);
  const tableFrom = left + SEAT;
  const tableTo = tableFrom + SEAT * inner;
  const sideCount = Math.max(chart.leftSide.length, chart.rightSide.length, 1);
  const sides = Array.from({ length: sideCount }, (_, i) => {
    const row: GridCell<T>[] = [];
    const leftPerson = chart.leftSide[i];
    const rightPerson = chart.rightSide[i];
    if (i < chart.leftSide.length) {
      row.push({ start: left, span: SEAT, content: { kind: 'seat', person: leftPerson as T } });
    }
    row.push({
      start: tableFrom,
      span: tableTo - tableFrom,
      content: { kind: 'table', named: i === Math.floor((sideCount - 1) / 2) },
    });
    if (i < chart.rightSide.length) {
      row.push({ start: tableTo, span: SEAT, content: { kind: 'seat', person: rightPerson as T } });
    }
    return row;
  });
  const rows = [centred(chart.head, tableFrom, tableTo), ...sides];
  if (chart.foot.length > 0) rows.push(centred(chart.foot, tableFrom, tableTo));
  if (chart.rows.length > 0) rows.push([], caption(columns, 'observers'), ...hallRows(columns));
  return { columns, rows };
}
