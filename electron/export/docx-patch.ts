import JSZip from 'jszip';

/**
 * The font table of an official document, so that a machine without the 公文 faces substitutes
 * one that looks like each. Word and WPS read a missing font's entry: `altName` is tried first
 * (仿宋_GB2312 and 楷体_GB2312 are the Windows XP names; Windows 10+ ships them as 仿宋 and 楷体),
 * then a font of the same charset (GB2312, 0x86), PANOSE class and family. The PANOSE numbers
 * are those the Windows faces carry (SimSun, FangSong, KaiTi, SimHei), so the class asks for a
 * serif Song, a FangSong, a Kai or a Hei. The docx library writes an empty table; this fills it.
 */
export interface FontEntry {
  name: string;
  altName: string;
  /** Ten bytes in hex, the face's PANOSE-1 classification. */
  panose1: string;
  /** `roman` (serif), `swiss` (sans), `modern` (fixed pitch), `script`, `decorative`, `auto`. */
  family: 'roman' | 'swiss' | 'modern' | 'script' | 'decorative' | 'auto';
  pitch: 'fixed' | 'variable' | 'default';
}

/** GB2312, Word's charset number for Simplified Chinese, in the hex Word writes it in. */
export const GB2312_CHARSET = '86';

export const OFFICIAL_FONT_TABLE: FontEntry[] = [
  // The title face: a bold Song. 宋体 is on every Windows and WPS machine; it is what a
  // secretary's template falls back to when 方正小标宋 is not installed.
  {
    name: '方正小标宋简体',
    altName: '宋体',
    panose1: '02010600030101010101',
    family: 'roman',
    pitch: 'variable',
  },
  {
    name: '仿宋_GB2312',
    altName: '仿宋',
    panose1: '02010609060101010101',
    family: 'modern',
    pitch: 'fixed',
  },
  {
    name: '楷体_GB2312',
    altName: '楷体',
    panose1: '02010609060101010101',
    family: 'modern',
    pitch: 'fixed',
  },
  {
    name: '黑体',
    altName: 'SimHei',
    panose1: '02010609060101010101',
    family: 'modern',
    pitch: 'fixed',
  },
  {
    name: '宋体',
    altName: 'SimSun',
    panose1: '02010600030101010101',
    family: 'auto',
    pitch: 'variable',
  },
];

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One `<w:font>`, its children in the order the schema wants (CT_Font). */
const fontXml = (f: FontEntry) =>
  `<w:font w:name="${escape(f.name)}"><w:altName w:val="${escape(f.altName)}"/>` +
  `<w:panose1 w:val="${f.panose1}"/><w:charset w:val="${GB2312_CHARSET}"/>` +
  `<w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`;

/** word/fontTable.xml with these entries (after any it already has). */
export function fillFontTable(xml: string, fonts: FontEntry[]): string {
  const entries = fonts.map(fontXml).join('');
  return /<w:fonts\b[^>]*\/>/.test(xml)
    ? xml.replace(/<w:fonts\b([^>]*)\/>/, `<w:fonts$1>${entries}</w:fonts>`)
    : xml.replace('</w:fonts>', `${entries}</w:fonts>`);
}

/**
 * Paragraph properties the docx library cannot write, added to every paragraph that sets its
 * spacing (all of ours), just before `w:spacing` where the schema orders them (CT_PPrBase):
 * e.g. `w:overflowPunct` (the library writes it only when on) and `w:snapToGrid`.
 */
export function setParagraphSwitches(xml: string, switches: Record<string, boolean>): string {
  const elements = Object.entries(switches)
    .map(([name, on]) => `<w:${name} w:val="${on ? 1 : 0}"/>`)
    .join('');
  return xml.replace(/(<w:pPr>(?:(?!<\/w:pPr>).)*?)(<w:spacing )/g, `$1${elements}$2`);
}

/** The package with each named part rewritten by its function. */
export async function patchDocx(
  docx: Buffer,
  parts: Record<string, (xml: string) => string>,
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  for (const [name, patch] of Object.entries(parts)) {
    const part = zip.file(name);
    if (!part) throw new Error(`no ${name} in the .docx`);
    zip.file(name, patch(await part.async('string')));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
