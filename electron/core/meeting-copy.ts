/**
 * The title a copy of a meeting gets: a copy (duplicated, or a meeting file imported beside the
 * meeting it came from) must be told apart from its original in every list and search hit, so
 * it is marked and numbered: 交流会（副本）, 交流会（副本2）… Meeting titles are the meeting's own
 * Chinese text, so the mark is Chinese in either interface language.
 */
const MAX_TITLE = 200;
const COPY_MARK = /（副本\d*）$/;

export function copyTitle(title: string, takenTitles: Iterable<string>): string {
  const taken = new Set(takenTitles);
  // A copy of a copy is numbered after its original, not marked twice.
  const base = title.replace(COPY_MARK, '');
  for (let n = 1; ; n++) {
    const mark = n === 1 ? '（副本）' : `（副本${n}）`;
    const candidate = [...base].slice(0, MAX_TITLE - mark.length).join('') + mark;
    if (!taken.has(candidate)) return candidate;
  }
}
