import { docxToPdf, findSoffice, PdfUnavailableError } from '../export/pdf-libreoffice.ts';
import { detail } from '../api/error-reasons.ts';
import { missingPdfFamilies } from '../export/pdf-fonts.ts';
import { ServiceError } from './errors.ts';

/** The minutes' PDF from LibreOffice, or a message that says what to install. */
export async function printWithLibreOffice(docx: Buffer): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice) {
    throw new ServiceError(
      'unavailable',
      'minutes.pdf is printed by LibreOffice, which is not installed on this computer: install LibreOffice (libreoffice.org), or export minutes.docx and save it as PDF from Word or WPS',
      undefined,
      detail('export.pdfUnavailable'),
    );
  }
  await warnOfMissingFaces();
  try {
    return await docxToPdf(docx, soffice);
  } catch (error) {
    if (error instanceof PdfUnavailableError) {
      throw new ServiceError(
        'unavailable',
        error.message,
        undefined,
        detail('export.pdfUnavailable'),
      );
    }
    throw error;
  }
}

let facesChecked = false;

/**
 * A face the PDF maps to but this machine lacks still prints, in the next face of its chain
 * (pdf-fonts.ts); the log says which and what to install, once per process.
 */
async function warnOfMissingFaces(): Promise<void> {
  if (facesChecked) return;
  facesChecked = true;
  const missing = await missingPdfFamilies();
  if (missing.length === 0) return;
  const list = missing.map(({ family, pkg }) => `${family} (${pkg})`).join(', ');
  console.warn(`minutes.pdf prints in fallback faces: this computer lacks ${list}`);
}
