import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { EXPORT_NAMES, type ExportName } from '../api/bundle.ts';
import { HARD_SPEAKERS, hardMeeting } from './test-support/export-fixture.ts';
import { makeExport } from './export-file.ts';
import { docxToPdf, findSoffice } from './pdf-libreoffice.ts';
import { nobodyToSeatIn, SEATING_EXPORTS } from './seating-export.ts';
import { readDocx } from './test-support/docx-readback.ts';
import { descendants, parseXml, type XmlElement } from './test-support/xml-tree.ts';

/**
 * Every export of the hard meeting read back as its reader gets it, to see that no name is cut,
 * garbled or run into its neighbour: 60-character title, 57-character organization, 䶮, an
 * English name, emoji and 𠀀.
 */

const data = hardMeeting();
const TITLE = data.meeting.title;
const LONG_ORGANIZATION = (HARD_SPEAKERS[0] as (typeof HARD_SPEAKERS)[number]).organization;
const LONG_TOPIC = (HARD_SPEAKERS[0] as (typeof HARD_SPEAKERS)[number]).topic;
const SKIPPED = '谭慧敏';
const SPEAKERS = HARD_SPEAKERS.map((s) => s.speaker);
const LEADER = '严正清';
const EMOJI_NOTE = '河长制落到党员身上，群众点赞🎉👍，治水满意度显著提升。';

const textOf = (element: XmlElement): string =>
  element.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');

/** Each text box of each slide, its runs joined as the slide shows them. */
async function slideTexts(pptx: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(pptx);
  const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
  const out: string[] = [];
  for (const slide of slides) {
    const root = parseXml((await zip.file(slide)?.async('string')) ?? '');
    for (const shape of descendants(root, 'p:sp')) {
      out.push(descendants(shape, 'a:t').map(textOf).join(''));
    }
  }
  return out;
}

/** Each cell's text, as a spreadsheet shows it. */
async function workbookTexts(xlsx: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
  const out: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) => row.eachCell((cell) => out.push(cell.text))),
  );
  return out;
}

/** The PDF's text with all white space gone (line breaks fall anywhere in a long name). */
function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-hard-pdf-'));
  try {
    const file = path.join(dir, 'minutes.pdf');
    fs.writeFileSync(file, pdf);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The pieces of text each export is read back as: paragraphs, text boxes, cells, the file. */
async function readBack(name: ExportName, body: Buffer): Promise<string[]> {
  if (name.endsWith('.docx')) return (await readDocx(body)).body.map((p) => p.text);
  if (name === 'slides.pptx') return slideTexts(body);
  if (name === 'timing.xlsx') return workbookTexts(body);
  if (name === 'minutes.pdf' || name === 'notice.pdf') return [pdfText(body)];
  return [body.toString('utf8')];
}

/** Which text each export must carry whole. */
function expectedIn(name: ExportName): string[] {
  const everyone = [LONG_ORGANIZATION, ...SPEAKERS, LEADER];
  switch (name) {
    case 'timing.csv': // rows only, no title row
      return [...everyone, LONG_TOPIC];
    case 'timing.xlsx':
    case 'host-script.docx':
    case 'slides.pptx':
      return [TITLE, ...everyone, LONG_TOPIC];
    case 'minutes.docx':
    case 'minutes.md':
    case 'minutes.pdf':
      return [TITLE, ...everyone, EMOJI_NOTE];
    case 'meeting.roundtable':
      return [TITLE, ...everyone, LONG_TOPIC, EMOJI_NOTE];
    // The notice names every speaker with their unit in its agenda.
    case 'notice.docx':
    case 'notice.pdf':
      return [TITLE, ...everyone];
    // The hard meeting lists nobody to seat: the app refuses its chart and cards rather than
    // print them blank (services/exports.ts); seating-exports.test reads both back with people.
    case 'seating-chart.docx':
    case 'seating-chart.pdf':
    case 'name-cards.docx':
    case 'name-cards.pdf':
      throw new Error(`${name} is not made for a meeting with nobody to seat`);
    // The draft names the speakers who spoke (梅岗 was skipped) and retells a few notes.
    case 'news-brief.docx':
    case 'news-brief.md':
      return [TITLE, LONG_ORGANIZATION, LEADER, '刘䶮', 'Zhang Wei-Ming'];
  }
}

describe('the hard meeting, exported in every format and read back', () => {
  const soffice = findSoffice() as string;

  it('lists nobody to seat, so the app makes no seating chart and no table cards of it', () => {
    expect(nobodyToSeatIn(data)).toBe(true);
  });

  it.each(EXPORT_NAMES.filter((name) => !SEATING_EXPORTS.has(name)))(
    '%s carries the 60-character title, the 57-character organization and every name whole',
    async (name) => {
      expect([...TITLE]).toHaveLength(60);
      expect([...LONG_ORGANIZATION]).toHaveLength(57);
      const file = await makeExport(name, data, Date.UTC(2026, 10, 25), (docx) =>
        docxToPdf(docx, soffice),
      );
      const pieces = await readBack(name, file.body);
      // A PDF's text has no spaces left to compare; elsewhere the text is as typed.
      const isPdf = name === 'minutes.pdf' || name === 'notice.pdf';
      const asRead = (text: string) => (isPdf ? text.replace(/\s+/g, '') : text);
      const missing = expectedIn(name).filter(
        (text) => !pieces.some((piece) => piece.includes(asRead(text))),
      );
      expect(missing).toEqual([]);
      // The English name keeps its spaces and is not run into the words around it.
      if (!isPdf) {
        expect(pieces.join('\n')).not.toMatch(/[A-Za-z](?:党|同志)|Center(?:Party|Zhang)/);
      }
    },
    120_000,
  );

  it('reads the meeting file back into the very meeting', async () => {
    const file = await makeExport('meeting.roundtable', data, Date.UTC(2026, 10, 25), () => {
      throw new Error('no PDF here');
    });
    const bundle = JSON.parse(file.body.toString('utf8')) as {
      meeting: typeof data.meeting;
      items: typeof data.items;
      notes: typeof data.notes;
    };
    expect(bundle.meeting).toEqual(data.meeting);
    expect(bundle.items).toEqual(data.items);
    expect(bundle.notes.map((n) => n.text).toSorted()).toEqual(
      data.notes.map((n) => n.text).toSorted(),
    );
    expect(bundle.items.find((i) => i.speaker === SKIPPED)).toBeDefined();
  });
});
