import { open } from 'node:fs/promises';
import { ByteCsvScanner, type ByteRecordHandler } from './byte-scanner.js';
import type { Encoding } from './encoding.js';

/** A byte range of a CSV file, and what reading it needs to know of the whole file. */
export interface CsvRange {
  path: string;
  file: string;
  /** A line start, and the end (exclusive): the start of the next range or the file's size. */
  start: number;
  end: number;
  encoding: Encoding;
  delimiter: string;
  maxRecordLength: number;
}

/**
 * Read the records of a byte range as bytes, numbering its lines from 1 (the caller knows
 * where it sits): UTF-8 or a single-byte code page, where every byte below 0x80 is the ASCII
 * character. Returns the line the next record would start on. Ranges begin at a line start,
 * not always at a record's: a range cut inside a quoted field is found out by the range
 * before it, which then ends inside an open quote. `afterRead`, told the bytes of the range
 * read so far and the bytes just read (valid only during the call) after each read, returns
 * true to end the reading early (the caller has seen enough).
 */
export async function readCsvRange(
  range: CsvRange,
  onRecord: ByteRecordHandler,
  afterRead?: (bytes: number, read: Uint8Array) => boolean,
  /** A reader of the chunks that hands the records it does not read itself to `scanner` (load/deal-fused.ts); the scanner alone without it. */
  around?: (scanner: ByteCsvScanner) => ChunkReader,
): Promise<number> {
  const records = new ByteCsvScanner(
    { file: range.file, delimiter: range.delimiter.charCodeAt(0), maxRecordLength: range.maxRecordLength },
    onRecord,
  );
  const scanner: ChunkReader = around ? around(records) : records;
  const handle = await open(range.path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(RANGE_CHUNK);
    for (let at = range.start; at < range.end;) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(RANGE_CHUNK, range.end - at), at);
      if (bytesRead === 0) break;
      at += bytesRead;
      const read = buffer.subarray(0, bytesRead);
      scanner.push(read);
      if (afterRead?.(at - range.start, read)) return scanner.currentLine;
    }
  } finally {
    await handle.close();
  }
  scanner.end();
  return scanner.currentLine;
}

/** What reads a range's chunks in turn: `ByteCsvScanner`, or a reader around one. */
export interface ChunkReader {
  push(chunk: Uint8Array): void;
  end(): void;
  readonly currentLine: number;
}

/** A range's reads: large enough that a read's cost is nothing beside scanning it, small enough to stay in cache. */
const RANGE_CHUNK = 256 * 1024;
