/**
 * Text that a spreadsheet would take as a formula when opened or retyped (a leading = + - @, tab,
 * CR or LF) gets a leading apostrophe, which Excel and WPS read as "this is text".
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r\n]/.test(text) ? `'${text}` : text;
}

/**
 * A CSV cell that Excel and WPS show as the text it is: a leading = + - @ (or tab, CR) would
 * make a formula, so such a cell gets a leading apostrophe; quotes, commas and line breaks are
 * quoted.
 */
export function csvCell(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : neutralizeFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** UTF-8 with a byte-order mark and CRLF, which Chinese Excel opens without garbling. */
export function toCsv(rows: readonly (readonly (string | number)[])[]): Buffer {
  const text = rows.map((row) => row.map(csvCell).join(',')).join('\r\n');
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}
