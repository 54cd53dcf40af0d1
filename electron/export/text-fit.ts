/**
 * How much room a line of mixed Chinese and Latin text takes, measured in em (one font size).
 * The slides never shrink text to fit: they count lines with these widths and move what does not
 * fit onto a continuation slide. The widths are generous on purpose, so a line that fits here
 * fits in Microsoft YaHei, in WPS's substitutes and in LibreOffice's Noto Sans CJK alike.
 */
export function emWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20) continue;
    // Latin letters, digits and ASCII punctuation are about half a square; wide glyphs a square.
    width += code < 0x2e80 ? (/[A-Z@%&MWmw]/.test(ch) ? 0.8 : 0.6) : 1;
  }
  return width;
}

/** Chinese text may break after any character, but not before closing punctuation. */
const NO_LINE_START = /^[，。、；：？！”’）》」』】〕…—,.;:?!)\]%]/;

/**
 * Breaks text into lines no wider than `lineEm`, the way a text box wraps it: at any Chinese
 * character, after a space in Latin text, never starting a line with closing punctuation, and a
 * Latin word longer than a whole line broken where it must be. Nothing is dropped: the lines
 * joined give the text back (a paragraph's last line keeps its "\n"), so text split over two
 * slides reads exactly as written.
 */
export function wrapLines(text: string, lineEm: number): string[] {
  const lines: string[] = [];
  const fits = (line: string) => emWidth(line.trimEnd()) <= lineEm;
  const push = (line: string) => {
    let rest = line;
    while (!fits(rest)) {
      let head = '';
      for (const ch of rest) {
        if (head.trim() && !fits(head + ch)) break;
        head += ch;
      }
      lines.push(head);
      rest = rest.slice(head.length);
    }
    lines.push(rest);
  };
  const paragraphs = text.replace(/\r\n?/g, '\n').split('\n');
  paragraphs.forEach((paragraph, index) => {
    let line = '';
    // Tokens: a Latin word with its trailing spaces, or one other character.
    for (const token of paragraph.match(/[\u0021-\u007e\u00a0-\u02ff]+ *| +|./gu) ?? []) {
      if (!line.trim() || fits(line + token)) {
        line += token;
      } else if (NO_LINE_START.test(token) && Array.from(line.trim()).length > 1) {
        // Carry the last character down with the punctuation rather than start a line with it.
        const chars = Array.from(line);
        const carried = chars.pop() as string;
        push(chars.join(''));
        line = carried + token;
      } else {
        push(line);
        line = token;
      }
    }
    push(index < paragraphs.length - 1 ? `${line}\n` : line);
  });
  return lines;
}
