/**
 * The longest file name an export gets, in UTF-8 bytes with its suffix. Linux and macOS allow
 * 255 bytes and Windows 255 UTF-16 units, so 78 Chinese characters of title plus
 * "-计时报告.xlsx" (258 bytes) could not be saved ("File name too long"); 200 leaves room for
 * a browser's " (1)" and for the archive tools that add their own bytes.
 */
export const MAX_FILE_NAME_BYTES = 200;

/** Characters no file system takes in a name (Windows the strictest), and control characters. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * A file name from the meeting's title and the export's suffix ("-计时报告.xlsx"): forbidden
 * characters dropped, and a long title cut so the whole name fits `MAX_FILE_NAME_BYTES`. The
 * cut falls between whole characters as a reader sees them (never inside a surrogate pair or an
 * emoji sequence), and the suffix with its extension is always kept whole.
 */
export function exportFileName(
  title: string,
  suffix: string,
  maxBytes = MAX_FILE_NAME_BYTES,
): string {
  const clean = title
    .replace(FORBIDDEN, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  const budget = maxBytes - bytes(suffix);
  let kept = '';
  let used = 0;
  for (const { segment } of new Intl.Segmenter('zh', { granularity: 'grapheme' }).segment(clean)) {
    used += bytes(segment);
    if (used > budget) break;
    kept += segment;
  }
  return `${kept.trim() || 'meeting'}${suffix}`;
}
