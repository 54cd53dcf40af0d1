import zlib from 'node:zlib';

/** One entry of a hand-made zip: its real content, and the unpacked size its headers claim. */
export interface LyingEntry {
  name: string;
  /** The real content: `chunk` repeated `repeat` times, deflated without ever being whole. */
  chunk: Uint8Array;
  repeat: number;
  /** What the local header and the central directory say it unpacks to. */
  declaredSize?: number;
}

async function deflateRepeated(entry: LyingEntry): Promise<{ data: Buffer; crc: number }> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (part: Buffer) => parts.push(part));
  const done = new Promise((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  for (let n = 0; n < entry.repeat; n++) {
    crc = zlib.crc32(entry.chunk, crc);
    if (!deflate.write(entry.chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { data: Buffer.concat(parts), crc };
}

/**
 * A zip whose headers may under-declare what its entries unpack to: JSZip and the zip tools
 * only ever write the truth, so a zip bomb that lies about its sizes has to be made by hand.
 */
export async function lyingZip(entries: LyingEntry[]): Promise<Uint8Array> {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const { data, crc } = await deflateRepeated(entry);
    const name = Buffer.from(entry.name, 'utf8');
    const realSize = entry.chunk.length * entry.repeat;
    const size = entry.declaredSize ?? realSize;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    directory.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directoryBytes, end]));
}
