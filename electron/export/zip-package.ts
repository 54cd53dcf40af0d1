import zlib from 'node:zlib';

/**
 * Just enough of the zip format for the Office packages we write: read the entries of a zip
 * whose entries are stored (not compressed), as pptxgenjs writes one, and write entries out
 * again, each deflated by Node's zlib.
 *
 * Why not JSZip both ways: it deflates in JavaScript (pako), entry by entry, and a deck of 1,255
 * slides is 5,000 entries; repacking it took 7 of the 9 s of a 5,000-note slide export. Node's
 * native deflate does the same work in a fraction of that.
 */

export interface ZipEntry {
  name: string;
  data: Buffer;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;
/** Bit 11 of the flags: the name is UTF-8. */
const UTF8_NAME = 0x0800;
/** 1980-01-01 00:00 in DOS form: the same bytes for the same deck, whenever it is made. */
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1;

/** The entries of a zip whose entries are all stored; anything else is not ours to read. */
export function readStoredZip(zip: Buffer): ZipEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || zip.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) {
    throw new Error('not a zip: no end of central directory');
  }
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error('damaged central directory');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (method !== STORED) throw new Error(`${name} is compressed; only stored entries are read`);
    if (zip.readUInt32LE(localAt) !== LOCAL_HEADER) throw new Error(`damaged entry ${name}`);
    const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    entries.push({ name, data: zip.subarray(dataAt, dataAt + size) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * A deflate window and hash table no larger than the entry needs. zlib's default sets up about
 * 256 KiB per call, and most parts of a deck are a few KiB: 5,000 of those setups were a third
 * of the packing time. The output is the same size.
 */
function windowFor(bytes: number): zlib.ZlibOptions {
  const windowBits = Math.min(15, Math.max(9, Math.ceil(Math.log2(bytes + 1))));
  return { windowBits, memLevel: Math.max(1, Math.min(8, windowBits - 6)) };
}

/**
 * A zip of `entries`, in their order, each deflated. Plain zip, no zip64: a deck past 65,535
 * entries (16,000 slides) or 4 GiB is refused with a message rather than written broken.
 */
export function writeDeflatedZip(entries: readonly ZipEntry[]): Buffer {
  if (entries.length > 0xffff) {
    throw new Error(`too many parts for one file (${entries.length}; at most 65,535)`);
  }
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const packed = zlib.deflateRawSync(entry.data, windowFor(entry.data.length));
    const crc = zlib.crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAME, 6);
    local.writeUInt16LE(DEFLATED, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL_HEADER, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(UTF8_NAME, 8);
    header.writeUInt16LE(DEFLATED, 10);
    header.writeUInt16LE(DOS_TIME, 12);
    header.writeUInt16LE(DOS_DATE, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(packed.length, 20);
    header.writeUInt32LE(entry.data.length, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    parts.push(local, name, packed);
    central.push(header, name);
    offset += local.length + name.length + packed.length;
    if (offset > 0xffffffff) throw new Error('the file would be larger than 4 GiB');
  }
  const centralSize = central.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}
