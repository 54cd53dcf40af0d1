/**
 * About how wide a text is drawn, in its letters' height (ems): a Chinese character is square,
 * a Latin letter or digit a little over half as wide. For fitting text where it cannot be
 * measured (a chart laid out before it is drawn, a list sized for names not shown yet).
 */
export function textEms(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 1 : 0.58;
  return width;
}
