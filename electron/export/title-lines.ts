import { emWidth } from './text-fit.ts';

/**
 * A document title broken into lines as a secretary sets it: as few lines as fit, of about equal
 * length (GB/T 9704 7.3.1: 梯形或菱形, never one long line and a stub), and never inside a word:
 * "座谈|会" is not a break. Words are found by the ICU word segmenter; a break falls between two
 * of them. A title with no word boundary near the width falls back to a break at any character.
 */
export function balancedTitleLines(title: string, lineEm: number): string[] {
  if (emWidth(title) <= lineEm) return [title];
  const words = wordsOf(title);
  return breakAtBest(words, lineEm) ?? breakAtBest([...title], lineEm) ?? [title];
}

const CLOSING = /^[，。、；：？！”’）》」』】…—]/;
const OPENING = /[“‘（《「『【]$/;
const CJK_WORD = /^[\u3400-\u9fff]{2,}$/;

/**
 * Where a title may break, between two of the segmenter's words. The segmenter splits names and
 * suffixes into single characters (龙|岗|区, 座谈|会), so a single character binds to its
 * neighbour; a break falls between two words of two or more characters, after a space, around
 * 暨 (which joins two meetings' names) and before an opening bracket, never before closing
 * punctuation.
 */
function breakable(before: string, after: string): boolean {
  if (CLOSING.test(after) || OPENING.test(before)) return false;
  if (/\s$/.test(before) || before.endsWith('暨') || after.startsWith('暨')) return true;
  if (/^[（《“]/.test(after) || /[）》”]$/.test(before)) return true;
  return CJK_WORD.test(before) && CJK_WORD.test(after);
}

function wordsOf(text: string): string[] {
  const segmenter = new Intl.Segmenter('zh-Hans', { granularity: 'word' });
  const words: string[] = [];
  let last = '';
  for (const { segment } of segmenter.segment(text)) {
    if (words.length && !breakable(last, segment)) words[words.length - 1] += segment;
    else words.push(segment);
    last = segment;
  }
  return words;
}

/**
 * The fewest lines no wider than `lineEm`, and among those the most even: the least sum of
 * squared shortfalls from the widest line allowed (a dynamic programme over word boundaries).
 */
function breakAtBest(words: string[], lineEm: number): string[] | undefined {
  const n = words.length;
  const width = (from: number, to: number) => emWidth(words.slice(from, to).join(''));
  for (let lines = 2; lines <= n; lines++) {
    const target = emWidth(words.join('')) / lines;
    // best[k][i]: the least cost of setting the first i words on k lines, and where line k began.
    const best: { cost: number; from: number }[][] = [[{ cost: 0, from: 0 }]];
    for (let k = 1; k <= lines; k++) {
      best[k] = [];
      for (let i = 1; i <= n; i++) {
        for (let j = 0; j < i; j++) {
          const before = best[k - 1]?.[j];
          const w = width(j, i);
          if (!before || w > lineEm) continue;
          const cost = before.cost + (w - target) ** 2;
          const row = best[k] as { cost: number; from: number }[];
          if (!row[i] || cost < (row[i] as { cost: number }).cost) row[i] = { cost, from: j };
        }
      }
    }
    if (!best[lines]?.[n]) continue;
    const out: string[] = [];
    for (let k = lines, i = n; k > 0; k--) {
      const from = (best[k]?.[i] as { from: number }).from;
      out.unshift(words.slice(from, i).join('').trim());
      i = from;
    }
    return out;
  }
  return undefined;
}
