/** Numbers as Chinese documents write them in words. */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * 1–99 in words: 一, 十, 十一, 二十, 二十一 (an ordinal or a list label: 一是, 第二十). Larger
 * numbers stay in figures, as documents write them.
 */
export function cnNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const tensPart = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return `${tensPart}${ones ? DIGITS[ones] : ''}`;
}

/**
 * A count before a measure word (两项议程, 十二项): 2 on its own is 两, never 二; in 十二 and
 * 二十二 the 二 stays.
 */
export const cnCount = (n: number): string => (n === 2 ? '两' : cnNumeral(n));
