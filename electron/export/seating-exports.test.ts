import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { arrangeRow } from '../core/seating.ts';
import { makeExport } from './export-file.ts';
import { docxToPdf, findSoffice } from './pdf-libreoffice.ts';
import { seatingSampleData } from './test-support/seating-people.ts';
import { descendants, parseXml, type XmlElement } from './test-support/xml-tree.ts';

const textOf = (element: XmlElement): string =>
  element.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');

async function documentXml(docx: Buffer): Promise<string> {
  return (await (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string')) ?? '';
}

const noPdf = () => Promise.reject(new Error('no PDF here'));

/** The names the seated people carry on paper, as the fixture lists them (seating-people.ts). */
const SEATED = [
  '林一平',
  '张\u3000勇',
  '欧阳晓明',
  '陈\u3000静',
  '王海涛',
  '钱多多',
  '刘\u3000洋',
  '黄晓燕',
  '周\u3000伟',
  '吴\u3000敏',
  '郑\u3000凯',
  '孙\u3000丽',
  '马\u3000骏',
];
const UNSEATED = ['李娜', '李\u3000娜', '何芳', '何\u3000芳', '赵建国'];

function pdfPages(pdf: Buffer): { pages: number; text: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-seating-pdf-'));
  try {
    const file = path.join(dir, 'out.pdf');
    fs.writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return {
      pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
      text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the seating chart (座次表) as .docx', () => {
  it('places every seated participant exactly once, the head in the rule’s order, on a landscape sheet of the chosen paper', async () => {
    for (const [paper, width, height] of [
      ['A4', 297, 210],
      ['A3', 420, 297],
    ] as const) {
      const data = seatingSampleData({ layout: 'u-shape', headCount: 3, paper });
      const file = await makeExport('seating-chart.docx', data, 0, noPdf);
      expect(file.fileName).toMatch(/-座次表\.docx$/);
      const root = parseXml(await documentXml(file.body));
      const size = descendants(root, 'w:pgSz')[0]?.attrs ?? {};
      expect(size['w:orient']).toBe('landscape');
      expect(Math.round((Number(size['w:w']) / 1440) * 25.4)).toBe(width);
      expect(Math.round((Number(size['w:h']) / 1440) * 25.4)).toBe(height);

      const paragraphs = descendants(root, 'w:p').map(textOf);
      expect(paragraphs[0]).toBe(`${data.meeting.title}座次表`);
      expect(paragraphs[1]).toBe('（面向主位）');
      const cells = descendants(root, 'w:tc').map((tc) => descendants(tc, 'w:p').map(textOf)[0]);
      for (const name of SEATED) {
        expect(
          cells.filter((c) => c === name),
          name,
        ).toHaveLength(1);
      }
      for (const name of UNSEATED) expect(cells).not.toContain(name);
      // The head row: 1号 in the middle, 2号 on the hall's right, 3号 on its left.
      const headRow = descendants(root, 'w:tr')[0] as XmlElement;
      const head = descendants(headRow, 'w:tc')
        .map((tc) => textOf(tc))
        .filter((text) => text !== '');
      expect(head.map((text) => SEATED.find((n) => text.startsWith(n)))).toEqual(
        arrangeRow(['林一平', '张\u3000勇', '欧阳晓明']),
      );
    }
  });

  it('says 主席台 over a rostrum and that the chart faces it', async () => {
    const data = seatingSampleData({ layout: 'rostrum', headCount: 5, seatsPerRow: 6 });
    const xml = await documentXml((await makeExport('seating-chart.docx', data, 0, noPdf)).body);
    const paragraphs = descendants(parseXml(xml), 'w:p').map(textOf);
    expect(paragraphs).toContain('（面向主席台）');
    expect(paragraphs).toContain('主席台');
  });
});

describe('the table name cards (桌签) as .docx', () => {
  it('give one sheet per seated person in seat order, the name on both faces, the upper one turned 180°', async () => {
    const data = seatingSampleData({ layout: 'u-shape', headCount: 3 });
    const file = await makeExport('name-cards.docx', data, 0, noPdf);
    expect(file.fileName).toMatch(/-桌签\.docx$/);
    const root = parseXml(await documentXml(file.body));
    const pages = descendants(root, 'w:p');
    expect(pages).toHaveLength(SEATED.length);
    expect(pages.slice(1).every((p) => descendants(p, 'w:pageBreakBefore').length === 1)).toBe(
      true,
    );
    const cards = pages.map((page) =>
      descendants(page, 'v:shape').map((shape) => ({
        text: descendants(shape, 'v:textpath')[0]?.attrs.string,
        turned: /rotation:180/.test(shape.attrs.style ?? ''),
      })),
    );
    // Seat order: the head from the hall's left (欧阳晓明, 林一平, 张勇), then the sides.
    expect(cards.slice(0, 3).map((c) => c[0]?.text)).toEqual(['欧阳晓明', '林一平', '张\u3000勇']);
    for (const [index, card] of cards.entries()) {
      const names = card.filter((face) => SEATED.includes(face.text ?? ''));
      expect(
        names.map((face) => face.turned),
        `card ${index}`,
      ).toEqual([true, false]);
      expect(names[0]?.text).toBe(names[1]?.text);
    }
    expect(new Set(cards.map((c) => c[0]?.text))).toEqual(new Set(SEATED));
    // The organization on both faces too, and the fold marked.
    expect(cards[1]?.map((f) => f.text)).toEqual(['林一平', '区委', '林一平', '区委']);
    expect(descendants(pages[0] as XmlElement, 'v:line').length).toBeGreaterThan(1);
  });

  it('leave the organization off when the organizer says so', async () => {
    const data = seatingSampleData({ cardOrganization: false });
    const root = parseXml(
      await documentXml((await makeExport('name-cards.docx', data, 0, noPdf)).body),
    );
    const texts = descendants(root, 'v:textpath').map((t) => t.attrs.string);
    expect(texts).not.toContain('区委');
    expect(texts.filter((t) => t === '林一平')).toHaveLength(2);
  });
});

describe('printed through LibreOffice', () => {
  const soffice = findSoffice();
  it.runIf(soffice)(
    'the cards print one page per person and the chart one page with every name',
    async () => {
      const print = (docx: Buffer) => docxToPdf(docx, soffice as string);
      const data = seatingSampleData({ layout: 'hollow-square', headCount: 3, seatsPerSide: 2 });
      const cards = pdfPages((await makeExport('name-cards.pdf', data, 0, print)).body);
      expect(cards.pages).toBe(SEATED.length);
      const chart = pdfPages((await makeExport('seating-chart.pdf', data, 0, print)).body);
      expect(chart.pages).toBe(1);
      const text = chart.text.replace(/\s+/g, '');
      // A two-line seat (name, organization) is read across its neighbours: the names of three
      // and four characters, unspaced, are whole in the text.
      for (const name of SEATED.filter((n) => !n.includes('\u3000'))) expect(text).toContain(name);
    },
    180_000,
  );
});
