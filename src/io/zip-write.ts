import { once } from 'node:events';
import { createDeflateRaw } from 'node:zlib';

/** A file of an archive, as the text pieces it is made of (written as UTF-8). */
export interface ZipEntry {
  path: string;
  chunks: Iterable<string>;
}

/** CRC-32 (IEEE 802.3) by table: `zlib.crc32` is missing from the Node 20 releases before 20.15. */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The CRC-32 of `bytes` continued from `crc` (0 to start). */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < bytes.length; i++) c = (CRC_TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}

interface Deflated {
  data: Buffer[];
  crc: number;
  size: number;
  compressed: number;
}

/** An entry deflated as its pieces come, so that only the compressed bytes are held. */
async function deflate(chunks: Iterable<string>): Promise<Deflated> {
  const z = createDeflateRaw();
  const out: Deflated = { data: [], crc: 0, size: 0, compressed: 0 };
  z.on('data', (b: Buffer) => {
    out.data.push(b);
    out.compressed += b.length;
  });
  const ended = once(z, 'end');
  for (const chunk of chunks) {
    const bytes = Buffer.from(chunk, 'utf8');
    out.crc = crc32(bytes, out.crc);
    out.size += bytes.length;
    if (!z.write(bytes)) await once(z, 'drain');
  }
  z.end();
  await ended;
  return out;
}

/** Sizes and offsets of a plain zip are 32-bit; past them an archive would need Zip64, which folio does not write. */
const LIMIT = 0xffffffff;

/**
 * A zip archive of the entries, each deflated, as the buffers to write in order. Every entry
 * is dated 1980-01-01 (the format's first day), so the same content gives the same bytes.
 */
export async function zipArchive(entries: readonly ZipEntry[]): Promise<Buffer[]> {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.path, 'utf8');
    const d = await deflate(entry.chunks);
    if (d.size > LIMIT || d.compressed > LIMIT || offset > LIMIT)
      throw new Error(`zip entry ${entry.path} is past the 4 GiB of a plain zip archive`);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10); // time 00:00
    local.writeUInt16LE(0x21, 12); // date 1980-01-01
    local.writeUInt32LE(d.crc, 14);
    local.writeUInt32LE(d.compressed, 18);
    local.writeUInt32LE(d.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(0x0800, 8);
    record.writeUInt16LE(8, 10);
    record.writeUInt16LE(0, 12);
    record.writeUInt16LE(0x21, 14);
    record.writeUInt32LE(d.crc, 16);
    record.writeUInt32LE(d.compressed, 20);
    record.writeUInt32LE(d.size, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    central.push(record, name);
    out.push(local, name, ...d.data);
    offset += local.length + name.length + d.compressed;
  }
  const size = central.reduce((a, b) => a + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return [...out, ...central, end];
}
