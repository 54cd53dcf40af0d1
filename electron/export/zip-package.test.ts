import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readStoredZip, writeDeflatedZip } from './zip-package.ts';

describe('the zip writer of the Office packages', () => {
  it('reads what JSZip stores and writes a deflated zip JSZip reads back, CRCs checked', async () => {
    const stored = new JSZip();
    stored.file('[Content_Types].xml', '<Types/>');
    stored.file('ppt/slides/slide1.xml', `<p:sld>${'干货：党支部建在一线。'.repeat(200)}</p:sld>`);
    stored.file('ppt/media/image1.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]));
    const bytes = await stored.generateAsync({ type: 'nodebuffer', compression: 'STORE' });

    const entries = readStoredZip(bytes);
    expect(entries.map((e) => e.name)).toEqual([
      '[Content_Types].xml',
      'ppt/',
      'ppt/slides/',
      'ppt/slides/slide1.xml',
      'ppt/media/',
      'ppt/media/image1.png',
    ]);
    const packed = writeDeflatedZip(entries);
    expect(packed.length).toBeLessThan(bytes.length);
    const back = await JSZip.loadAsync(packed, { checkCRC32: true });
    expect(await back.file('ppt/slides/slide1.xml')?.async('string')).toBe(
      `<p:sld>${'干货：党支部建在一线。'.repeat(200)}</p:sld>`,
    );
    expect([...((await back.file('ppt/media/image1.png')?.async('uint8array')) ?? [])]).toEqual([
      0x89, 0x50, 0x4e, 0x47, 0, 255,
    ]);
  });

  it('refuses what it cannot read or write rather than produce a broken file', async () => {
    const deflated = new JSZip();
    deflated.file('a.xml', '<a/>');
    const bytes = await deflated.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(() => readStoredZip(bytes)).toThrow(/compressed/);
    expect(() => readStoredZip(Buffer.from('not a zip'))).toThrow(/not a zip/);
    const many = Array.from({ length: 65_536 }, (_, i) => ({
      name: `${i}`,
      data: Buffer.alloc(0),
    }));
    expect(() => writeDeflatedZip(many)).toThrow(/too many parts/);
  });
});
