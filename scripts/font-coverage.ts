/**
 * `node scripts/font-coverage.ts`: how much of GB 2312 and of GB 18030's hanzi each face the
 * PDFs print in covers, as fontconfig reports the installed font's character set. The figures
 * are the README's; nothing here is part of the app.
 */
import { execFileSync } from 'node:child_process';
import { pdfFamilies } from '../electron/export/pdf-fonts.ts';

/** The 6763 hanzi of GB 2312: rows 16–87 of its 94 × 94 table, decoded as GBK (a superset). */
function gb2312Hanzi(): Set<number> {
  const decoder = new TextDecoder('gbk');
  const hanzi = new Set<number>();
  for (let row = 0xb0; row <= 0xf7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const code = decoder.decode(new Uint8Array([row, cell])).codePointAt(0) ?? 0;
      if (code >= 0x4e00 && code <= 0x9fff) hanzi.add(code);
    }
  }
  return hanzi;
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** The hanzi GB 18030 encodes in two bytes (U+4E00–U+9FA5) and Extension A (U+3400–U+4DB5). */
const GB18030_HANZI = new Set([...range(0x4e00, 0x9fa5), ...range(0x3400, 0x4db5)]);
const EXTENSION_B = new Set(range(0x20000, 0x2a6df));

/** fontconfig's charset of the font a family name matches: "20-7e a0-377 …" in hex. */
function charsetOf(family: string): { file: string; codes: Set<number> } | null {
  const out = execFileSync('fc-match', ['-f', '%{family}|%{file}|%{charset}', family], {
    encoding: 'utf8',
  });
  const [families = '', file = '', charset = ''] = out.split('|');
  if (!families.split(',').includes(family)) return null;
  const codes = new Set<number>();
  for (const part of charset.trim().split(/\s+/)) {
    const [from, to = from] = part.split('-').map((hex) => parseInt(hex, 16));
    for (let code = from as number; code <= (to as number); code++) codes.add(code);
  }
  return { file, codes };
}

const count = (wanted: Set<number>, codes: Set<number>) =>
  [...wanted].filter((code) => codes.has(code)).length;

const gb2312 = gb2312Hanzi();
for (const family of pdfFamilies()) {
  const font = charsetOf(family);
  if (!font) {
    console.log(`${family}: not installed`);
    continue;
  }
  console.log(
    `${family}: GB 2312 ${count(gb2312, font.codes)}/${gb2312.size}, ` +
      `GB 18030 hanzi ${count(GB18030_HANZI, font.codes)}/${GB18030_HANZI.size}, ` +
      `extension B ${count(EXTENSION_B, font.codes)}/${EXTENSION_B.size}, ` +
      `🎉 ${font.codes.has(0x1f389) ? 'yes' : 'no'}  (${font.file})`,
  );
}
