/**
 * The compound file ([MS-CFB]: "OLE2", the container of Excel 97–2003 workbooks): a file of
 * fixed-size sectors, chained by a sector allocation table (FAT), with a directory of named
 * streams. folio reads one stream of the root storage, the workbook's.
 *
 * The file comes from outside, so every number in it is checked before it is used: a sector
 * outside the file, a chain that loops or runs longer than the file has sectors, a stream
 * whose chain is shorter than its declared size. Each is a `CompoundFileError` with the
 * byte where it was found, never a hang or an allocation the size of a declared number:
 * the compound-file readers on the npm registry (cfb 1.2.2 and the SheetJS builds that
 * carry it) run out of memory on a chain that loops (docs/dependencies.md).
 */

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Chain markers of the FAT ([MS-CFB] 2.3). */
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const MAX_REGULAR = 0xfffffffa;
const NO_STREAM = 0xffffffff;
const HEADER_DIFAT = 109;
const ENTRY = 128;
const MINI_SECTOR = 64;

export class CompoundFileError extends Error {}

export interface StreamEntry {
  name: string;
  /** Declared size in bytes. */
  size: number;
  start: number;
}

/** An opened compound file: the streams of its root storage, read by name. */
export class CompoundFile {
  private readonly sectorSize: number;
  private readonly sectors: number;
  private readonly fat: Uint32Array;
  private readonly cutoff: number;
  private readonly miniFatStart: number;
  private readonly entries: DirectoryEntry[];
  /** Streams directly in the root storage (an embedded object's own workbook is in a storage below it). */
  readonly root: StreamEntry[];

  constructor(private readonly bytes: Buffer) {
    if (bytes.length < 512)
      throw new CompoundFileError(`the file has ${bytes.length} bytes, fewer than a header's 512`);
    if (!SIGNATURE.every((b, i) => bytes[i] === b)) throw new CompoundFileError('the header signature is wrong');
    const major = bytes.readUInt16LE(26);
    const shift = bytes.readUInt16LE(30);
    if (!((major === 3 && shift === 9) || (major === 4 && shift === 12)))
      throw new CompoundFileError(`version ${major} with sectors of 2^${shift} bytes is not a compound file's`);
    if (bytes.readUInt16LE(32) !== 6) throw new CompoundFileError('the mini sector size is not 64 bytes');
    this.sectorSize = 1 << shift;
    this.sectors = Math.max(0, Math.ceil((bytes.length - this.sectorSize) / this.sectorSize));
    this.cutoff = bytes.readUInt32LE(56);
    if (this.cutoff !== 4096) throw new CompoundFileError(`the mini stream cutoff is ${this.cutoff}, not 4096`);
    this.fat = this.readFat(bytes.readUInt32LE(44), bytes.readUInt32LE(68), bytes.readUInt32LE(72));
    this.miniFatStart = bytes.readUInt32LE(60);
    this.entries = this.readDirectory(bytes.readUInt32LE(48));
    this.root = this.rootStreams();
  }

  /** A root stream by name, ignoring case, or undefined. */
  find(name: string): StreamEntry | undefined {
    const wanted = name.toLowerCase();
    return this.root.find((e) => e.name.toLowerCase() === wanted);
  }

  /** A stream's bytes, exactly its declared size. */
  read(entry: StreamEntry): Buffer {
    if (entry.size < this.cutoff) return this.readMini(entry);
    const chain = this.chain(entry.start, `the stream "${entry.name}"`);
    if (chain.length * this.sectorSize < entry.size)
      throw new CompoundFileError(
        `the stream "${entry.name}" declares ${entry.size} bytes but its chain holds ${chain.length * this.sectorSize}`,
      );
    return this.gather(chain, entry.size);
  }

  /** Byte offset of a sector, checked to lie in the file. */
  private offset(sector: number, what: string): number {
    if (sector >= this.sectors)
      throw new CompoundFileError(
        `${what} points at sector ${sector}, past the end of the file (${this.sectors} sectors)`,
      );
    return (sector + 1) * this.sectorSize;
  }

  /** The FAT: its sector numbers are in the header (the first 109) and in the DIFAT chain. */
  private readFat(count: number, difatStart: number, difatCount: number): Uint32Array {
    if (count > this.sectors)
      throw new CompoundFileError(`the header declares ${count} FAT sectors in a file of ${this.sectors}`);
    const fatSectors: number[] = [];
    for (let i = 0; i < HEADER_DIFAT && fatSectors.length < count; i++)
      fatSectors.push(this.bytes.readUInt32LE(76 + i * 4));
    const perDifat = this.sectorSize / 4 - 1;
    const seen = new Set<number>();
    let next = difatStart;
    for (let n = 0; fatSectors.length < count; n++) {
      if (next === END_OF_CHAIN || next === FREE || n >= difatCount || seen.has(next))
        throw new CompoundFileError(
          `the FAT is declared as ${count} sectors but its list (DIFAT) ends after ${fatSectors.length}`,
        );
      seen.add(next);
      const at = this.offset(next, 'the DIFAT');
      for (let i = 0; i < perDifat && fatSectors.length < count; i++)
        fatSectors.push(this.bytes.readUInt32LE(at + i * 4));
      next = this.bytes.readUInt32LE(at + perDifat * 4);
    }
    const perSector = this.sectorSize / 4;
    const fat = new Uint32Array(fatSectors.length * perSector);
    fatSectors.forEach((sector, i) => {
      const at = this.offset(sector, 'the FAT');
      const end = Math.min(at + this.sectorSize, this.bytes.length);
      for (let j = 0; at + j * 4 + 4 <= end; j++) fat[i * perSector + j] = this.bytes.readUInt32LE(at + j * 4);
    });
    return fat;
  }

  /** The sectors of a chain, from `start` to its end marker; a loop or a sector outside the file is an error. */
  private chain(start: number, what: string, table: Uint32Array = this.fat, limit = this.sectors): number[] {
    const out: number[] = [];
    const seen = new Uint8Array(Math.max(limit, 1));
    for (let s = start; s !== END_OF_CHAIN;) {
      if (s > MAX_REGULAR || s >= limit)
        throw new CompoundFileError(`${what} runs into sector ${s}, which does not exist`);
      if (seen[s] === 1) throw new CompoundFileError(`${what} loops back to sector ${s}`);
      seen[s] = 1;
      out.push(s);
      if (s >= table.length) throw new CompoundFileError(`${what} reaches sector ${s}, which the FAT does not cover`);
      s = table[s] as number;
    }
    return out;
  }

  private gather(chain: number[], size: number): Buffer {
    const out = Buffer.alloc(size);
    let filled = 0;
    for (const s of chain) {
      if (filled >= size) break;
      const at = this.offset(s, 'a stream');
      const take = Math.min(this.sectorSize, size - filled, this.bytes.length - at);
      this.bytes.copy(out, filled, at, at + take);
      filled += take;
      if (take < this.sectorSize && filled < size)
        throw new CompoundFileError(`the file ends inside sector ${s}, at byte ${this.bytes.length}`);
    }
    return out;
  }

  /** A small stream, in 64-byte sectors of the mini stream (held by the root entry), chained by the mini FAT. */
  private readMini(entry: StreamEntry): Buffer {
    if (entry.size === 0) return Buffer.alloc(0);
    const root = this.entries[0] as DirectoryEntry;
    const miniStream = this.gather(
      this.chain(root.start, 'the mini stream'),
      Math.min(root.size, this.sectors * this.sectorSize),
    );
    const miniFatChain = this.chain(this.miniFatStart, 'the mini FAT');
    const miniFatBytes = this.gather(miniFatChain, miniFatChain.length * this.sectorSize);
    const miniFat = new Uint32Array(miniFatBytes.length / 4);
    for (let i = 0; i < miniFat.length; i++) miniFat[i] = miniFatBytes.readUInt32LE(i * 4);
    const miniSectors = Math.floor(miniStream.length / MINI_SECTOR);
    const chain = this.chain(entry.start, `the stream "${entry.name}"`, miniFat, miniSectors);
    if (chain.length * MINI_SECTOR < entry.size)
      throw new CompoundFileError(
        `the stream "${entry.name}" declares ${entry.size} bytes but its mini chain holds ${chain.length * MINI_SECTOR}`,
      );
    const out = Buffer.alloc(entry.size);
    chain.forEach((s, i) => {
      const take = Math.min(MINI_SECTOR, entry.size - i * MINI_SECTOR);
      if (take > 0) miniStream.copy(out, i * MINI_SECTOR, s * MINI_SECTOR, s * MINI_SECTOR + take);
    });
    return out;
  }

  private readDirectory(start: number): DirectoryEntry[] {
    const chain = this.chain(start, 'the directory');
    const bytes = this.gather(chain, chain.length * this.sectorSize);
    const out: DirectoryEntry[] = [];
    for (let at = 0; at + ENTRY <= bytes.length; at += ENTRY) {
      const nameLength = Math.min(bytes.readUInt16LE(at + 64), 64);
      const name = bytes.toString('utf16le', at, at + Math.max(0, nameLength - 2));
      // Version 3 files keep only the low 32 bits of a size.
      const size =
        bytes.readUInt32LE(at + 120) + (this.sectorSize === 4096 ? bytes.readUInt32LE(at + 124) * 2 ** 32 : 0);
      out.push({
        name,
        type: bytes[at + 66] as number,
        left: bytes.readUInt32LE(at + 68),
        right: bytes.readUInt32LE(at + 72),
        child: bytes.readUInt32LE(at + 76),
        start: bytes.readUInt32LE(at + 116),
        size,
      });
    }
    if (out[0]?.type !== 5) throw new CompoundFileError('the directory does not start with the root entry');
    return out;
  }

  /** The streams among the root's children: a tree of siblings (left, right) under the root's child. */
  private rootStreams(): StreamEntry[] {
    const out: StreamEntry[] = [];
    const seen = new Set<number>();
    const stack = [(this.entries[0] as DirectoryEntry).child];
    while (stack.length > 0) {
      const i = stack.pop() as number;
      if (i === NO_STREAM || seen.has(i)) continue;
      const e = this.entries[i];
      if (!e)
        throw new CompoundFileError(`the directory points at entry ${i}, past its ${this.entries.length} entries`);
      seen.add(i);
      if (e.type === 2) out.push({ name: e.name, size: e.size, start: e.start });
      stack.push(e.left, e.right);
    }
    return out;
  }
}

interface DirectoryEntry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}
