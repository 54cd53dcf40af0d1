/**
 * `node scripts/render-exports.ts [dir] [sample|hard]`: every export of the sample meeting (as a
 * full day leaves it: 40 notes on one speaker, none on another), or of the hard meeting (long
 * names, an English speaker, awkward text: export-fixture.ts), written to `dir`, and, where
 * LibreOffice and pdftoppm are installed, each document rendered to PDF and PNG pages there,
 * to look at. Nothing here is part of the app; it is how exports are checked by eye.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { EXPORT_NAMES } from '../electron/api/bundle.ts';
import { exportSampleData, hardMeeting } from '../electron/export/test-support/export-fixture.ts';
import { makeExport } from '../electron/export/export-file.ts';
import { docxToPdf, findSoffice, officeToPdf } from '../electron/export/pdf-libreoffice.ts';
import { nobodyToSeatIn, SEATING_EXPORTS } from '../electron/export/seating-export.ts';

const dir = path.resolve(process.argv[2] ?? 'exports-preview');
fs.mkdirSync(dir, { recursive: true });
const soffice = findSoffice();
const data = process.argv[3] === 'hard' ? hardMeeting() : exportSampleData();
for (const name of EXPORT_NAMES) {
  if (name === 'minutes.pdf' && !soffice) continue;
  // As the app does: nobody to seat, no seating chart and no table cards (a refusal instead).
  if (SEATING_EXPORTS.has(name) && nobodyToSeatIn(data)) {
    console.log(`${name}  left out: nobody to seat in this meeting`);
    continue;
  }
  const file = await makeExport(name, data, Date.now(), (docx) =>
    docxToPdf(docx, soffice as string),
  );
  const out = path.join(dir, name);
  fs.writeFileSync(out, file.body);
  console.log(`${name}  ${file.body.length} bytes  (${file.fileName})`);
  const extension = /\.(pptx|docx|xlsx)$/.exec(name)?.[1] as 'pptx' | 'docx' | 'xlsx' | undefined;
  if (!soffice || !extension) continue;
  // Through the app's own printing, so the renders show the faces minutes.pdf prints in.
  const rendered = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(rendered, await officeToPdf(file.body, extension, soffice));
  execFileSync('pdftoppm', ['-png', '-r', '50', rendered, path.join(dir, name)]);
  console.log(`  rendered: ${rendered} and ${name}-*.png`);
}
