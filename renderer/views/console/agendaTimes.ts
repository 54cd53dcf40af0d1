/** HH:MM that is `minutes` after `startTime` (HH:MM), wrapping past midnight. */
export function clockAfter(startTime: string, minutes: number): string {
  const [h = 0, m = 0] = startTime.split(':').map(Number);
  const total = (((h * 60 + m + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** Swaps an item with its neighbour; returns null when it is already at that end. */
export function orderAfterStep(ids: readonly string[], id: string, step: -1 | 1): string[] | null {
  const from = ids.indexOf(id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  const next = [...ids];
  [next[from], next[to]] = [next[to] as string, next[from] as string];
  return next;
}
