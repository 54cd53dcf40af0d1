import type { ZipEntry } from './zip-package.ts';

const CONTENT_TYPES = '[Content_Types].xml';

/**
 * `[Content_Types].xml` as PowerPoint opens it without a repair prompt: pptxgenjs declares a
 * slide master for every slide whether it wrote one or not (pptxgenjs issue 1444), and types
 * .jpg as `image/jpg`, which is no registered type (image/jpeg is). Overrides naming a part the
 * package does not hold are dropped, and .jpg is declared as image/jpeg.
 */
export function withDeclaredPartsOnly(entries: readonly ZipEntry[]): ZipEntry[] {
  const parts = new Set(entries.map((entry) => `/${entry.name}`));
  return entries.map((entry) => {
    if (entry.name !== CONTENT_TYPES) return entry;
    const xml = entry.data
      .toString('utf8')
      .replace(/<Override\b[^>]*\bPartName="([^"]+)"[^>]*\/>/g, (override, partName: string) =>
        parts.has(partName) ? override : '',
      )
      .replace(/ContentType="image\/jpg"/g, 'ContentType="image/jpeg"');
    return { ...entry, data: Buffer.from(xml, 'utf8') };
  });
}
