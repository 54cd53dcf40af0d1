import type JSZip from 'jszip';
import zlib from 'node:zlib';

/** What JSZip keeps of each entry once it has read the zip's directory. */
interface EntryData {
  compressedContent?: unknown;
  uncompressedSize?: number;
  compression?: { magic?: string };
}
const STORED = '\x00\x00';
const DEFLATED = '\x08\x00';

export type ZipUnpacking =
  { kind: 'within'; bytes: number } | { kind: 'over' } | { kind: 'damaged'; reason: string };

/**
 * Counts what a zip's entries really unpack to, inflating each one (the bytes are counted and
 * dropped, never kept) and stopping as soon as the running total passes `budget`. The sizes the
 * directory declares are not believed: a hostile zip under-declares them, and a reader that
 * trusts them unpacks hundreds of megabytes before any limit of its own stops it.
 */
export async function unpackedSizeWithin(zip: JSZip, budget: number): Promise<ZipUnpacking> {
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const data = (entry as unknown as { _data?: EntryData })._data;
    const content = data?.compressedContent;
    // Fail closed: an entry whose bytes cannot be found here is not read by anyone else either.
    if (!(content instanceof Uint8Array)) return { kind: 'damaged', reason: 'unreadable entry' };
    const magic = data?.compression?.magic;
    let produced: number;
    if (magic === STORED) produced = content.length;
    else if (magic === DEFLATED) {
      const inflated = await inflatedSize(content, budget - total);
      if (inflated === 'damaged') return { kind: 'damaged', reason: `${entry.name} cannot unpack` };
      produced = inflated;
    } else return { kind: 'damaged', reason: `${entry.name} is packed in an unknown way` };
    total += produced;
    if (total > budget) return { kind: 'over' };
    // The reader checks each entry against its declared size only after unpacking all of it.
    if (produced !== data?.uncompressedSize) {
      return { kind: 'damaged', reason: `${entry.name} is not the size its directory says` };
    }
  }
  return { kind: 'within', bytes: total };
}

/**
 * The bytes a raw deflate stream inflates to, or any number above `limit` once it passes it
 * (inflating stops there). Chunk by chunk, so the memory it takes is the stream's, not the data's.
 */
function inflatedSize(compressed: Uint8Array, limit: number): Promise<number | 'damaged'> {
  return new Promise((resolve) => {
    const inflate = zlib.createInflateRaw();
    let produced = 0;
    inflate.on('data', (chunk: Buffer) => {
      produced += chunk.length;
      if (produced > limit) {
        inflate.destroy();
        resolve(produced);
      }
    });
    inflate.on('end', () => resolve(produced));
    inflate.on('error', () => resolve('damaged'));
    inflate.end(compressed);
  });
}
