/**
 * Binary Excel workbooks (.xls) the tests write for themselves, record by record, in a
 * compound file written here too: code other than folio's reader, from the formats' public
 * descriptions ([MS-CFB], [MS-XLS], and Excel 5's BIFF5). Only what a table needs is
 * written: the globals (code page, date system, formats, cell styles, sheets, string
 * table) and each sheet's cells and merged ranges.
 */

/** A cell as the test gives it: text, a number, a date (a serial number under a date style), a boolean or a formula's cached value. */
export type XlsCell =
  | string
  | number
  | null
  | { date: number }
  | { bool: boolean }
  | { formula: number | string }
  | { rk: number }
  | { label: string };

export interface XlsSheet {
  name: string;
  rows: XlsCell[][];
  /** Merged ranges, 0-based and inclusive: [firstRow, lastRow, firstCol, lastCol]. */
  merges?: [number, number, number, number][];
}

export interface XlsOptions {
  /** 5 writes Excel 5 (BIFF5: 8-bit text in the code page, no string table); 8 Excel 97 (BIFF8). */
  biff?: 5 | 8;
  /** The CODEPAGE record's value; null leaves the record out (what some 1C versions write). */
  codePage?: number | null;
  /** How 8-bit text is encoded into bytes (a code page of the test's choice). */
  encode8?: (text: string) => Buffer;
  /** BIFF8: write strings as 8-bit ("compressed") when they fit, as 1C does with its code page. */
  compressed?: boolean;
  /** Put the stream in the mini stream (under 4096 bytes) instead of padding it to a full-size stream. */
  mini?: boolean;
  date1904?: boolean;
  /** Write the date style's format as this custom code (id 164) instead of the built-in 14. */
  dateFormat?: string;
}

const record = (type: number, body: Buffer): Buffer => {
  const head = Buffer.alloc(4);
  head.writeUInt16LE(type, 0);
  head.writeUInt16LE(body.length, 2);
  return Buffer.concat([head, body]);
};

const u16 = (...values: number[]): Buffer => {
  const b = Buffer.alloc(values.length * 2);
  values.forEach((v, i) => b.writeUInt16LE(v, i * 2));
  return b;
};

const u32 = (v: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v >>> 0, 0);
  return b;
};

const f64 = (v: number): Buffer => {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(v, 0);
  return b;
};

const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');

/** An RK number: an integer that fits 30 bits, kept as one (a ×100 value is not used here). */
function rkOf(value: number): number {
  if (Number.isInteger(value) && value >= -(2 ** 29) && value < 2 ** 29) return ((value << 2) | 2) >>> 0;
  const d = Buffer.alloc(8);
  d.writeDoubleLE(value, 0);
  // The top 30 bits of the double; the test gives only values that survive the cut.
  return d.readUInt32LE(4) & 0xfffffffc;
}

/** BIFF8 text (XLUnicodeString body): 8-bit when `compressed` and every character fits, else UTF-16. */
function biff8Chars(text: string, compressed: boolean, encode8: (t: string) => Buffer): Buffer {
  const fits = [...text].every((c) => c.charCodeAt(0) < 256);
  if (compressed) {
    const bytes = encode8(text);
    return Buffer.concat([Buffer.from([0]), bytes]);
  }
  return fits
    ? Buffer.concat([Buffer.from([0]), latin1(text)])
    : Buffer.concat([Buffer.from([1]), Buffer.from(text, 'utf16le')]);
}

function biff8String(text: string, compressed: boolean, encode8: (t: string) => Buffer): Buffer {
  return Buffer.concat([u16(text.length), biff8Chars(text, compressed, encode8)]);
}

/**
 * The SST record and its CONTINUE records: a record body holds at most 8224 bytes, and a
 * string cut by the limit goes on in the next record after a new flags byte.
 */
function sstRecords(strings: string[], compressed: boolean, encode8: (t: string) => Buffer): Buffer {
  const LIMIT = 8224;
  const out: Buffer[] = [];
  let body: Buffer[] = [u32(strings.length), u32(strings.length)];
  let size = 8;
  let type = 0x00fc;
  const flush = (): void => {
    out.push(record(type, Buffer.concat(body)));
    type = 0x003c;
    body = [];
    size = 0;
  };
  for (const s of strings) {
    const chars = biff8Chars(s, compressed, encode8);
    const flags = chars[0] as number;
    const wide = flags === 1;
    let data = chars.subarray(1);
    // The count and flags are never split from the first characters.
    if (size + 3 + (wide ? 2 : 1) > LIMIT) flush();
    body.push(u16(s.length), Buffer.from([flags]));
    size += 3;
    for (;;) {
      let room = LIMIT - size;
      if (wide) room -= room % 2;
      const take = data.subarray(0, room);
      body.push(take);
      size += take.length;
      data = data.subarray(take.length);
      if (data.length === 0) break;
      flush();
      body.push(Buffer.from([flags]));
      size = 1;
    }
  }
  flush();
  return Buffer.concat(out);
}

/** The Workbook (BIFF8) or Book (BIFF5) stream of the sheets. */
export function xlsStream(sheets: XlsSheet[], options: XlsOptions = {}): Buffer {
  const biff = options.biff ?? 8;
  const encode8 = options.encode8 ?? latin1;
  const compressed = options.compressed ?? false;
  const bof = (kind: number): Buffer =>
    biff === 8
      ? record(0x0809, Buffer.concat([u16(0x0600, kind, 0x0dbb, 0x07cc), u32(0), u32(0x0006)]))
      : record(0x0809, u16(0x0500, kind, 0x0dbb, 0x07cc));
  const strings: string[] = [];
  const sstIndex = new Map<string, number>();
  const globals: Buffer[] = [bof(0x0005)];
  if (options.codePage !== null) globals.push(record(0x0042, u16(options.codePage ?? (biff === 8 ? 1200 : 1252))));
  globals.push(record(0x0022, u16(options.date1904 ? 1 : 0)));
  const dateFormat = options.dateFormat === undefined ? 14 : 164;
  if (options.dateFormat !== undefined) {
    const code = options.dateFormat;
    globals.push(
      record(
        0x041e,
        biff === 8
          ? Buffer.concat([u16(164), biff8String(code, false, latin1)])
          : Buffer.concat([u16(164), Buffer.from([code.length]), latin1(code)]),
      ),
    );
  }
  // XF 0 general, XF 1 the date style.
  const xf = (ifmt: number): Buffer =>
    biff === 8
      ? record(0x00e0, Buffer.concat([u16(0, ifmt, 0xfff5), Buffer.alloc(14)]))
      : record(0x00e0, Buffer.concat([u16(0, ifmt, 0xfff5), Buffer.alloc(10)]));
  globals.push(xf(0), xf(dateFormat));

  // Sheets' cell records, built before the sheets' offsets are known.
  const bodies = sheets.map((sheet) => {
    const cells: Buffer[] = [];
    const width = Math.max(1, ...sheet.rows.map((r) => r.length));
    cells.push(
      record(
        0x0200,
        biff === 8
          ? Buffer.concat([u32(0), u32(sheet.rows.length), u16(0, width, 0)])
          : u16(0, sheet.rows.length, 0, width, 0),
      ),
    );
    sheet.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (cell === null) return;
        if (typeof cell === 'string' || (typeof cell === 'object' && 'label' in cell)) {
          const text = typeof cell === 'string' ? cell : cell.label;
          if (biff === 8 && typeof cell === 'string') {
            let at = sstIndex.get(text);
            if (at === undefined) {
              at = strings.length;
              strings.push(text);
              sstIndex.set(text, at);
            }
            cells.push(record(0x00fd, Buffer.concat([u16(r, c, 0), u32(at)])));
          } else if (biff === 8) {
            cells.push(record(0x0204, Buffer.concat([u16(r, c, 0), biff8String(text, compressed, encode8)])));
          } else {
            const bytes = encode8(text);
            cells.push(record(0x0204, Buffer.concat([u16(r, c, 0, bytes.length), bytes])));
          }
        } else if (typeof cell === 'number') {
          cells.push(record(0x0203, Buffer.concat([u16(r, c, 0), f64(cell)])));
        } else if ('rk' in cell) {
          cells.push(record(0x027e, Buffer.concat([u16(r, c, 0), u32(rkOf(cell.rk))])));
        } else if ('date' in cell) {
          cells.push(record(0x0203, Buffer.concat([u16(r, c, 1), f64(cell.date)])));
        } else if ('bool' in cell) {
          cells.push(record(0x0205, Buffer.concat([u16(r, c, 0), Buffer.from([cell.bool ? 1 : 0, 0])])));
        } else {
          const value = cell.formula;
          const result = typeof value === 'number' ? f64(value) : Buffer.from([0, 0, 0, 0, 0, 0, 0xff, 0xff]);
          // `=1+1` as a formula's parsed expression: ptgInt 1, ptgInt 1, ptgAdd.
          const rgce = Buffer.from([0x1e, 1, 0, 0x1e, 1, 0, 0x03]);
          const tail =
            biff === 8
              ? Buffer.concat([u16(0), u32(0), u16(rgce.length), rgce])
              : Buffer.concat([u16(0), u32(0), u16(rgce.length), rgce]);
          cells.push(record(0x0006, Buffer.concat([u16(r, c, 0), result, tail])));
          if (typeof value === 'string') {
            cells.push(
              record(
                0x0207,
                biff === 8
                  ? biff8String(value, compressed, encode8)
                  : Buffer.concat([u16(encode8(value).length), encode8(value)]),
              ),
            );
          }
        }
      });
    });
    if (sheet.merges && sheet.merges.length > 0) {
      cells.push(record(0x00e5, Buffer.concat([u16(sheet.merges.length), ...sheet.merges.map((m) => u16(...m))])));
    }
    return Buffer.concat([bof(0x0010), ...cells, record(0x000a, Buffer.alloc(0))]);
  });

  const sheetName = (name: string): Buffer =>
    biff === 8
      ? Buffer.concat([Buffer.from([name.length]), biff8Chars(name, compressed, encode8)])
      : Buffer.concat([Buffer.from([encode8(name).length]), encode8(name)]);
  const boundSheet = (offset: number, name: string): Buffer =>
    record(0x0085, Buffer.concat([u32(offset), Buffer.from([0, 0]), sheetName(name)]));
  const sst = biff === 8 && strings.length > 0 ? sstRecords(strings, compressed, encode8) : Buffer.alloc(0);
  const eof = record(0x000a, Buffer.alloc(0));
  // The globals' size does not depend on the offsets it holds.
  let offset =
    Buffer.concat(globals).length +
    sheets.reduce((n, s) => n + boundSheet(0, s.name).length, 0) +
    sst.length +
    eof.length;
  const bounds = sheets.map((s, i) => {
    const b = boundSheet(offset, s.name);
    offset += (bodies[i] as Buffer).length;
    return b;
  });
  return Buffer.concat([...globals, ...bounds, sst, eof, ...bodies]);
}

const FREE = 0xffffffff;
const END = 0xfffffffe;
const FATSECT = 0xfffffffd;

/**
 * A version 3 compound file (512-byte sectors) holding one stream in its root: `Workbook`
 * or `Book`. A stream under 4096 bytes goes in the mini stream when `mini`, else it is
 * padded to 4096 (as Excel does).
 */
export function compoundFile(name: string, stream: Buffer, options: { mini?: boolean } = {}): Buffer {
  const SECTOR = 512;
  const sectors: Buffer[] = [];
  const fat: number[] = [];
  const chain = (data: Buffer): number => {
    const first = sectors.length;
    const count = Math.max(1, Math.ceil(data.length / SECTOR));
    for (let i = 0; i < count; i++) {
      const s = Buffer.alloc(SECTOR);
      data.copy(s, 0, i * SECTOR, (i + 1) * SECTOR);
      sectors.push(s);
      fat.push(i === count - 1 ? END : first + i + 1);
    }
    return first;
  };
  const small = options.mini === true && stream.length < 4096;
  const data = small
    ? stream
    : stream.length < 4096
      ? Buffer.concat([stream, Buffer.alloc(4096 - stream.length)])
      : stream;
  let rootStart = END;
  let rootSize = 0;
  let miniFatStart = END;
  let miniFatCount = 0;
  let streamStart: number;
  if (small) {
    // The mini stream (64-byte mini sectors) lives in the root entry's chain; its FAT is the mini FAT.
    const miniSectors = Math.ceil(data.length / 64);
    const miniStream = Buffer.alloc(miniSectors * 64);
    data.copy(miniStream);
    rootStart = chain(miniStream);
    rootSize = miniStream.length;
    const miniFat = Buffer.alloc(SECTOR, 0xff);
    for (let i = 0; i < miniSectors; i++) miniFat.writeUInt32LE(i === miniSectors - 1 ? END : i + 1, i * 4);
    miniFatStart = chain(miniFat);
    miniFatCount = 1;
    streamStart = 0;
  } else {
    streamStart = chain(data);
  }
  const entry = (entryName: string, type: number, child: number, start: number, size: number): Buffer => {
    const e = Buffer.alloc(128);
    const n = Buffer.from(`${entryName}\0`, 'utf16le');
    n.copy(e, 0);
    e.writeUInt16LE(n.length, 64);
    e[66] = type;
    e[67] = 1;
    e.writeUInt32LE(FREE, 68);
    e.writeUInt32LE(FREE, 72);
    e.writeUInt32LE(child, 76);
    e.writeUInt32LE(start, 116);
    e.writeUInt32LE(size, 120);
    return e;
  };
  const directory = Buffer.concat([
    entry('Root Entry', 5, 1, rootStart, rootSize),
    entry(name, 2, FREE, streamStart, data.length),
    Buffer.alloc(256),
  ]);
  directory.fill(0, 256);
  for (let at = 256; at < 512; at += 128) {
    directory.writeUInt32LE(FREE, at + 68);
    directory.writeUInt32LE(FREE, at + 72);
    directory.writeUInt32LE(FREE, at + 76);
  }
  const directoryStart = chain(directory);
  // The FAT's own sectors: one FAT sector maps 128 sectors.
  const fatSectors = Math.ceil((sectors.length + 1) / 127);
  const fatStart = sectors.length;
  for (let i = 0; i < fatSectors; i++) {
    sectors.push(Buffer.alloc(SECTOR));
    fat.push(FATSECT);
  }
  const fatBytes = Buffer.alloc(fatSectors * SECTOR, 0xff);
  fat.forEach((v, i) => fatBytes.writeUInt32LE(v, i * 4));
  for (let i = 0; i < fatSectors; i++) fatBytes.copy(sectors[fatStart + i] as Buffer, 0, i * SECTOR, (i + 1) * SECTOR);

  const header = Buffer.alloc(512, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(fatSectors, 44);
  header.writeUInt32LE(directoryStart, 48);
  header.writeUInt32LE(4096, 56);
  header.writeUInt32LE(miniFatStart, 60);
  header.writeUInt32LE(miniFatCount, 64);
  header.writeUInt32LE(END, 68);
  header.writeUInt32LE(0, 72);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i < fatSectors ? fatStart + i : FREE, 76 + i * 4);
  return Buffer.concat([header, ...sectors]);
}

/** A whole .xls file: the sheets' stream in a compound file. */
export function xlsFile(sheets: XlsSheet[], options: XlsOptions = {}): Buffer {
  const biff = options.biff ?? 8;
  return compoundFile(biff === 8 ? 'Workbook' : 'Book', xlsStream(sheets, options), { mini: options.mini });
}

/** Excel's serial number of a calendar day (1900 system, past its phantom 29 February). */
export function serialOf(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** `A4:B5` as 0-based [firstRow, lastRow, firstCol, lastCol]. */
export function rangeOf(ref: string): [number, number, number, number] {
  const m = /^([A-Z])(\d+):([A-Z])(\d+)$/.exec(ref);
  if (!m) throw new Error(`not a range: ${ref}`);
  const col = (l: string): number => l.charCodeAt(0) - 65;
  return [Number(m[2]) - 1, Number(m[4]) - 1, col(m[1] as string), col(m[3] as string)];
}
