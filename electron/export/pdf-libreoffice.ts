import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fontconfigXml, systemFontconfig } from './pdf-fonts.ts';

/** Where LibreOffice is usually installed, after whatever is on PATH. */
const KNOWN_LOCATIONS = [
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  '/usr/bin/soffice',
  '/usr/bin/libreoffice',
  '/usr/local/bin/soffice',
  '/opt/libreoffice/program/soffice',
  '/snap/bin/libreoffice',
];

/** LibreOffice's `soffice`, from ROUNDTABLE_SOFFICE, PATH or a usual place; null when absent. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.ROUNDTABLE_SOFFICE) {
    return fs.existsSync(env.ROUNDTABLE_SOFFICE) ? env.ROUNDTABLE_SOFFICE : null;
  }
  const names = process.platform === 'win32' ? ['soffice.exe'] : ['soffice', 'libreoffice'];
  const onPath = (env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .flatMap((dir) => names.map((name) => path.join(dir, name)));
  return [...onPath, ...KNOWN_LOCATIONS].find((file) => fs.existsSync(file)) ?? null;
}

export class PdfUnavailableError extends Error {}

/**
 * A .docx printed to PDF by LibreOffice, so the PDF is the very document the .docx is: same
 * page, fonts, numbering. Each conversion gets its own LibreOffice profile, so it neither waits
 * for nor disturbs a LibreOffice the user has open.
 */
export function docxToPdf(docx: Buffer, soffice: string, timeoutMs = 120_000): Promise<Buffer> {
  return officeToPdf(docx, 'docx', soffice, timeoutMs);
}

/**
 * Any office document (docx, pptx, xlsx) printed to PDF by LibreOffice with the official faces
 * mapped to free ones (pdf-fonts.ts): LibreOffice finds fonts through fontconfig on Linux, and
 * a fonts.conf of ours, passed in FONTCONFIG_FILE on top of the machine's own, decides each face
 * the same way on every machine.
 */
export async function officeToPdf(
  document: Buffer,
  extension: 'docx' | 'pptx' | 'xlsx',
  soffice: string,
  timeoutMs = 120_000,
): Promise<Buffer> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'roundtable-pdf-'));
  try {
    const input = path.join(work, `document.${extension}`);
    fs.writeFileSync(input, document);
    const systemConf = systemFontconfig();
    const fontsConf = path.join(work, 'fonts.conf');
    if (systemConf) fs.writeFileSync(fontsConf, fontconfigXml(systemConf));
    const profile = pathToFileURL(path.join(work, 'profile')).href;
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [
          `-env:UserInstallation=${profile}`,
          '--headless',
          '--norestore',
          '--nolockcheck',
          '--convert-to',
          'pdf',
          '--outdir',
          work,
          input,
        ],
        {
          timeout: timeoutMs,
          windowsHide: true,
          env: systemConf ? { ...process.env, FONTCONFIG_FILE: fontsConf } : process.env,
        },
        (error, _stdout, stderr) => {
          if (error)
            reject(new PdfUnavailableError(`LibreOffice failed: ${stderr || error.message}`));
          else resolve();
        },
      );
    });
    const output = path.join(work, 'document.pdf');
    if (!fs.existsSync(output)) throw new PdfUnavailableError('LibreOffice wrote no PDF');
    return fs.readFileSync(output);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
