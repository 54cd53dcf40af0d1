import fs from 'node:fs';
import os from 'node:os';

const WAL_HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;
/** The wal-index header's first copy (https://www.sqlite.org/walformat.html). */
const INDEX_HEADER_BYTES = 48;
const IS_INIT_AT = 12;
const PAGE_SIZE_AT = 14;
const MAX_FRAME_AT = 16;

/**
 * How far into the WAL file the commits since its last restart reach, in bytes: where the next
 * commit will be written. Null where the wal-index cannot say (no -shm file, or one SQLite has
 * not initialised yet).
 *
 * The WAL file's size says nothing of this: SQLite writes the WAL from its start again after a
 * complete checkpoint and never shortens the file, so a WAL that grew once stays that size, and
 * one laid down whole (wal-preallocate.ts) is that size from the start. The wal-index (the -shm
 * file, which SQLite maps and keeps in the file's pages, so a read sees its writes) holds the
 * number of valid frames, mxFrame, and the page size, in the machine's byte order.
 */
export function walInUseBytes(file: string): number | null {
  let fd: number;
  try {
    fd = fs.openSync(`${file}-shm`, 'r');
  } catch {
    return null;
  }
  try {
    const header = Buffer.alloc(INDEX_HEADER_BYTES);
    if (fs.readSync(fd, header, 0, INDEX_HEADER_BYTES, 0) < INDEX_HEADER_BYTES) return null;
    if (header[IS_INIT_AT] === 0) return null;
    const little = os.endianness() === 'LE';
    const pageField = little
      ? header.readUInt16LE(PAGE_SIZE_AT)
      : header.readUInt16BE(PAGE_SIZE_AT);
    // A page of 65,536 bytes does not fit in 16 bits; SQLite writes it as 1.
    const pageBytes = pageField === 1 ? 65536 : pageField;
    const frames = little ? header.readUInt32LE(MAX_FRAME_AT) : header.readUInt32BE(MAX_FRAME_AT);
    if (frames === 0) return 0;
    return WAL_HEADER_BYTES + frames * (FRAME_HEADER_BYTES + pageBytes);
  } finally {
    fs.closeSync(fd);
  }
}
