import type { AgendaItem } from './agenda.ts';

/**
 * Drawing lots (抽签) for the speaking order, reproducibly: the same seed and the same list
 * always give the same order, so anyone can check a published draw. The algorithm, in full
 * (docs/draw.md has it with a test vector):
 *
 * 1. The seed is a text. Hash its UTF-16 code units with xmur3 to a 32-bit state:
 *    h = 1779033703 ^ length; for each unit c: h = imul(h ^ c, 3432918353); h = h << 13 | h >>> 19;
 *    then h = imul(h ^ h >>> 16, 2246822507); h = imul(h ^ h >>> 13, 3266489909); h ^= h >>> 16.
 * 2. Random numbers in [0, 1) come from mulberry32 seeded with that state:
 *    a = a + 0x6D2B79F5; t = imul(a ^ a >>> 15, 1 | a); t = t + imul(t ^ t >>> 7, 61 | t) ^ t;
 *    result = ((t ^ t >>> 14) >>> 0) / 2^32. (All arithmetic on unsigned 32-bit integers.)
 * 3. Fisher–Yates: for i from n−1 down to 1, j = floor(random() × (i + 1)), swap list[i], list[j].
 *
 * The list is the speeches to be drawn in the agenda's order before the draw.
 */

function xmur3(text: string): number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^ (h >>> 16)) >>> 0;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The list in the order the lots fall for `seed`. */
export function drawOrder<T>(list: readonly T[], seed: string): T[] {
  const random = mulberry32(xmur3(seed));
  const order = [...list];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as T, order[i] as T];
  }
  return order;
}

/** One entry of the list a draw was made from, named as it was at the time. */
export interface DrawEntry {
  itemId: string;
  label: string;
}

/** A draw as recorded: enough to print it and to re-run it. */
export interface DrawRecord {
  id: string;
  meetingId: string;
  seed: string;
  /** Epoch ms. */
  drawnAt: number;
  /** Who ran it (the organizer's name as given, or the device). */
  drawnBy: string;
  /** The speeches drawn, in the agenda's order before the draw. */
  pool: DrawEntry[];
  /** The item ids in the drawn order. */
  order: string[];
}

/** The seed's largest length: a published seed is typed or pasted by people. */
export const MAX_SEED_LENGTH = 200;

/** Exchange speeches take part in the draw; the opening, breaks and the leader keep their place. */
export const isDrawn = (item: Pick<AgendaItem, 'kind'>) => item.kind === 'exchange';

/**
 * The agenda after a draw: the drawn speeches fill, in drawn order, the places the exchange
 * speeches held; every other item stays where it was.
 */
export function applyDraw(items: readonly AgendaItem[], order: readonly string[]): AgendaItem[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const queue = order.map((id) => byId.get(id)).filter((i): i is AgendaItem => Boolean(i));
  return items
    .map((item) => (isDrawn(item) ? (queue.shift() ?? item) : item))
    .map((item, position) => ({ ...item, position }));
}

/** Makes a draw over the meeting's exchange speeches. */
export function makeDraw(
  items: readonly AgendaItem[],
  fields: Omit<DrawRecord, 'pool' | 'order'>,
  label: (item: AgendaItem) => string,
): DrawRecord {
  const pool = items.filter(isDrawn);
  return {
    ...fields,
    pool: pool.map((item) => ({ itemId: item.id, label: label(item) })),
    order: drawOrder(
      pool.map((item) => item.id),
      fields.seed,
    ),
  };
}
