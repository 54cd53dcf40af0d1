import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportSampleData, hardMeeting } from './test-support/export-fixture.ts';
import { minutesDocx } from './minutes-docx.ts';
import { minutesModel } from './minutes-model.ts';
import { FONTS } from './official-layout.ts';
import { fontconfigXml, missingPdfFamilies } from './pdf-fonts.ts';
import { docxToPdf, findSoffice, officeToPdf } from './pdf-libreoffice.ts';
import { slidesModel } from './slides-model.ts';
import { slidesPptx } from './slides-pptx.ts';

/**
 * The faces a reader of the printed minutes sees, read back from real LibreOffice PDFs with
 * poppler's pdffonts and pdftotext: each official face in its own embedded free face, and the
 * characters no Chinese face has (𠀀, emoji) drawn by an embedded fallback, never a box.
 */

const soffice = findSoffice() as string;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-pdf-fonts-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** The PostScript name each role's face embeds as (a CJK collection names its CFF "jp"). */
const EMBEDDED = {
  title: /^NotoSerifCJK\w*-Bold/, // Noto Serif CJK SC Bold
  body: /^BousungEG-Light-GB$/, // AR PL SungtiL GB
  heiti: /^NotoSansCJK\w*-Regular/, // Noto Sans CJK SC
  kaiti: /^GBZenKai-Medium$/, // AR PL KaitiM GB
};

interface EmbeddedFont {
  name: string;
  embedded: boolean;
}

/** pdffonts' table: each font's name without its subset tag, and whether it is embedded. */
function fontsOf(pdf: Buffer, name: string): EmbeddedFont[] {
  const file = path.join(work, name);
  fs.writeFileSync(file, pdf);
  const table = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2);
  return table
    .filter((line) => line.trim())
    .map((line) => {
      const columns = line.trim().split(/\s+/);
      // name type… encoding emb sub uni object id: emb is the fifth column from the end
      return {
        name: (columns[0] as string).replace(/^[A-Z]{6}\+/, ''),
        embedded: columns[columns.length - 5] === 'yes',
      };
    });
}

const textOf = (pdf: Buffer, name: string) => {
  const file = path.join(work, name);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
};

const fontMatching = (fonts: EmbeddedFont[], pattern: RegExp) =>
  fonts.filter((font) => pattern.test(font.name));

describe('the faces LibreOffice prints the documents in', () => {
  it('maps each official face name to its own free family, the Chinese (SC) one', () => {
    const conf = path.join(work, 'fonts.conf');
    fs.writeFileSync(conf, fontconfigXml('/etc/fonts/fonts.conf'));
    const match = (name: string) =>
      execFileSync('fc-match', ['-f', '%{family[0]}|%{style[0]}', `${name}:lang=ja`], {
        encoding: 'utf8',
        env: { ...process.env, FONTCONFIG_FILE: conf },
      });
    expect(match(FONTS.title.eastAsia)).toBe('Noto Serif CJK SC|Bold');
    expect(match(FONTS.body.eastAsia)).toBe('AR PL SungtiL GB|Regular');
    expect(match(FONTS.heiti.eastAsia)).toBe('Noto Sans CJK SC|Regular');
    expect(match(FONTS.kaiti.eastAsia)).toBe('AR PL KaitiM GB|Regular');
    expect(match('Microsoft YaHei')).toBe('Noto Sans CJK SC|Regular');
  });

  it('embeds a distinct face for the title, the body, the 黑体 and the 楷体 headings of the minutes', async () => {
    const pdf = await docxToPdf(await minutesDocx(minutesModel(exportSampleData())), soffice);
    const fonts = fontsOf(pdf, 'sample-minutes.pdf');
    for (const [role, pattern] of Object.entries(EMBEDDED)) {
      const found = fontMatching(fonts, pattern);
      expect(found.length, `${role} face ${pattern} in ${JSON.stringify(fonts)}`).toBeGreaterThan(
        0,
      );
      expect(found.every((font) => font.embedded)).toBe(true);
    }
  }, 120_000);

  it('prints 𠀀 and emoji of the minutes in embedded fallback faces, not as boxes', async () => {
    const pdf = await docxToPdf(await minutesDocx(minutesModel(hardMeeting())), soffice);
    const fonts = fontsOf(pdf, 'hard-minutes.pdf');
    expect(fonts.every((font) => font.embedded)).toBe(true);
    expect(fontMatching(fonts, /^BabelStoneHan$/)).toHaveLength(1); // 𠀀, CJK extension B
    expect(fontMatching(fonts, /^Symbola$/)).toHaveLength(1); // 🎉 👍, in outlines
    // A colour emoji font embeds as glyphs no reader draws: 🎉 printed blank with one.
    expect(fontMatching(fonts, /Emoji|DroidSansFallback/)).toEqual([]);
    // Nothing falls through to a face the machine happens to have (DejaVu Sans printed some of
    // the minutes before): every font is one of the chains in pdf-fonts.ts.
    const chains = [
      ...Object.values(EMBEDDED),
      /^NotoSerifCJK\w*-Regular/,
      /^LiberationSerif$/,
      /^LXGWWenKai-Regular$/,
      /^BabelStoneHan$/,
      /^HanaMinB$/,
      /^Symbola$/,
    ];
    expect(fonts.filter((font) => !chains.some((pattern) => pattern.test(font.name)))).toEqual([]);
    const text = textOf(pdf, 'hard-minutes.pdf');
    expect(text).toContain('𠀀');
    expect(text).toContain('🎉👍');
    expect(text).toContain('刘䶮');
  }, 120_000);

  it('prints the slides in the Hei face with the same fallbacks', async () => {
    const data = hardMeeting();
    const pptx = await slidesPptx(slidesModel(data), data.meeting, () => {});
    const pdf = await officeToPdf(pptx, 'pptx', soffice);
    const fonts = fontsOf(pdf, 'hard-slides.pdf');
    expect(fonts.every((font) => font.embedded)).toBe(true);
    expect(fontMatching(fonts, EMBEDDED.heiti).length).toBeGreaterThan(0);
    expect(fontMatching(fonts, /^Symbola$/)).toHaveLength(1);
    expect(fontMatching(fonts, /Emoji|DroidSansFallback/)).toEqual([]);
    expect(textOf(pdf, 'hard-slides.pdf')).toContain('🎉');
  }, 180_000);

  it('still prints, in the next face of the chain, when a face is not installed', async () => {
    // The machine's fontconfig without AR PL SungtiL GB, as on a computer that lacks it.
    const without = path.join(work, 'without-sungti.conf');
    fs.writeFileSync(
      without,
      `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd"><fontconfig>
        <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
        <selectfont><rejectfont><pattern><patelt name="family"><string>AR PL SungtiL GB</string></patelt></pattern></rejectfont></selectfont>
      </fontconfig>`,
    );
    const saved = process.env.FONTCONFIG_FILE;
    process.env.FONTCONFIG_FILE = without;
    try {
      const pdf = await docxToPdf(await minutesDocx(minutesModel(exportSampleData())), soffice);
      const fonts = fontsOf(pdf, 'without-sungti.pdf');
      expect(fontMatching(fonts, EMBEDDED.body)).toEqual([]);
      expect(fontMatching(fonts, /^NotoSerifCJK\w*-Regular/).length).toBeGreaterThan(0);
      expect(textOf(pdf, 'without-sungti.pdf').replace(/\s+/g, '')).toContain('宝龙街道何十一');
      // …and the printer can name what to install.
      expect(await missingPdfFamilies()).toEqual([
        { family: 'AR PL SungtiL GB', pkg: 'fonts-arphic-gbsn00lp' },
      ]);
    } finally {
      if (saved === undefined) delete process.env.FONTCONFIG_FILE;
      else process.env.FONTCONFIG_FILE = saved;
    }
  }, 120_000);
});
