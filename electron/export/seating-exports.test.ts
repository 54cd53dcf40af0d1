import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { arrangeRow } from '../core/seating.ts';
import { makeExport } from './export-file.ts';
import { docxToPdf, findSoffice } from './pdf-libreoffice.ts';
import { PT_PER_MM } from './seating-fit.ts';
import {
  crowdSeatingData,
  hardSeatingData,
  LONG_ORGANIZATION,
  seatingSampleData,
} from './test-support/seating-people.ts';
import { emWidth } from './text-fit.ts';
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

/** The chart's table read back: each row's exact height and its seats, left to right. */
interface ReadSeat {
  number: string;
  name: string;
  /** The name as set, its lines apart by "\n". */
  nameLines: string;
  namePt: number;
  organization: string;
  /** The seat's width in mm, from the grid columns it spans. */
  width: number;
}

const halfPoints = (run: XmlElement) => Number(descendants(run, 'w:sz')[0]?.attrs['w:val'] ?? 0);
const twipsToMm = (twips: number) => (twips / 1440) * 25.4;

async function readChart(docx: Buffer) {
  const root = parseXml(await documentXml(docx));
  const size = descendants(root, 'w:pgSz')[0]?.attrs ?? {};
  const margins = descendants(root, 'w:pgMar')[0]?.attrs ?? {};
  const table = descendants(root, 'w:tbl')[0] as XmlElement;
  const grid = descendants(table, 'w:gridCol').map((c) => Number(c.attrs['w:w']));
  const rows = descendants(table, 'w:tr').map((tr) => {
    let column = 0;
    const seats: ReadSeat[] = [];
    for (const tc of descendants(tr, 'w:tc')) {
      const span = Number(descendants(tc, 'w:gridSpan')[0]?.attrs['w:val'] ?? 1);
      const width = twipsToMm(grid.slice(column, column + span).reduce((a, b) => a + b, 0));
      column += span;
      const boxed = descendants(tc, 'w:top')[0]?.attrs['w:val'] === 'single';
      if (!boxed) continue;
      const paragraphs = descendants(tc, 'w:p');
      // A seat is number, name, organization; or, low seats, "number name" on one line.
      const runs = descendants(paragraphs.length > 1 ? (paragraphs[1] as XmlElement) : tc, 'w:r')
        .filter((r) => textOf(r).trim() !== '' || descendants(r, 'w:br').length > 0)
        .slice(paragraphs.length > 1 ? 0 : 1);
      const texts = runs.filter((r) => descendants(r, 'w:br').length === 0);
      seats.push({
        number: textOf(paragraphs[0] as XmlElement).split(' ')[0] ?? '',
        name: texts.map(textOf).join(''),
        nameLines: runs.map((r) => (descendants(r, 'w:br').length > 0 ? '\n' : textOf(r))).join(''),
        namePt: Math.min(...texts.map(halfPoints)) / 2,
        organization: paragraphs.slice(2).map(textOf).join(''),
        width,
      });
    }
    const height = descendants(tr, 'w:trHeight')[0]?.attrs ?? {};
    return { seats, height: twipsToMm(Number(height['w:val'])), rule: height['w:hRule'] };
  });
  const paragraphs = descendants(root, 'w:p')
    .filter((p) => !descendants(table, 'w:p').includes(p))
    .map(textOf);
  return {
    width: twipsToMm(Number(size['w:w'])),
    height: twipsToMm(Number(size['w:h'])),
    orientation: size['w:orient'],
    typeWidth: twipsToMm(
      Number(size['w:w']) - Number(margins['w:left']) - Number(margins['w:right']),
    ),
    typeHeight: twipsToMm(
      Number(size['w:h']) - Number(margins['w:top']) - Number(margins['w:bottom']),
    ),
    tableWidth: twipsToMm(grid.reduce((a, b) => a + b, 0)),
    rows,
    seats: rows.flatMap((r) => r.seats),
    paragraphs,
  };
}

const chartOf = async (data: ReturnType<typeof seatingSampleData>) =>
  readChart((await makeExport('seating-chart.docx', data, 0, noPdf)).body);

const SHEETS = [
  ['A4', 297, 210, 1],
  ['A3', 420, 297, Math.SQRT2],
] as const;

const LAYOUTS = [
  { layout: 'rostrum', headCount: 5, seatsPerRow: 8 },
  { layout: 'u-shape', headCount: 3, seatsPerRow: 10 },
  { layout: 'hollow-square', headCount: 5, seatsPerSide: 8, seatsPerRow: 10 },
] as const;

describe('the seating chart (座次表) as .docx', () => {
  it('places every seated participant exactly once, the head in the rule’s order, on a landscape sheet of the chosen paper', async () => {
    for (const [paper, width, height] of SHEETS) {
      const data = seatingSampleData({ layout: 'u-shape', headCount: 3, paper });
      const file = await makeExport('seating-chart.docx', data, 0, noPdf);
      expect(file.fileName).toMatch(/-座次表\.docx$/);
      const chart = await readChart(file.body);
      expect(chart.orientation).toBe('landscape');
      expect(Math.round(chart.width)).toBe(width);
      expect(Math.round(chart.height)).toBe(height);
      expect(chart.paragraphs[0]).toBe(`${data.meeting.title}座次表`);
      expect(chart.paragraphs[1]).toBe(`2026年11月25日\u3000${data.meeting.venue}`);
      // The legend says whose view the chart is and what the numbers are.
      expect(chart.paragraphs.at(-1)).toMatch(
        /^注：本表按入场后面向主位绘制.*座位号.*共13座：出席10人，列席3人。$/,
      );
      const names = chart.seats.map((s) => s.name);
      for (const name of SEATED)
        expect(
          names.filter((n) => n === name),
          name,
        ).toHaveLength(1);
      for (const name of UNSEATED) expect(names).not.toContain(name);
      // The head row: 1号 in the middle, 2号 on the hall's right, 3号 on its left, numbered so.
      const head = chart.rows.find((r) => r.seats.length > 0)?.seats ?? [];
      expect(head.map((s) => s.name)).toEqual(arrangeRow(['林一平', '张\u3000勇', '欧阳晓明']));
      expect(head.map((s) => s.number)).toEqual(['3', '1', '2']);
    }
  });

  it('fills the sheet, A4 and A3, every layout, five people or forty-two: one table across the page, names large for its size', async () => {
    for (const [paper, , , scale] of SHEETS) {
      for (const layout of LAYOUTS) {
        const cases = [
          ['five', seatingSampleData({ ...layout, paper }), 5],
          ['sample', seatingSampleData({ ...layout, paper }), 13],
          ['42', crowdSeatingData(42, { ...layout, paper }), 42],
        ] as const;
        for (const [label, full, seated] of cases) {
          const data =
            label === 'five' ? { ...full, participants: full.participants.slice(0, 5) } : full;
          const chart = await chartOf(data);
          const where = `${paper} ${layout.layout} ${label}`;
          expect(chart.seats, where).toHaveLength(seated);
          expect(new Set(chart.seats.map((s) => s.number)).size, where).toBe(seated);
          // Across the whole width the margins leave, and at least half its height.
          expect(chart.tableWidth, where).toBeGreaterThan(chart.typeWidth * 0.97);
          expect(chart.tableWidth, where).toBeLessThanOrEqual(chart.typeWidth + 0.5);
          const tableHeight = chart.rows.reduce((sum, r) => sum + r.height, 0);
          // A few people keep the table's shape (seats no taller than wide), and print larger.
          if (label !== 'five') expect(tableHeight, where).toBeGreaterThan(chart.typeHeight * 0.5);
          expect(tableHeight, where).toBeLessThan(chart.typeHeight * 0.85);
          expect(new Set(chart.rows.map((r) => r.rule)), where).toEqual(new Set(['exact']));
          // Names: 11 pt on A4 at the fullest (42 round a 回字形, four characters), larger on A3 by the sheet's ratio.
          const smallest = Math.min(...chart.seats.map((s) => s.namePt));
          expect(smallest, where).toBeGreaterThanOrEqual(11 * scale);
          if (label !== '42') expect(smallest, where).toBeGreaterThanOrEqual(18 * scale);
          if (label === 'five') expect(smallest, where).toBeGreaterThanOrEqual(22 * scale);
          // No name wider than its seat.
          for (const seat of chart.seats) {
            expect(
              (emWidth(seat.name) * seat.namePt) / PT_PER_MM,
              `${where} ${seat.name}`,
            ).toBeLessThan(seat.width);
          }
        }
      }
    }
  });

  it('says 主席台 over a rostrum, numbers the hall’s rows, and that the chart faces the rostrum', async () => {
    const data = seatingSampleData({ layout: 'rostrum', headCount: 5, seatsPerRow: 6 });
    const xml = await documentXml((await makeExport('seating-chart.docx', data, 0, noPdf)).body);
    const paragraphs = descendants(parseXml(xml), 'w:p').map(textOf);
    expect(paragraphs.at(-1)).toMatch(/^注：本表按入场后面向主席台绘制，上方为主席台/);
    expect(paragraphs).toContain('主　席　台');
    expect(paragraphs).toContain('第一排');
    expect(paragraphs).toContain('第二排');
  });

  it('keeps a long name and a 60-character organization inside their seats', async () => {
    for (const [paper] of SHEETS) {
      const chart = await chartOf(hardSeatingData({ layout: 'u-shape', headCount: 3, paper }));
      const byName = (name: string) => chart.seats.find((s) => s.name === name);
      // A long organization is cut to what its seat holds, marked so.
      const long = byName('邵云峰');
      expect(long?.organization).toMatch(/^中共云溪区委.*…$/);
      expect(long?.organization.length).toBeLessThan(LONG_ORGANIZATION.length);
      // A transliterated name breaks after its ·, an English one at its space, not in a word.
      expect(chart.seats.map((s) => s.nameLines)).toEqual(
        expect.arrayContaining(['阿卜杜热合曼·\n买买提', 'Zhang\nWei-Ming', '刘\u3000䶮']),
      );
      for (const seat of chart.seats) {
        const widest = Math.max(...seat.nameLines.split('\n').map(emWidth));
        expect((widest * seat.namePt) / PT_PER_MM, seat.name).toBeLessThan(seat.width);
      }
    }
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
    // The seat's number, as on the chart, in the strip the trim cuts off.
    expect(cards[1]?.map((f) => f.text)).toEqual(['林一平', '区委', '林一平', '区委', '1号座位']);
    expect(cards.slice(0, 3).map((c) => c.at(-1)?.text)).toEqual(['3号座位', '1号座位', '2号座位']);
    expect(descendants(pages[0] as XmlElement, 'v:line').length).toBeGreaterThan(1);
  });

  it('print a 60-character organization whole in two lines a reader can read across the table', async () => {
    const data = hardSeatingData({ layout: 'u-shape', headCount: 3 });
    const root = parseXml(
      await documentXml((await makeExport('name-cards.docx', data, 0, noPdf)).body),
    );
    const pages = descendants(root, 'w:p');
    const shapes = (page: XmlElement) =>
      descendants(page, 'v:shape').map((shape) => {
        const style = shape.attrs.style ?? '';
        const mm = (key: string) => Number(new RegExp(`${key}:([\\d.]+)mm`).exec(style)?.[1]);
        return {
          text: descendants(shape, 'v:textpath')[0]?.attrs.string ?? '',
          turned: /rotation:180/.test(style),
          height: mm('height'),
          top: mm('margin-top'),
        };
      });
    const card = pages.map(shapes).find((faces) => faces.some((f) => f.text === '邵云峰')) ?? [];
    const lower = card.filter((f) => !f.turned && f.text !== '邵云峰' && !f.text.endsWith('座位'));
    expect(lower).toHaveLength(2);
    expect(lower.map((f) => f.text).join('')).toBe(LONG_ORGANIZATION);
    for (const line of lower) expect(line.height).toBeGreaterThanOrEqual(6);
    // The lines and the name stay on the lower half, above the trim (200 mm).
    for (const face of card.filter((f) => !f.turned && !f.text.endsWith('座位'))) {
      expect(face.top).toBeGreaterThan(105);
      expect(face.top + face.height).toBeLessThan(200);
    }
    // A short one stays on one line.
    const short = pages.map(shapes).find((faces) => faces.some((f) => f.text === '黎\u3000晓'));
    expect(short?.filter((f) => f.text === '南屏街道党工委')).toHaveLength(2);
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

  it.runIf(soffice)(
    'the fullest charts still print on one page: 42 round a U on A4, the hard people on a rostrum on A3',
    async () => {
      const print = (docx: Buffer) => docxToPdf(docx, soffice as string);
      for (const data of [
        crowdSeatingData(42, { layout: 'u-shape', headCount: 5, paper: 'A4' }),
        hardSeatingData({ layout: 'rostrum', headCount: 5, seatsPerRow: 4, paper: 'A3' }),
      ]) {
        const chart = pdfPages((await makeExport('seating-chart.pdf', data, 0, print)).body);
        expect(chart.pages).toBe(1);
        const text = chart.text.replace(/\s+/g, '');
        expect(text).toContain('座次表');
        expect(text).toContain('共');
      }
    },
    180_000,
  );
});
