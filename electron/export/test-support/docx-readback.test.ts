import { Document, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDocx, spansOf } from './docx-readback.ts';

const faces = (paragraph: Parameters<typeof spansOf>[0]) =>
  spansOf(paragraph).map(({ text, eastAsia, size }) => [text, eastAsia, size]);

describe('readDocx resolves each run’s face as Word does', () => {
  it('run properties, then the character style, the paragraph style and its bases, the defaults', async () => {
    const docx = await Packer.toBuffer(
      new Document({
        styles: {
          default: { document: { run: { size: 30, font: { eastAsia: '宋体' } } } },
          paragraphStyles: [
            { id: 'Base', name: 'Base', run: { size: 36, font: { eastAsia: '黑体' } } },
            { id: 'Derived', name: 'Derived', basedOn: 'Base', run: { size: 40 } },
          ],
          characterStyles: [{ id: 'Em', name: 'Em', run: { font: { eastAsia: '楷体' } } }],
        },
        sections: [
          {
            children: [
              new Paragraph({ children: [new TextRun('默认')] }),
              new Paragraph({
                style: 'Derived',
                children: [
                  new TextRun('继承'),
                  new TextRun({ text: '字符样式', style: 'Em' }),
                  new TextRun({ text: '直接', size: 24 }),
                ],
              }),
            ],
          },
        ],
      }),
    );
    const { body } = await readDocx(docx);
    expect(body.map(faces)).toEqual([
      [['默认', '宋体', 30]],
      [
        ['继承', '黑体', 40],
        ['字符样式', '楷体', 40],
        ['直接', '黑体', 24],
      ],
    ]);
  });

  it('reads theme fonts, fields as their code, runs inside links, and 10 pt when nothing sets a size', async () => {
    const zip = new JSZip();
    const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    zip.file(
      'word/document.xml',
      `<?xml version="1.0"?><w:document ${w}><w:body>` +
        `<w:p><w:r><w:rPr><w:rFonts w:eastAsia="黑体" w:eastAsiaTheme="minorEastAsia"/></w:rPr><w:t>主题</w:t></w:r></w:p>` +
        `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">— </w:t></w:r>` +
        `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>` +
        `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>` +
        `<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p>` +
        `<w:p><w:fldSimple w:instr="NUMPAGES"><w:r><w:t>9</w:t></w:r></w:fldSimple>` +
        `<w:hyperlink><w:r><w:t>链接 &amp; 文字</w:t></w:r></w:hyperlink></w:p>` +
        `</w:body></w:document>`,
    );
    zip.file(
      'word/theme/theme1.xml',
      `<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:themeElements><a:fontScheme>` +
        `<a:majorFont><a:ea typeface=""/><a:font script="Hans" typeface="等线 Light"/></a:majorFont>` +
        `<a:minorFont><a:ea typeface=""/><a:font script="Hans" typeface="等线"/></a:minorFont>` +
        `</a:fontScheme></a:themeElements></a:theme>`,
    );
    const { body } = await readDocx(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(body.map(faces)).toEqual([
      [['主题', '等线', 20]],
      [['— {PAGE} —', undefined, 20]],
      [['{NUMPAGES}链接 & 文字', undefined, 20]],
    ]);
    expect(body[1]?.alignment).toBe('center');
  });
});
