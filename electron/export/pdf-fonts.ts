import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { FONTS } from './official-layout.ts';

/**
 * Which free face prints each official-document face in the PDF. The .docx names the faces a
 * Chinese office has (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312); a Linux machine has none, and
 * left alone fontconfig answers every one with the same Japanese-locale sans. These are Debian
 * packages (`.ci/run` installs them; the README says why each): the first family of a role
 * prints it, the next ones print what the first lacks, in a face of the same style.
 */
export interface PdfFace {
  /** The names documents use for this face, as Word, WPS and PowerPoint write them. */
  names: string[];
  /** Free families, best first; the first is the face the role prints in. */
  families: string[];
  /** Printed in the family's bold, for a face heavier than any free regular one. */
  bold?: boolean;
}

/** Serif Song families for text outside GB 2312 in a Song face. */
const SONG_FALLBACK = ['Noto Serif CJK SC'];

export const PDF_FACES = {
  /** 小标宋 is a heavy display Song: the bold of Noto Serif CJK SC is the nearest free one. */
  title: {
    names: [FONTS.title.eastAsia, '方正小标宋_GBK', '小标宋', 'FZXiaoBiaoSong-B05S'],
    families: ['Noto Serif CJK SC'],
    bold: true,
  },
  /**
   * Debian has no FangSong that covers GB 2312 (cwTeX 仿宋 lacks 2379 of its 6763 hanzi, 会 and
   * 议 among them), so the body prints in a light, even-stroked Song, the nearest in colour.
   */
  body: {
    names: [FONTS.body.eastAsia, '仿宋', 'FangSong', 'FangSong_GB2312', '仿宋_GBK'],
    families: ['AR PL SungtiL GB', ...SONG_FALLBACK],
  },
  /** 黑体, and the slides' Microsoft YaHei: both a plain sans. */
  heiti: {
    names: [FONTS.heiti.eastAsia, 'SimHei', 'Microsoft YaHei', '微软雅黑'],
    families: ['Noto Sans CJK SC'],
  },
  kaiti: {
    names: [FONTS.kaiti.eastAsia, '楷体', 'KaiTi', 'KaiTi_GB2312', '楷体_GBK'],
    families: ['AR PL KaitiM GB', 'LXGW WenKai', ...SONG_FALLBACK],
  },
  songti: {
    names: [FONTS.songti.eastAsia, 'SimSun', '新宋体', 'NSimSun'],
    families: ['Noto Serif CJK SC'],
  },
  /** Latin text: the metric twin of Times New Roman, named so it never depends on the machine. */
  latin: { names: ['Times New Roman'], families: ['Liberation Serif'] },
} satisfies Record<string, PdfFace>;

/**
 * After a role's own families, for characters no Chinese face has: CJK extension B (𠀀) and
 * emoji. Emoji print in Symbola's outlines: LibreOffice 7 embeds a colour emoji font's bitmaps
 * as a font no PDF reader draws (🎉 came out blank), so colour fonts are hidden from it.
 */
export const FALLBACK_FAMILIES = ['BabelStone Han', 'HanaMinB', 'Symbola'];

/** The Debian package that installs each family. */
export const FACE_PACKAGES: Record<string, string> = {
  'Noto Serif CJK SC': 'fonts-noto-cjk',
  'Noto Sans CJK SC': 'fonts-noto-cjk',
  'AR PL SungtiL GB': 'fonts-arphic-gbsn00lp',
  'AR PL KaitiM GB': 'fonts-arphic-gkai00mp',
  'LXGW WenKai': 'fonts-lxgw-wenkai',
  'Liberation Serif': 'fonts-liberation2',
  'BabelStone Han': 'fonts-babelstone-han',
  HanaMinB: 'fonts-hanazono',
  Symbola: 'fonts-symbola',
};

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const strings = (families: string[]) =>
  families.map((family) => `<string>${escapeXml(family)}</string>`).join('');

/**
 * A fontconfig file for LibreOffice's process: the machine's own configuration, then each
 * document face name put in front of its free families and the fallbacks. `binding="strong"`
 * makes the chosen family outrank the language-based defaults, so Chinese text never lands
 * in the Japanese variant of a CJK family, and the language is set to zh-cn for the same reason.
 */
export function fontconfigXml(systemConfig: string): string {
  const matches = Object.values(PDF_FACES as Record<string, PdfFace>).flatMap((face) =>
    face.names.map((name) =>
      [
        '  <match target="pattern">',
        `    <test name="family"><string>${escapeXml(name)}</string></test>`,
        `    <edit name="family" mode="prepend" binding="strong">${strings([...face.families, ...FALLBACK_FAMILIES])}</edit>`,
        '    <edit name="lang" mode="assign" binding="strong"><string>zh-cn</string></edit>',
        face.bold
          ? '    <edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>'
          : '',
        '  </match>',
      ]
        .filter(Boolean)
        .join('\n'),
    ),
  );
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<fontconfig>',
    `  <include ignore_missing="yes">${escapeXml(systemConfig)}</include>`,
    '  <selectfont><rejectfont><pattern>',
    '    <patelt name="color"><bool>true</bool></patelt>',
    '  </pattern></rejectfont></selectfont>',
    ...matches,
    '</fontconfig>',
    '',
  ].join('\n');
}

/**
 * This machine's own fontconfig file, for ours to include; null where there is none (Windows,
 * or a LibreOffice that does not use fontconfig), and then LibreOffice is left to its defaults.
 */
export function systemFontconfig(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [
    env.FONTCONFIG_FILE,
    env.FONTCONFIG_PATH ? path.join(env.FONTCONFIG_PATH, 'fonts.conf') : undefined,
    '/etc/fonts/fonts.conf',
    '/usr/local/etc/fonts/fonts.conf',
    '/opt/homebrew/etc/fonts/fonts.conf',
  ];
  return candidates.find((file): file is string => !!file && fs.existsSync(file)) ?? null;
}

/** Every family the PDF's faces and fallbacks use, each once. */
export function pdfFamilies(): string[] {
  const all = Object.values(PDF_FACES as Record<string, PdfFace>).flatMap((f) => f.families);
  return [...new Set([...all, ...FALLBACK_FAMILIES])];
}

/**
 * The PDF's families this machine lacks, with the package to install for each; empty where
 * fontconfig is not how LibreOffice finds fonts (Windows, macOS) or cannot be asked.
 */
export async function missingPdfFamilies(): Promise<{ family: string; pkg: string }[]> {
  if (process.platform === 'win32' || process.platform === 'darwin') return [];
  const listed = await new Promise<string | null>((resolve) =>
    execFile('fc-list', [':', 'family'], { windowsHide: true }, (error, stdout) =>
      resolve(error ? null : stdout),
    ),
  );
  if (listed === null) return [];
  const installed = new Set(listed.split('\n').flatMap((line) => line.split(',')));
  return pdfFamilies()
    .filter((family) => !installed.has(family))
    .map((family) => ({ family, pkg: FACE_PACKAGES[family] ?? family }));
}
