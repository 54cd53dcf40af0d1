import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findSoffice } from '../pdf-libreoffice.ts';

/**
 * A file as a spreadsheet program opens it: converted by LibreOffice (`soffice --convert-to`)
 * into another format and read back, so a test sees what Calc made of the cells (a CSV's
 * "04:30" became a time of day, a text cell stayed text). Its own profile, so it runs beside
 * other LibreOffice processes.
 */
export async function convertWithLibreOffice(
  input: Buffer,
  inputName: string,
  convertTo: string,
  inFilter?: string,
): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice) throw new Error('LibreOffice (soffice) is needed for this test');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'roundtable-convert-'));
  try {
    const source = path.join(work, inputName);
    fs.writeFileSync(source, input);
    const outDir = path.join(work, 'out');
    const args = [
      `-env:UserInstallation=${pathToFileURL(path.join(work, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      ...(inFilter ? [`--infilter=${inFilter}`] : []),
      '--convert-to',
      convertTo,
      '--outdir',
      outDir,
      source,
    ];
    await new Promise<void>((resolve, reject) =>
      execFile(soffice, args, { timeout: 120_000 }, (error) => (error ? reject(error) : resolve())),
    );
    const [written] = fs.readdirSync(outDir);
    if (!written)
      throw new Error(`LibreOffice wrote nothing converting ${inputName} to ${convertTo}`);
    return fs.readFileSync(path.join(outDir, written));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The CSV filter options for a UTF-8, comma-separated file read with the zh-CN locale (2052). */
export const CSV_UTF8_ZH_CN = 'CSV:44,34,76,1,,2052';
