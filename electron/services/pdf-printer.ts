import { docxToPdf, findSoffice, PdfUnavailableError } from '../export/pdf-libreoffice.ts';
import { detail } from '../api/error-reasons.ts';
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
