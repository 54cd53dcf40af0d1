/** At most this many lines: with the totals after them they stay inside a CI log's last page. */
export const EXCERPT_LINES = 60;

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/**
 * Where a step's own account of its failures begins: Vitest's "Failed Tests", "Failed Suites"
 * and "Unhandled Errors" sections, Playwright's first numbered failure. Lint, format and type
 * errors are all the output there is.
 */
const ACCOUNT_STARTS = [/⎯{3,}\s*(Failed|Unhandled)/, /^\s*1\) \S/];

/**
 * What a failed step said of why, from its whole output: its account of the failures where it
 * gives one, else its last lines; cut to EXCERPT_LINES, saying how many were left out.
 */
export function failureExcerpt(output: string): string {
  const lines = output.replace(ANSI, '').replace(/\r/g, '').split('\n');
  while (lines.length && lines.at(-1)?.trim() === '') lines.pop();
  const start = lines.findIndex((line) => ACCOUNT_STARTS.some((re) => re.test(line)));
  const account = start >= 0 ? lines.slice(start) : lines.slice(-EXCERPT_LINES);
  if (account.length <= EXCERPT_LINES) return account.join('\n');
  const left = account.length - EXCERPT_LINES;
  return [...account.slice(0, EXCERPT_LINES), `… ${left} more lines in the output above`].join(
    '\n',
  );
}
