import { says } from '../codes/error-fields.js';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { FolioError } from '../folio-error.js';
import { CsvScanner, type RecordHandler } from './csv-scanner.js';
import {
  type ChunkDecoder,
  CODE_PAGE_SAMPLE,
  createDecoder,
  needsCodePageSample,
  sniffEncoding,
  type Encoding,
  type EncodingGuess,
} from './encoding.js';
import { HtmlRows, looksLikeHtml, metaCharset } from './html-table.js';
import { reportProgress } from './progress.js';
import { sniffDelimiter } from './sniff-delimiter.js';
import { type Escape, sniffEscape } from './sniff-escape.js';
import { DEFAULT_UNPACK_LIMITS, type UnpackLimits } from './limits.js';
import type { MergedRange } from './cells.js';

/** A named input: a file path, or `-` for standard input (named `<stdin>` in messages). */
export interface Source {
  path: string;
  name: string;
}

export function sourceOf(path: string): Source {
  return path === '-' ? { path, name: '<stdin>' } : { path, name: path };
}

export interface ReadOptions {
  encoding?: Encoding | undefined;
  delimiter?: string | undefined;
  maxRecordLength: number;
  /** `--sheet NAME|N` of a workbook. */
  sheet?: string | undefined;
  /** What a workbook may unpack to. */
  limits?: UnpackLimits | undefined;
  /** CSV only: `--escape`, how a quote inside a quoted field is escaped; detected without it. */
  escape?: Escape | undefined;
  /**
   * CSV only: the byte of the file at which reading stops (a line start), so that the rest
   * can be read by other threads. The encoding and delimiter are still detected from the
   * usual sample, which may reach past it.
   */
  stopAt?: number | undefined;
}

/** What a file is, told by its first bytes, never by its name; `xls` is a binary Excel 5–2003 workbook. */
export type TableKind = 'csv' | 'xlsx' | 'xls' | 'html' | 'parquet';

export interface TableFormat {
  file: string;
  kind: TableKind;
  encoding: Encoding;
  encodingReason: EncodingGuess['reason'] | 'meta-charset' | 'format' | 'code-page-record';
  /** The CSV delimiter; '' for the other kinds. */
  delimiter: string;
  /** The file began with Excel's `sep=X` line, which named the delimiter and is not a record. */
  sepLine: boolean;
  /** The worksheet read, and every worksheet of the workbook (xlsx and xls only). */
  sheet?: string;
  sheets?: string[];
  /** Without `--sheet`, the sheets before the one read that held no header and row of data (xlsx only). */
  skippedSheets?: string[];
  /**
   * The sheet's merged ranges, where the reader knows them before the rows they cover
   * arrive (an .xls always; an .xlsx whose sheet is small enough to look through first).
   */
  merges?: MergedRange[];
  /** Formula cells without a cached value, read as empty (xlsx only). */
  uncached: number;
  /** CSV only: the line the next record would start on once the text is read (where a following byte range continues). */
  nextLine?: number;
  /** How a quote inside a quoted field is escaped (`double` but in a CSV file that escapes with backslashes). */
  escape: Escape;
  /** The escaping was told from the text, not named with `--escape`. */
  escapeDetected: boolean;
  /** NUL bytes dropped from the text of a CSV file, and the line the first was on (0 without any). */
  nuls: { count: number; line: number };
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PARQUET = [0x50, 0x41, 0x52, 0x31];

const startsWith = (bytes: Uint8Array, signature: number[]): boolean => signature.every((b, i) => bytes[i] === b);

/** The kind of a file from its first bytes: a zip is a workbook, an OLE2 compound file an .xls, `PAR1` is Parquet, markup is an HTML table. */
export function tableKind(sample: Uint8Array): TableKind {
  if (startsWith(sample, ZIP)) return 'xlsx';
  if (startsWith(sample, OLE2)) return 'xls';
  if (startsWith(sample, PARQUET)) return 'parquet';
  if (looksLikeHtml(Buffer.from(sample.subarray(0, 4096)).toString('latin1'))) return 'html';
  return 'csv';
}

/** Excel's first line `sep=;`: it names the delimiter and is not part of the table. */
const SEP_LINE = /^sep=([^\r\n])(?:\r\n|\n|\r|$)/i;

/** The delimiter a `sep=` first line names and the text after that line, or null without one. */
export function takeSepLine(text: string): { delimiter: string; rest: string } | null {
  const m = SEP_LINE.exec(text);
  return m ? { delimiter: m[1] as string, rest: text.slice(m[0].length) } : null;
}

// 64 KiB reads: measured against 1 MiB and 256 KiB on 1e6 deals, the text of each chunk
// stays small enough for the young generation, which cut CPU time by a fifth and peak RSS
// by a third (docs/benchmarks.md).
const CHUNK = 1 << 16;
const DECODE_PIECE = 1 << 15;
const SNIFF_BYTES = 64 * 1024;

/**
 * Read a table source as a stream of records: what it is is told by its first bytes (CSV
 * text, a workbook, an HTML table, Parquet). `begin` is called once the encoding and
 * delimiter are known and returns the handler for every record (header included).
 */
export async function readTable(
  source: Source,
  options: ReadOptions,
  begin: (format: TableFormat) => RecordHandler,
): Promise<TableFormat> {
  const { chunks, size } = await openChunks(source);
  const head = new HeadSample(chunks);
  await head.readTo(SNIFF_BYTES);
  if (options.encoding === undefined && tableKind(head.bytes) === 'csv' && needsCodePageSample(head.bytes, head.done))
    await head.readTo(CODE_PAGE_SAMPLE);
  const { bytes: sample, done } = head;
  const kind = tableKind(sample);
  if (options.sheet !== undefined && kind !== 'xlsx' && kind !== 'xls') {
    await chunks.return?.();
    throw new FolioError({
      code: 'USAGE',
      file: source.name,
      says: says('SHEET_NOT_WORKBOOK', { sheet: String(options.sheet), kind }),
    });
  }
  if (kind === 'xlsx' || kind === 'xls' || kind === 'parquet') {
    const from = source.path === '-' ? { bytes: await rest(sample, chunks, done) } : { path: source.path };
    if (source.path !== '-') await chunks.return?.();
    return readTyped(kind, from, source.name, options, begin);
  }
  if (kind === 'html') return readHtml(source, sample, done, chunks, size, options, begin);
  return readCsv(source, sample, done, chunks, size, options, begin);
}

/** The first bytes of a source, read chunk by chunk up to a size; `done` once the source ended. */
class HeadSample {
  private readonly chunks: Buffer[] = [];
  private length = 0;
  done = false;
  bytes: Buffer = Buffer.alloc(0);

  constructor(private readonly source: AsyncIterator<Buffer>) {}

  async readTo(upTo: number): Promise<void> {
    while (!this.done && this.length < upTo) {
      const next = await this.source.next();
      if (next.done) this.done = true;
      else {
        this.chunks.push(next.value);
        this.length += next.value.length;
      }
    }
    this.bytes = Buffer.concat(this.chunks);
  }
}

/** CSV text: its encoding and delimiter told from the sample, then every record of it scanned. */
async function readCsv(
  source: Source,
  sample: Buffer,
  done: boolean,
  chunks: AsyncIterator<Buffer>,
  size: number | null,
  options: ReadOptions,
  begin: (format: TableFormat) => RecordHandler,
): Promise<TableFormat> {
  const guess: EncodingGuess = options.encoding
    ? { encoding: options.encoding, bomLength: bomLengthFor(options.encoding, sample), reason: 'override' }
    : sniffEncoding(sample, done);
  const body = sample.subarray(guess.bomLength);
  if (body.length === 0) throw new FolioError({ code: 'EMPTY_FILE', file: source.name, says: says('EMPTY_FILE', {}) });
  if (guess.reason === 'unrecognised') throw unknownEncoding(source.name);
  if (!guess.encoding.startsWith('utf-16') && looksBinary(body)) throw binaryFile(source.name);

  const decoder = createDecoder(guess.encoding, source.name);
  const decoded = decoder.decode(body, done);
  const { sep, delimiter, escape } = sniffText(dropNuls(decoded), done, options);
  // With `stopAt`, the whole sample is sniffed as without it; only the text read stops there.
  const stopAt = options.stopAt ?? Infinity;
  const cut = stopAt < sample.length;
  const format: TableFormat = {
    file: source.name,
    kind: 'csv',
    encoding: guess.encoding,
    encodingReason: guess.reason,
    delimiter,
    sepLine: sep,
    uncached: 0,
    escape,
    escapeDetected: options.escape === undefined,
    nuls: { count: 0, line: 0 },
  };
  const scanner = new CsvScanner(
    { file: source.name, delimiter, maxRecordLength: options.maxRecordLength, firstLine: sep ? 2 : 1, escape },
    begin(format),
  );
  const push = nulDropping(scanner, format.nuls);
  const first = cut
    ? createDecoder(guess.encoding, source.name).decode(body.subarray(0, stopAt - guess.bomLength), true)
    : decoded;
  // The `sep=` line names the delimiter and is not a record.
  push(sep ? (takeSepLine(first)?.rest ?? first) : first);
  reportProgress(source.name, sample.length, size);
  if (cut) await chunks.return?.();
  else if (!done) {
    await pushRest(chunks, { push, decoder, file: source.name, read: sample.length, size, stopAt });
    push(decoder.decode(new Uint8Array(0), true));
  }
  scanner.end();
  format.nextLine = scanner.currentLine;
  return format;
}

/** The chunks after the sample, decoded into the scanner up to `stopAt` bytes, the progress reported as they come. */
async function pushRest(
  chunks: AsyncIterator<Buffer>,
  to: {
    push: (text: string) => void;
    decoder: ChunkDecoder;
    file: string;
    read: number;
    size: number | null;
    stopAt: number;
  },
): Promise<void> {
  let bytes = to.read;
  for (;;) {
    const next = await chunks.next();
    if (next.done) break;
    const take = Math.min(next.value.length, to.stopAt - bytes);
    pushDecoded(to.push, to.decoder, take < next.value.length ? next.value.subarray(0, take) : next.value);
    bytes += take;
    reportProgress(to.file, bytes, to.size);
    if (bytes >= to.stopAt) {
      await chunks.return?.();
      break;
    }
  }
}

function unknownEncoding(file: string): FolioError {
  return new FolioError({
    code: 'UNKNOWN_ENCODING',
    file,
    says: says('UNKNOWN_ENCODING', {}),
  });
}

function binaryFile(file: string): FolioError {
  return new FolioError({
    code: 'BINARY_FILE',
    file,
    says: says('BINARY_FILE', {}),
  });
}

/** The first block of a file, where a zero byte outside quotes says it is not text. */
const FIRST_BLOCK = 4096;

/**
 * A file is binary when more than 1 byte in 1,000 of its sample is a control byte other than
 * tab, CR and LF (a small file counts as a whole first block: up to four such bytes are let
 * be), or when its first block holds a zero byte outside quotes. Text with a few NULs inside
 * quoted fields (a damaged export, a database's padding) is read, the NULs dropped.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  let controls = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if ((b < 32 && b !== 9 && b !== 10 && b !== 13) || b === 127) controls++;
  }
  if (controls * 1000 > Math.max(bytes.length, FIRST_BLOCK)) return true;
  let quoted = false;
  const block = Math.min(bytes.length, FIRST_BLOCK);
  for (let i = 0; i < block; i++) {
    const b = bytes[i] as number;
    if (b === 34) quoted = !quoted;
    else if (b === 0 && !quoted) return true;
  }
  return false;
}

/** The text without its NUL characters (a sample to sniff, never counted). */
function dropNuls(text: string): string {
  return text.includes('\0') ? text.replaceAll('\0', '') : text;
}

/**
 * The scanner's `push`, dropping NUL characters and counting them into `nuls` (with the line
 * of the first): one native search per piece of text when there are none.
 */
function nulDropping(scanner: CsvScanner, nuls: { count: number; line: number }): (text: string) => void {
  return (text) => {
    const first = text.indexOf('\0');
    if (first === -1) {
      scanner.push(text);
      return;
    }
    if (nuls.count === 0) nuls.line = scanner.lineAtEnd + lineBreaksBefore(text, first);
    const kept = text.replaceAll('\0', '');
    nuls.count += text.length - kept.length;
    scanner.push(kept);
  };
}

/** Line ends (LF, CRLF or a lone CR) in text[0, end). */
function lineBreaksBefore(text: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/**
 * What the start of a CSV text says about the table: an Excel `sep=` line (and the text
 * after it), the escaping of quotes (`--escape`, or told from the text) and the delimiter
 * (`--delimiter`, the `sep=` line's, or told from the text under that escaping).
 */
function sniffText(
  decoded: string,
  complete: boolean,
  options: { delimiter?: string | undefined; escape?: Escape | undefined },
): { sep: boolean; text: string; delimiter: string; escape: Escape } {
  const sep = takeSepLine(decoded);
  const text = sep ? sep.rest : decoded;
  const escape = options.escape ?? sniffEscape(text, complete);
  const delimiter = options.delimiter ?? sep?.delimiter ?? sniffDelimiter(text, complete, escape);
  return { sep: sep !== null, text, delimiter, escape };
}

/**
 * Decoded in 32 KiB pieces: text with Cyrillic letters takes two bytes per character, and a
 * string over 128 KiB is born in V8's large-object space instead of the young generation
 * (measured: the Russian form took 40% more CPU with whole 64 KiB chunks).
 */
function pushDecoded(push: (text: string) => void, decoder: ChunkDecoder, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; at += DECODE_PIECE)
    push(decoder.decode(bytes.subarray(at, at + DECODE_PIECE), false));
}

/**
 * Where to cut a file into byte ranges near `positions` (rising): just after the first line
 * feed at or past each (a position with no line feed after it, or that would repeat a cut,
 * gives none). UTF-8 and single-byte code pages only: there a 0x0A byte is always a line feed.
 */
export async function lineStartsAfter(path: string, size: number, positions: readonly number[]): Promise<number[]> {
  const handle = await open(path, 'r');
  const cuts: number[] = [];
  const buffer = Buffer.alloc(CHUNK);
  try {
    for (const position of positions) {
      let at = Math.max(position, cuts[cuts.length - 1] ?? 0);
      let found = -1;
      while (found === -1 && at < size) {
        const { bytesRead } = await handle.read(buffer, 0, CHUNK, at);
        if (bytesRead === 0) break;
        const lf = buffer.subarray(0, bytesRead).indexOf(10);
        if (lf === -1) at += bytesRead;
        else found = at + lf + 1;
      }
      if (found === -1 || found >= size) break;
      if (found > (cuts[cuts.length - 1] ?? 0)) cuts.push(found);
    }
  } finally {
    await handle.close();
  }
  return cuts;
}

/** The whole of standard input, for the formats that need to seek (a zip's directory is at its end). */
async function rest(sample: Buffer, chunks: AsyncIterator<Buffer>, done: boolean): Promise<Buffer> {
  const parts = [sample];
  if (!done) for (let next = await chunks.next(); !next.done; next = await chunks.next()) parts.push(next.value);
  return Buffer.concat(parts);
}

/** A workbook or a Parquet file: typed cells, no encoding or delimiter to detect. */
async function readTyped(
  kind: 'xlsx' | 'xls' | 'parquet',
  from: { path: string } | { bytes: Buffer },
  file: string,
  options: ReadOptions,
  begin: (format: TableFormat) => RecordHandler,
): Promise<TableFormat> {
  const format: TableFormat = {
    file,
    kind,
    encoding: 'utf-8',
    encodingReason: 'format',
    delimiter: '',
    sepLine: false,
    uncached: 0,
    escape: 'double',
    escapeDetected: false,
    nuls: { count: 0, line: 0 },
  };
  // Loaded when a file needs them: a CSV run does not pay for the zip and Parquet readers at start-up.
  if (kind === 'parquet') {
    const { readParquet } = await import('./parquet.js');
    await readParquet(from, file, begin(format));
    return format;
  }
  if (kind === 'xls') {
    const { readXls } = await import('./xls.js');
    await readXls(
      from,
      file,
      { sheet: options.sheet, limits: options.limits ?? DEFAULT_UNPACK_LIMITS, encoding: options.encoding },
      (sheet, sheets, read) => {
        format.sheet = sheet;
        format.sheets = sheets;
        format.merges = read.merges;
        // Text held as UTF-16 has no code page; 8-bit text has the one the workbook names, or a guessed one.
        if (read.encoding === null) format.encoding = 'utf-16le';
        else {
          format.encoding = read.encoding;
          format.encodingReason =
            read.encodingReason === 'record'
              ? 'code-page-record'
              : read.encodingReason === 'override'
                ? 'override'
                : 'letter-statistics';
        }
        return begin(format);
      },
    );
    return format;
  }
  const { readWorkbook } = await import('./xlsx.js');
  const read = await readWorkbook(
    from,
    file,
    { sheet: options.sheet, limits: options.limits ?? DEFAULT_UNPACK_LIMITS, maxRecordLength: options.maxRecordLength },
    (sheet, sheets, merges) => {
      format.sheet = sheet;
      format.sheets = sheets;
      if (merges !== undefined) format.merges = merges;
      return begin(format);
    },
  );
  format.uncached = read.uncached;
  if (read.skipped.length > 0) format.skippedSheets = read.skipped;
  return format;
}

/** An HTML table saved as .xls: decoded by its BOM, its `<meta charset>`, `--encoding`, or else detected. */
async function readHtml(
  source: Source,
  sample: Buffer,
  done: boolean,
  chunks: AsyncIterator<Buffer>,
  size: number | null,
  options: ReadOptions,
  begin: (format: TableFormat) => RecordHandler,
): Promise<TableFormat> {
  const sniffed = sniffEncoding(sample, done);
  const meta = metaCharset(sample.subarray(0, 4096).toString('latin1'));
  const encoding = options.encoding ?? (sniffed.reason === 'bom' ? sniffed.encoding : (meta ?? sniffed.encoding));
  const reason: TableFormat['encodingReason'] = options.encoding
    ? 'override'
    : sniffed.reason === 'bom'
      ? 'bom'
      : meta
        ? 'meta-charset'
        : sniffed.reason;
  const format: TableFormat = {
    file: source.name,
    kind: 'html',
    encoding,
    encodingReason: reason,
    delimiter: '',
    sepLine: false,
    uncached: 0,
    escape: 'double',
    escapeDetected: false,
    nuls: { count: 0, line: 0 },
  };
  const decoder = createDecoder(encoding, source.name);
  format.merges = [];
  const rows = new HtmlRows(source.name, options.maxRecordLength, begin(format), format.merges);
  rows.push(decoder.decode(sample.subarray(bomLengthFor(encoding, sample)), done));
  let bytes = sample.length;
  if (!done) {
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      rows.push(decoder.decode(next.value, false));
      bytes += next.value.length;
      reportProgress(source.name, bytes, size);
    }
    rows.push(decoder.decode(new Uint8Array(0), true));
  }
  rows.end();
  return format;
}

function bomLengthFor(encoding: Encoding, sample: Uint8Array): number {
  if (encoding === 'utf-8' && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 3;
  if (encoding === 'utf-16le' && sample[0] === 0xff && sample[1] === 0xfe) return 2;
  if (encoding === 'utf-16be' && sample[0] === 0xfe && sample[1] === 0xff) return 2;
  return 0;
}

async function openChunks(source: Source): Promise<{ chunks: AsyncIterator<Buffer>; size: number | null }> {
  if (source.path === '-')
    return { chunks: (process.stdin as AsyncIterable<Buffer>)[Symbol.asyncIterator](), size: null };
  let size: number | null = null;
  try {
    const info = await stat(source.path);
    size = info.size;
    if (info.isDirectory()) {
      throw new FolioError({
        code: 'IS_DIRECTORY',
        file: source.name,
        says: says('IS_DIRECTORY', {}),
      });
    }
  } catch (error) {
    if (error instanceof FolioError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new FolioError({
      code: 'CANNOT_OPEN',
      file: source.name,
      says:
        code === 'ENOENT' ? says('NO_SUCH_FILE', {}) : says('CANNOT_OPEN_FILE', { reason: code ?? 'unknown error' }),
    });
  }
  const stream = createReadStream(source.path, { highWaterMark: CHUNK });
  return { chunks: (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator](), size };
}

/** Thrown by the peek's handler once it has rows enough. */
const ENOUGH = new Error('enough rows');

/** The first rows of a file, or why a workbook or Parquet file cannot be read (to list it as not used). */
export interface PeekedRows {
  rows: string[][] | null;
  /** Why the file cannot be read, when it says so (a workbook that is not one, an Excel 97 file). */
  problem?: FolioError;
}

/** The first rows of a workbook, an HTML table or a Parquet file, read until there are enough. */
async function peekTyped(path: string): Promise<PeekedRows> {
  const rows: string[][] = [];
  try {
    await readTable(sourceOf(path), { maxRecordLength: Infinity }, () => (fields) => {
      if (fields.length > 0) rows.push(fields.map((f) => f.trim()));
      if (rows.length >= HEADER_SEARCH_ROWS) throw ENOUGH;
    });
  } catch (error) {
    if (error instanceof FolioError) return { rows: null, problem: error };
    if (error !== ENOUGH) return { rows: null };
  }
  return { rows: rows.length > 0 ? rows : null };
}

/** Records peeked at to find the header, here and when a file is read. */
export const HEADER_SEARCH_ROWS = 30;

/**
 * The first records of a file (blank ones left out), read from its first 64 KiB, to tell
 * what a file is by its columns wherever its header row sits. Null when the file is empty
 * or unreadable.
 */
export async function peekRows(path: string): Promise<PeekedRows> {
  const { open } = await import('node:fs/promises');
  const handle = await open(path, 'r');
  try {
    const readStart = async (bytes: number): Promise<{ sample: Buffer; complete: boolean }> => {
      const buffer = Buffer.alloc(bytes);
      const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
      return { sample: buffer.subarray(0, bytesRead), complete: bytesRead < bytes };
    };
    let { sample, complete } = await readStart(SNIFF_BYTES);
    const kind = tableKind(sample);
    if (kind !== 'csv') return await peekTyped(path);
    // The same sample as the reader's, so that both read the header in the same code page.
    if (needsCodePageSample(sample, complete)) ({ sample, complete } = await readStart(CODE_PAGE_SAMPLE));
    const guess = sniffEncoding(sample, complete);
    const body = sample.subarray(guess.bomLength);
    // What would stop the reader stops the peek, and is the file's own error to report.
    if (guess.reason === 'unrecognised') return { rows: null, problem: unknownEncoding(path) };
    if (!guess.encoding.startsWith('utf-16') && looksBinary(body)) return { rows: null, problem: binaryFile(path) };
    const decoded = dropNuls(createDecoder(guess.encoding, path).decode(body, complete));
    const { text, delimiter, escape } = sniffText(decoded, complete, {});
    const rows: string[][] = [];
    const scanner = new CsvScanner({ file: path, delimiter, maxRecordLength: Infinity, escape }, (fields) => {
      if (rows.length < HEADER_SEARCH_ROWS && fields.length > 0) rows.push(fields.map((f) => f.trim()));
    });
    scanner.push(text);
    // A sample cut inside a record leaves that record unread rather than broken.
    if (complete) scanner.end();
    return { rows: rows.length > 0 ? rows : null };
  } catch (error) {
    // An unclosed quote, text after a closing quote, bytes that are not the encoding: located.
    return { rows: null, ...(error instanceof FolioError ? { problem: error } : {}) };
  } finally {
    await handle.close();
  }
}
