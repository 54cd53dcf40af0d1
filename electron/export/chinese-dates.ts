/** Dates as Chinese documents write them. */

/** "2026-11-25" as 2026年11月25日 (and anything else as given). */
export const chineseDate = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number);
  return y && m && d ? `${y}年${m}月${d}日` : iso;
};

/** An instant as "2026年11月25日 09:05:12" in the venue's time zone (the computer's). */
export function chineseDateTime(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  );
}
