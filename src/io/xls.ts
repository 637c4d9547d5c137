import { readFile, stat } from 'node:fs/promises';
import { says } from '../codes/error-fields.js';
import { FolioError } from '../folio-error.js';
import { NUMBER_CELL, numberText, TEXT_CELL, type CellKinds, type MergedRange } from './cells.js';
import { CompoundFile, CompoundFileError } from './compound-file.js';
import type { RecordHandler } from './csv-scanner.js';
import { createDecoder, sniffEncoding, type Encoding } from './encoding.js';
import type { UnpackLimits } from './limits.js';
import { BUILTIN_DATE_FORMATS, isDateFormat, SerialDays } from './sheet-dates.js';
import { UnpackBudget } from './unpack.js';

/**
 * A binary Excel workbook (.xls): Excel 5/95 (BIFF5) and Excel 97–2003 (BIFF8), as 1C and
 * old ERPs still write them. The workbook stream is taken out of its compound file
 * (compound-file.ts) and read record by record ([MS-XLS]); only the records a table needs
 * are looked at: the code page, the date system, number formats and cell styles (to tell
 * dates), the sheet list, the string table, and one sheet's cells and merged ranges. Macros,
 * charts, drawings and everything else are skipped unread.
 *
 * Text stored as 8 bits is in the workbook's code page (its CODEPAGE record). Some writers
 * (1C among them) leave that record out; the code page of such text is then guessed from
 * all of it at once, as for a CSV file, and `--encoding` names it instead.
 */

export interface XlsOptions {
  sheet?: string | undefined;
  limits: UnpackLimits;
  /** `--encoding`: the code page of 8-bit text, whatever the workbook says. */
  encoding?: Encoding | undefined;
}

export interface XlsRead {
  sheet: string;
  sheets: string[];
  /** 5 for Excel 5/95, 8 for Excel 97–2003. */
  biff: 5 | 8;
  /** The code page 8-bit text was read in; null when the workbook holds none (all its text is UTF-16). */
  encoding: Encoding | null;
  /** `record` (the CODEPAGE record), `guessed` (no record: from the text), `override` (--encoding). */
  encodingReason: 'record' | 'guessed' | 'override' | null;
  merges: MergedRange[];
}

/** What a sheet is found to be when a table is asked of it. */
export type XlsBegin = (sheet: string, sheets: string[], read: Omit<XlsRead, 'sheet' | 'sheets'>) => RecordHandler;

/** Read one worksheet of an .xls file; `begin` gets what was found and returns the handler of its rows. */
export async function readXls(
  from: { path: string } | { bytes: Buffer },
  file: string,
  options: XlsOptions,
  begin: XlsBegin,
): Promise<XlsRead> {
  const budget = new UnpackBudget(file, options.limits);
  let bytes: Buffer;
  if ('path' in from) {
    // An .xls is not compressed: its size on disk is what it holds, refused before it is read.
    budget.addBytes((await stat(from.path)).size);
    bytes = await readFile(from.path);
  } else {
    budget.addBytes(from.bytes.length);
    bytes = from.bytes;
  }
  let stream: Buffer;
  try {
    const cf = new CompoundFile(bytes);
    const entry = cf.find('Workbook') ?? cf.find('Book');
    if (!entry) {
      const names = cf.root.map((e) => e.name);
      throw notXls(
        file,
        names.some((n) => /^WordDocument$/i.test(n))
          ? 'it is a Word document'
          : names.some((n) => /^PowerPoint Document$/i.test(n))
            ? 'it is a PowerPoint presentation'
            : 'it holds no workbook stream',
      );
    }
    stream = cf.read(entry);
  } catch (error) {
    if (error instanceof CompoundFileError) throw damaged(file, error.message);
    throw error;
  }
  return new BiffReader(file, stream, budget, options).read(begin);
}

/** A string as stored: text already (UTF-16 in the file), or the bytes of 8-bit text, decoded once the code page is known. */
type Stored = string | Uint8Array;

interface Cell {
  column: number;
  value: Stored;
  number: boolean;
}

interface SheetEntry {
  name: Stored;
  offset: number;
  /** A worksheet (not a chart, macro or VB module sheet). */
  worksheet: boolean;
  hidden: boolean;
}

const BOF = 0x0809;
const EOF = 0x000a;
const CONTINUE = 0x003c;

/** Excel's error codes, as a cell shows them. */
const ERRORS: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
};

/** Windows code pages a CODEPAGE record names, as folio's encodings; 1200 is UTF-16 (BIFF8's own). */
const CODE_PAGES: Record<number, Encoding> = {
  367: 'windows-1252',
  437: 'cp437',
  866: 'ibm866',
  1251: 'windows-1251',
  1252: 'windows-1252',
  20866: 'koi8-r',
  32769: 'windows-1252',
};

class BiffReader {
  private biff: 5 | 8 = 8;
  private codePage: number | null = null;
  private date1904 = false;
  private readonly formats = new Map<number, string>();
  /** Per cell style (XF): whether its format shows a date. */
  private readonly xfDate: boolean[] = [];
  private readonly sheets: SheetEntry[] = [];
  private strings: Stored[] = [];
  /** Every 8-bit text of the workbook, for guessing its code page when it names none. */
  private readonly eightBit: Uint8Array[] = [];

  constructor(
    private readonly file: string,
    private readonly stream: Buffer,
    private readonly budget: UnpackBudget,
    private readonly options: XlsOptions,
  ) {}

  read(begin: XlsBegin): XlsRead {
    this.globals();
    const worksheets = this.sheets.filter((s) => s.worksheet);
    if (worksheets.length === 0) throw notXls(this.file, 'the workbook lists no worksheet');
    // Sheet names are text too: the code page is settled before anything is named.
    const chosenAt = this.choose(worksheets);
    const rows = this.sheetCells(worksheets[chosenAt] as SheetEntry);
    const { encoding, reason } = this.settleEncoding();
    const decode = this.decoder(encoding);
    const names = worksheets.map((s) => decode(s.name));
    const chosen = names[chosenAt] as string;
    const merges = rows.merges;
    const info = { biff: this.biff, encoding, encodingReason: reason, merges };
    const onRow = begin(chosen, names, info);
    this.emit(rows.cells, decode, onRow);
    return { sheet: chosen, sheets: names, ...info };
  }

  // ---- records

  /** Calls `visit` for each record from `start` until the EOF of that substream (nested substreams skipped). */
  private records(
    start: number,
    visit: (type: number, body: Buffer, at: number, next: () => Buffer | null) => void,
  ): void {
    let at = start;
    let depth = 0;
    const stream = this.stream;
    const header = (pos: number): { type: number; length: number } => {
      if (pos + 4 > stream.length)
        throw damaged(
          this.file,
          `the workbook stream ends at byte ${stream.length}, inside a record header at byte ${pos}`,
        );
      const type = stream.readUInt16LE(pos);
      const length = stream.readUInt16LE(pos + 2);
      if (pos + 4 + length > stream.length)
        throw damaged(
          this.file,
          `record 0x${hex(type)} at byte ${pos} declares ${length} bytes, past the end of the stream (${stream.length} bytes)`,
        );
      return { type, length };
    };
    for (;;) {
      const { type, length } = header(at);
      const body = stream.subarray(at + 4, at + 4 + length);
      const here = at;
      at += 4 + length;
      if (type === BOF || type === 0x0009 || type === 0x0209 || type === 0x0409) {
        depth++;
        if (depth > 1) continue;
      }
      if (type === EOF) {
        depth--;
        if (depth <= 0) return;
        continue;
      }
      if (depth > 1) continue;
      // CONTINUE records that follow are handed to the visitor on request.
      const next = (): Buffer | null => {
        if (at + 4 > stream.length) return null;
        const h = header(at);
        if (h.type !== CONTINUE) return null;
        const b = stream.subarray(at + 4, at + 4 + h.length);
        at += 4 + h.length;
        return b;
      };
      visit(type, body, here, next);
    }
  }

  private globals(): void {
    if (this.stream.length < 4) throw damaged(this.file, 'the workbook stream is empty');
    const first = this.stream.readUInt16LE(0);
    if (first === 0x0009 || first === 0x0209 || first === 0x0409) throw tooOld(this.file);
    if (first !== BOF) throw damaged(this.file, `the workbook stream starts with record 0x${hex(first)}, not a BOF`);
    let sawBof = false;
    this.records(0, (type, body, at, next) => {
      if (type === BOF) {
        if (sawBof) return;
        sawBof = true;
        const version = body.length >= 2 ? body.readUInt16LE(0) : 0;
        if (version === 0x0600) this.biff = 8;
        else if (version === 0x0500) this.biff = 5;
        else if (version === 0x0000 || version === 0x0200 || version === 0x0300 || version === 0x0400)
          throw tooOld(this.file);
        else throw damaged(this.file, `the BOF record at byte ${at} names an unknown BIFF version 0x${hex(version)}`);
        return;
      }
      switch (type) {
        case 0x002f: // FILEPASS
          throw new FolioError({
            code: 'ENCRYPTED_WORKBOOK',
            file: this.file,
            says: says('ENCRYPTED_XLS', {}),
          });
        case 0x0042: // CODEPAGE
          this.codePage = this.u16(body, 0, at);
          return;
        case 0x0022: // DATEMODE
          this.date1904 = this.u16(body, 0, at) === 1;
          return;
        case 0x041e: {
          // FORMAT: its code only matters for the letters that make it a date, which are ASCII.
          const r = new Cursor(body, [], this, at);
          const id = r.u16();
          const code = this.biff === 8 ? r.unicode(r.u16()) : r.eightBit(r.u8());
          this.formats.set(id, typeof code === 'string' ? code : Buffer.from(code).toString('latin1'));
          return;
        }
        case 0x00e0: // XF
          this.xfDate.push(this.isDate(this.u16(body, 2, at)));
          return;
        case 0x0085: {
          // BOUNDSHEET
          const r = new Cursor(body, [], this, at);
          const offset = r.u32();
          const state = r.u8() & 0x03;
          const kind = r.u8();
          const name = this.biff === 8 ? r.unicode(r.u8()) : r.eightBit(r.u8());
          this.sheets.push({ name, offset, worksheet: kind === 0, hidden: state !== 0 });
          return;
        }
        case 0x00fc: {
          // SST, and its CONTINUE records
          const parts: Buffer[] = [];
          for (let c = next(); c !== null; c = next()) parts.push(c);
          this.sharedStrings(body, parts, at);
          return;
        }
        default:
      }
    });
  }

  /** Whether a format (by id) shows a date; the XF records come after the FORMAT records they use. */
  private isDate(format: number): boolean {
    const code = this.formats.get(format);
    return code === undefined ? BUILTIN_DATE_FORMATS.has(format) : isDateFormat(code);
  }

  private sharedStrings(body: Buffer, parts: Buffer[], at: number): void {
    const r = new Cursor(body, parts, this, at);
    r.u32();
    const unique = r.u32();
    // The count is the file's word: the strings are read while they last, never allocated ahead.
    const out: Stored[] = [];
    for (let i = 0; i < unique && !r.done(); i++) {
      out.push(r.richString());
      if ((i & 1023) === 1023) this.budget.addCells(1024);
    }
    this.budget.addCells(out.length & 1023);
    this.strings = out;
  }

  private choose(worksheets: SheetEntry[]): number {
    const wanted = this.options.sheet;
    if (wanted === undefined) {
      const visible = worksheets.findIndex((s) => !s.hidden);
      return visible === -1 ? 0 : visible;
    }
    // Names are compared once decoded; a code page guess needs the text first, so names
    // here are decoded by the workbook's own record or as Latin-1 (numbers work either way).
    const decode = this.decoder(this.declaredEncoding() ?? 'windows-1252');
    const names = worksheets.map((s) => decode(s.name));
    const exact = names.findIndex((n) => n === wanted);
    if (exact !== -1) return exact;
    const folded = names.findIndex((n) => n.toLowerCase() === wanted.trim().toLowerCase());
    if (folded !== -1) return folded;
    if (/^\d+$/.test(wanted.trim())) {
      const n = Number(wanted.trim());
      if (n >= 1 && n <= worksheets.length) return n - 1;
    }
    throw new FolioError({
      code: 'NO_SUCH_SHEET',
      file: this.file,
      says: says('NO_SUCH_SHEET', { wanted, sheets: names }),
    });
  }

  /**
   * The chosen sheet's cells by row (0-based), and its merged ranges. One switch with a short
   * case per cell record type, in the order the format lists them: split further, the cases
   * would only move away from the records they read.
   */
  private sheetCells(sheet: SheetEntry): { cells: Map<number, Cell[]>; merges: MergedRange[] } {
    const merges: MergedRange[] = [];
    if (sheet.offset + 4 > this.stream.length || this.stream.readUInt16LE(sheet.offset) !== BOF)
      throw damaged(this.file, `the sheet's substream should start at byte ${sheet.offset} but no BOF record is there`);
    const sink = new CellSink(this.budget, new SerialDays(this.date1904), this.xfDate);
    const put = (row: number, column: number, value: Stored, number: boolean): void =>
      sink.put(row, column, value, number);
    const numberCell = (row: number, column: number, xf: number, value: number): void =>
      sink.number(row, column, xf, value);
    let pendingString: { row: number; column: number } | null = null;
    this.records(sheet.offset, (type, body, at, next) => {
      const rc = (): [number, number, number] => [this.u16(body, 0, at), this.u16(body, 2, at), this.u16(body, 4, at)];
      switch (type) {
        case 0x00fd: {
          // LABELSST
          const [row, column] = rc();
          const index = this.u32(body, 6, at);
          put(row, column, this.strings[index] ?? '', false);
          return;
        }
        case 0x0204:
        case 0x00d6: {
          // LABEL, RSTRING
          const [row, column] = rc();
          const r = new Cursor(body.subarray(6), [], this, at);
          put(row, column, this.biff === 8 ? r.unicode(r.u16()) : r.eightBit(r.u16()), false);
          return;
        }
        case 0x0203: {
          // NUMBER
          const [row, column, xf] = rc();
          numberCell(row, column, xf, this.f64(body, 6, at));
          return;
        }
        case 0x027e: {
          // RK
          const [row, column, xf] = rc();
          numberCell(row, column, xf, rk(this.u32(body, 6, at)));
          return;
        }
        case 0x00bd: {
          // MULRK: a run of RK cells in one row
          const row = this.u16(body, 0, at);
          const first = this.u16(body, 2, at);
          const n = Math.floor((body.length - 6) / 6);
          for (let i = 0; i < n; i++)
            numberCell(row, first + i, this.u16(body, 4 + i * 6, at), rk(this.u32(body, 6 + i * 6, at)));
          return;
        }
        case 0x0006: {
          // FORMULA: its value as last calculated
          const [row, column, xf] = rc();
          if (body.length < 14) throw short(this.file, type, at);
          if (body.readUInt16LE(12) !== 0xffff) {
            numberCell(row, column, xf, body.readDoubleLE(6));
            return;
          }
          const kind = body[6] as number;
          if (kind === 0) pendingString = { row, column };
          else if (kind === 1) put(row, column, body[8] === 1 ? 'true' : 'false', false);
          else if (kind === 2) put(row, column, ERRORS[body[8] as number] ?? '#ERROR', false);
          return;
        }
        case 0x0207: {
          // STRING: a formula's text value, right after its FORMULA record
          if (pendingString === null) return;
          const r = new Cursor(body, [], this, at, next);
          put(
            pendingString.row,
            pendingString.column,
            this.biff === 8 ? r.unicode(r.u16()) : r.eightBit(r.u16()),
            false,
          );
          pendingString = null;
          return;
        }
        case 0x0205: {
          // BOOLERR
          const [row, column] = rc();
          if (body.length < 8) throw short(this.file, type, at);
          put(
            row,
            column,
            body[7] === 1 ? (ERRORS[body[6] as number] ?? '#ERROR') : body[6] === 1 ? 'true' : 'false',
            false,
          );
          return;
        }
        case 0x00e5:
          // MERGEDCELLS
          for (const range of mergedRanges(body, this.u16(body, 0, at))) merges.push(range);
          return;
        default:
      }
    });
    return { cells: sink.end(), merges };
  }

  // ---- text

  private declaredEncoding(): Encoding | null {
    if (this.codePage === null || this.codePage === 1200) return null;
    return CODE_PAGES[this.codePage] ?? null;
  }

  /**
   * The code page of 8-bit text: `--encoding`; else the CODEPAGE record's (BIFF8's own 1200
   * means Latin-1 for 8-bit text, as Excel reads it); else guessed from all of it at once.
   */
  private settleEncoding(): { encoding: Encoding | null; reason: XlsRead['encodingReason'] } {
    if (this.eightBit.length === 0) return { encoding: null, reason: null };
    if (this.options.encoding !== undefined) return { encoding: this.options.encoding, reason: 'override' };
    const declared = this.declaredEncoding();
    if (declared !== null) return { encoding: declared, reason: 'record' };
    if (this.codePage === 1200) return { encoding: 'windows-1252', reason: 'record' };
    // Text joined by line feeds: words keep their edges for the letter statistics.
    let size = 0;
    for (const b of this.eightBit) size += b.length + 1;
    const sample = Buffer.alloc(Math.min(size, 1 << 20));
    let at = 0;
    for (const b of this.eightBit) {
      if (at >= sample.length) break;
      at += Buffer.from(b.buffer, b.byteOffset, b.length).copy(sample, at);
      if (at < sample.length) sample[at++] = 10;
    }
    const guess = sniffEncoding(sample, true);
    if (guess.reason === 'unrecognised' || guess.encoding === 'utf-16le' || guess.encoding === 'utf-16be')
      throw new FolioError({
        code: 'UNKNOWN_ENCODING',
        file: this.file,
        says: says('XLS_UNKNOWN_CODE_PAGE', {}),
      });
    return { encoding: guess.encoding, reason: 'guessed' };
  }

  private decoder(encoding: Encoding | null): (s: Stored) => string {
    if (encoding === null) return (s) => (typeof s === 'string' ? s : Buffer.from(s).toString('latin1'));
    const cache = new Map<Uint8Array, string>();
    return (s) => {
      if (typeof s === 'string') return s;
      let text = cache.get(s);
      if (text === undefined) {
        text = createDecoder(encoding, this.file).decode(s, true);
        cache.set(s, text);
      }
      return text;
    };
  }

  noteEightBit(bytes: Uint8Array): void {
    for (const b of bytes)
      if (b >= 0x80) {
        this.eightBit.push(bytes);
        return;
      }
  }

  // ---- rows

  /** Rows in order, each padded to the widest so far (a sheet leaves out empty trailing cells). */
  private emit(cells: Map<number, Cell[]>, decode: (s: Stored) => string, onRow: RecordHandler): void {
    const rows = [...cells.keys()].sort((a, b) => a - b);
    let width = 0;
    let kinds: CellKinds = new Uint8Array(16);
    const fields: string[] = [];
    for (const row of rows) {
      const list = (cells.get(row) as Cell[]).sort((a, b) => a.column - b.column);
      fields.length = 0;
      const last = (list[list.length - 1] as Cell).column;
      if (last + 1 > kinds.length) kinds = new Uint8Array(Math.max(last + 1, kinds.length * 2));
      kinds.fill(TEXT_CELL);
      for (const c of list) {
        while (fields.length < c.column) fields.push('');
        const text = decode(c.value);
        if (fields.length === c.column) fields.push(text);
        else fields[c.column] = text;
        if (c.number) kinds[c.column] = NUMBER_CELL;
      }
      while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
      if (fields.length > width) width = fields.length;
      if (fields.length > 0) while (fields.length < width) fields.push('');
      onRow(fields, row + 1, kinds);
    }
  }

  // ---- bytes

  u16(body: Buffer, at: number, record: number): number {
    if (at + 2 > body.length) throw short(this.file, -1, record);
    return body.readUInt16LE(at);
  }

  private u32(body: Buffer, at: number, record: number): number {
    if (at + 4 > body.length) throw short(this.file, -1, record);
    return body.readUInt32LE(at);
  }

  private f64(body: Buffer, at: number, record: number): number {
    if (at + 8 > body.length) throw short(this.file, -1, record);
    return body.readDoubleLE(at);
  }

  get fileName(): string {
    return this.file;
  }

  get version(): 5 | 8 {
    return this.biff;
  }
}

/**
 * Reads a record's body and the CONTINUE records after it as one run of bytes, the way
 * strings are split over them: a string's characters go on in the next record after a new
 * flags byte (8-bit or UTF-16 may change there), anything else goes on as it is.
 */
class Cursor {
  private part = 0;
  private at = 0;
  private current: Buffer;

  constructor(
    first: Buffer,
    private readonly parts: Buffer[],
    private readonly reader: BiffReader,
    private readonly record: number,
    private readonly more?: () => Buffer | null,
  ) {
    this.current = first;
  }

  done(): boolean {
    return this.at >= this.current.length && this.part >= this.parts.length && !this.more;
  }

  /** Move into the next CONTINUE record, or fail: the string or number runs past the record. */
  private advance(): void {
    const next = this.parts[this.part] ?? this.more?.() ?? null;
    if (next === null) throw short(this.reader.fileName, -1, this.record);
    if (this.part < this.parts.length) this.part++;
    this.current = next;
    this.at = 0;
  }

  private byte(): number {
    while (this.at >= this.current.length) this.advance();
    return this.current[this.at++] as number;
  }

  u8(): number {
    return this.byte();
  }

  u16(): number {
    return this.byte() | (this.byte() << 8);
  }

  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }

  skip(n: number): void {
    let left = n;
    while (left > 0) {
      if (this.at >= this.current.length) this.advance();
      const take = Math.min(left, this.current.length - this.at);
      this.at += take;
      left -= take;
    }
  }

  /** BIFF5 text: `count` bytes in the code page. */
  eightBit(count: number): Stored {
    const out = new Uint8Array(count);
    for (let i = 0; i < count; i++) out[i] = this.byte();
    this.reader.noteEightBit(out);
    return out;
  }

  /** BIFF8 text (XLUnicodeString after its count): a flags byte, then the characters. */
  unicode(count: number): Stored {
    return this.characters(count, this.u8());
  }

  /** A string of the string table: count, flags, run and extension sizes, characters, then the runs and extension skipped. */
  richString(): Stored {
    if (this.reader.version === 5) return this.eightBit(this.u16());
    const count = this.u16();
    const flags = this.u8();
    const runs = flags & 0x08 ? this.u16() : 0;
    const ext = flags & 0x04 ? this.u32() : 0;
    const text = this.characters(count, flags);
    this.skip(runs * 4);
    this.skip(ext);
    return text;
  }

  /**
   * `count` characters: 8-bit ones ("compressed": the low bytes of UTF-16, which Excel reads
   * as Latin-1, and which 1C fills with its code page) or UTF-16 ones. A string cut by the end
   * of a record goes on after a new flags byte.
   */
  private characters(count: number, flags: number): Stored {
    let wide = (flags & 0x01) === 1;
    const units: number[] = [];
    let eight: number[] | null = wide ? null : [];
    for (let i = 0; i < count; i++) {
      if (this.at >= this.current.length) {
        this.advance();
        const nowWide = (this.byte() & 0x01) === 1;
        if (nowWide && !wide && eight) {
          for (const b of eight) units.push(b);
          eight = null;
        }
        wide = nowWide;
      }
      if (wide) units.push(this.u16());
      else if (eight) eight.push(this.byte());
      else units.push(this.byte());
    }
    if (eight) {
      const bytes = Uint8Array.from(eight);
      this.reader.noteEightBit(bytes);
      return bytes;
    }
    let text = '';
    for (let i = 0; i < units.length; i += 4096) text += String.fromCharCode(...units.slice(i, i + 4096));
    return text;
  }
}

/** An RK number: a 30-bit integer or the top 30 bits of a double, perhaps times 100. */
function rk(value: number): number {
  let n: number;
  if (value & 0x02) n = value >> 2;
  else {
    const b = Buffer.alloc(8);
    b.writeUInt32LE(value & 0xfffffffc, 4);
    n = b.readDoubleLE(0);
  }
  return value & 0x01 ? n / 100 : n;
}

const hex = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');

/** The cells of a sheet by row (0-based) as its records give them, counted against the budget in batches. */
class CellSink {
  private readonly cells = new Map<number, Cell[]>();
  private count = 0;

  constructor(
    private readonly budget: UnpackBudget,
    private readonly days: SerialDays,
    private readonly xfDate: boolean[],
  ) {}

  put(row: number, column: number, value: Stored, number: boolean): void {
    if (++this.count === 4096) {
      this.budget.addCells(this.count);
      this.count = 0;
    }
    let list = this.cells.get(row);
    if (!list) this.cells.set(row, (list = []));
    list.push({ column, value, number });
  }

  /** A number cell: a day under a date format, else the number as plain text. */
  number(row: number, column: number, xf: number, value: number): void {
    if (!Number.isFinite(value)) this.put(row, column, String(value), false);
    else if (this.xfDate[xf] === true) this.put(row, column, this.days.day(value), false);
    else this.put(row, column, numberText(value), true);
  }

  end(): Map<number, Cell[]> {
    this.budget.addCells(this.count);
    return this.cells;
  }
}

/** The `n` ranges of a MERGEDCELLS record: rows 1-based as records are numbered, columns 0-based. */
function mergedRanges(body: Buffer, n: number): MergedRange[] {
  const out: MergedRange[] = [];
  for (let i = 0; i < n && 2 + i * 8 + 8 <= body.length; i++) {
    const top = body.readUInt16LE(2 + i * 8);
    const bottom = body.readUInt16LE(4 + i * 8);
    const left = body.readUInt16LE(6 + i * 8);
    const right = body.readUInt16LE(8 + i * 8);
    if (bottom >= top && right >= left) out.push({ top: top + 1, bottom: bottom + 1, left, right });
  }
  return out;
}

function damaged(file: string, reason: string): FolioError {
  return new FolioError({
    code: 'DAMAGED_WORKBOOK',
    file,
    says: says('DAMAGED_XLS', { reason }),
  });
}

function short(file: string, type: number, at: number): FolioError {
  return damaged(file, `the record${type >= 0 ? ` 0x${hex(type)}` : ''} at byte ${at} is shorter than what it holds`);
}

function notXls(file: string, why: string): FolioError {
  return new FolioError({
    code: 'NOT_A_WORKBOOK',
    file,
    says: says('NOT_AN_XLS', { why }),
  });
}

function tooOld(file: string): FolioError {
  return new FolioError({
    code: 'LEGACY_XLS',
    file,
    says: says('LEGACY_XLS', {}),
  });
}
