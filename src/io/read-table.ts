import { says } from '../codes/errors.js';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { FolioError } from '../errors.js';
import { CsvScanner, type RecordHandler } from './csv-scanner.js';
import { createDecoder, sniffEncoding, type Encoding, type EncodingGuess } from './encoding.js';
import { reportProgress } from './progress.js';
import { sniffDelimiter } from './sniff-delimiter.js';

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
}

export interface TableFormat {
  file: string;
  encoding: Encoding;
  encodingReason: EncodingGuess['reason'];
  delimiter: string;
  /** The file began with Excel's `sep=X` line, which named the delimiter and is not a record. */
  sepLine: boolean;
}

/** Excel's first line `sep=;`: it names the delimiter and is not part of the table. */
const SEP_LINE = /^sep=([^\r\n])(?:\r\n|\n|\r|$)/i;

/** The delimiter a `sep=` first line names and the text after that line, or null without one. */
export function takeSepLine(text: string): { delimiter: string; rest: string } | null {
  const m = SEP_LINE.exec(text);
  return m ? { delimiter: m[1] as string, rest: text.slice(m[0].length) } : null;
}

const CHUNK = 1 << 20;
const SNIFF_BYTES = 64 * 1024;

/**
 * Read a CSV source as a stream of records. `begin` is called once the encoding and
 * delimiter are known and returns the handler for every record (header included).
 */
export async function readTable(
  source: Source,
  options: ReadOptions,
  begin: (format: TableFormat) => RecordHandler,
): Promise<TableFormat> {
  const { chunks, size } = await openChunks(source);
  const head: Buffer[] = [];
  let headBytes = 0;
  let done = false;
  while (headBytes < SNIFF_BYTES) {
    const next = await chunks.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    headBytes += next.value.length;
  }
  const sample = Buffer.concat(head);
  const guess: EncodingGuess = options.encoding
    ? { encoding: options.encoding, bomLength: bomLengthFor(options.encoding, sample), reason: 'override' }
    : sniffEncoding(sample, done);
  const body = sample.subarray(guess.bomLength);
  if (body.length === 0) {
    throw new FolioError({
      code: 'EMPTY_FILE',
      file: source.name,
      message: 'the file is empty',
      hint: 'export the data again; folio needs a header row and at least one data row',
      says: says('EMPTY_FILE', {}),
    });
  }
  if (guess.reason === 'unrecognised') {
    throw new FolioError({
      code: 'UNKNOWN_ENCODING',
      file: source.name,
      message: 'the bytes are neither UTF-8 nor text in a code page folio knows (Windows-1251/1252, KOI8-R, IBM866, 437)',
      hint: 'save the export as CSV in UTF-8, or name its encoding with --encoding',
      says: says('UNKNOWN_ENCODING', {}),
    });
  }
  if (!guess.encoding.startsWith('utf-16') && body.includes(0)) {
    throw new FolioError({
      code: 'BINARY_FILE',
      file: source.name,
      message: 'this is a binary file, not CSV text (it holds zero bytes)',
      hint: 'save the export as CSV; an .xlsx workbook must be saved as "CSV (delimited)" first',
      says: says('BINARY_FILE', {}),
    });
  }

  const decoder = createDecoder(guess.encoding, source.name);
  const decoded = decoder.decode(body, done);
  const sep = takeSepLine(decoded);
  const firstText = sep ? sep.rest : decoded;
  const delimiter = options.delimiter ?? sep?.delimiter ?? sniffDelimiter(firstText, done);
  const format: TableFormat = {
    file: source.name,
    encoding: guess.encoding,
    encodingReason: guess.reason,
    delimiter,
    sepLine: sep !== null,
  };
  const scanner = new CsvScanner(
    { file: source.name, delimiter, maxRecordLength: options.maxRecordLength, firstLine: sep ? 2 : 1 },
    begin(format),
  );
  scanner.push(firstText);
  let bytes = sample.length;
  reportProgress(source.name, bytes, size);
  if (!done) {
    for (;;) {
      const next = await chunks.next();
      if (next.done) break;
      scanner.push(decoder.decode(next.value, false));
      bytes += next.value.length;
      reportProgress(source.name, bytes, size);
    }
    scanner.push(decoder.decode(new Uint8Array(0), true));
  }
  scanner.end();
  return format;
}

function bomLengthFor(encoding: Encoding, sample: Uint8Array): number {
  if (encoding === 'utf-8' && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 3;
  if (encoding === 'utf-16le' && sample[0] === 0xff && sample[1] === 0xfe) return 2;
  if (encoding === 'utf-16be' && sample[0] === 0xfe && sample[1] === 0xff) return 2;
  return 0;
}

async function openChunks(source: Source): Promise<{ chunks: AsyncIterator<Buffer>; size: number | null }> {
  if (source.path === '-') return { chunks: (process.stdin as AsyncIterable<Buffer>)[Symbol.asyncIterator](), size: null };
  let size: number | null = null;
  try {
    const info = await stat(source.path);
    size = info.size;
    if (info.isDirectory()) {
      throw new FolioError({
        code: 'IS_DIRECTORY',
        file: source.name,
        message: 'is a folder, not a file',
        hint: 'name the CSV file inside it',
        says: says('IS_DIRECTORY', {}),
      });
    }
  } catch (error) {
    if (error instanceof FolioError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new FolioError({
      code: 'CANNOT_OPEN',
      file: source.name,
      message: code === 'ENOENT' ? 'no such file' : `cannot open the file (${code ?? 'unknown error'})`,
      hint: code === 'ENOENT' ? 'check the path; use - to read standard input' : 'check the file permissions',
      says: code === 'ENOENT' ? says('NO_SUCH_FILE', {}) : says('CANNOT_OPEN_FILE', { reason: code ?? 'unknown error' }),
    });
  }
  const stream = createReadStream(source.path, { highWaterMark: CHUNK });
  return { chunks: (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator](), size };
}

/** Records peeked at to find the header, here and when a file is read. */
export const HEADER_SEARCH_ROWS = 30;

/**
 * The first records of a file (blank ones left out), read from its first 64 KiB, to tell
 * what a file is by its columns wherever its header row sits. Null when the file is empty
 * or unreadable.
 */
export async function peekRows(path: string): Promise<string[][] | null> {
  const { open } = await import('node:fs/promises');
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    const sample = buffer.subarray(0, bytesRead);
    const complete = bytesRead < SNIFF_BYTES;
    const guess = sniffEncoding(sample, complete);
    const decoded = createDecoder(guess.encoding, path).decode(sample.subarray(guess.bomLength), true);
    const sep = takeSepLine(decoded);
    const text = sep ? sep.rest : decoded;
    const delimiter = sep?.delimiter ?? sniffDelimiter(text, complete);
    const rows: string[][] = [];
    const scanner = new CsvScanner({ file: path, delimiter, maxRecordLength: Infinity }, (fields) => {
      if (rows.length < HEADER_SEARCH_ROWS && fields.length > 0) rows.push(fields.map((f) => f.trim()));
    });
    scanner.push(text);
    // A sample cut inside a record leaves that record unread rather than broken.
    if (complete) scanner.end();
    return rows.length > 0 ? rows : null;
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}
