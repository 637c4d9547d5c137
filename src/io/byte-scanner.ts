import { formatLimit, recordTooLong, textAfterQuote, unterminatedQuote } from './csv-errors.js';

/**
 * One record as spans of the bytes it was read from. Everything in it is reused for the next
 * record: copy (or decode) what you keep.
 */
export interface ByteRecord {
  /** The bytes the fields point into; valid only during the call (reused/overwritten afterwards). */
  bytes: Uint8Array;
  /** Fields in this record (0 for an empty line). */
  count: number;
  /**
   * Field i is bytes[start[i], end[i]); for a quoted field, the span INSIDE the quotes (still
   * with doubled quotes in it). Typed arrays that grow as needed and are reused between records,
   * so they may be longer than `count`.
   */
  start: Int32Array;
  end: Int32Array;
  /** 0: unquoted; 1: quoted, no doubled quote inside (the span is the value); 2: quoted with doubled quotes (the value is the span with each "" read as "). */
  quoted: Uint8Array;
  /** 1-based line the record starts on. */
  line: number;
}

export type ByteRecordHandler = (record: ByteRecord) => void;

/** Turns a span of bytes into text in the file's encoding. */
export type ByteDecoder = (bytes: Uint8Array, start: number, end: number) => string;

export interface ByteScannerOptions {
  file: string;
  /** A byte < 0x80: only then is it the same character in every encoding this scanner reads. */
  delimiter: number;
  /**
   * Longest record before the input is declared broken. Counted in BYTES, not characters as
   * CsvScanner counts: a limit guards memory, and bytes are what is held. For ASCII text both
   * are the same number.
   */
  maxRecordLength: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

// Where the scan stands; kept across chunks so that a record cut by a chunk end is carried on
// from where it stopped rather than scanned again.
/** At the first byte of a field (a record's first field too). */
const FIELD = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** A quote was the chunk's last byte inside a quoted field: closing, or the first of "". */
const QUOTE_AT_END = 3;
/** Just past a closing quote: a delimiter or a line end must come. */
const AFTER_CLOSE = 4;
/** A CR ending a record was the chunk's last byte: an LF may still follow it. */
const CR_AT_END = 5;

/** How a record ended, which decides how CsvScanner measures it against the limit. */
const END_NONE = 0;
const END_LF = 1;
const END_CRLF = 2;
const END_CR = 3;

const utf8 = new TextDecoder('utf-8');
const decodeUtf8: ByteDecoder = (bytes, start, end) => utf8.decode(bytes.subarray(start, end));

/**
 * A streaming RFC 4180 reader over raw bytes, reading records exactly as CsvScanner reads the
 * decoded text: quoted fields with delimiters, doubled quotes and line breaks; LF, CRLF or lone
 * CR line ends; an empty line is a record of no fields. It works for UTF-8 and ASCII-compatible
 * single-byte code pages, where a byte < 0x80 is always that ASCII character and never part of
 * another: delimiters, quotes, CR and LF are then found on the bytes, and no string is made.
 *
 * Fields are handed over as spans of the chunk itself. Only the bytes of a record cut by a
 * chunk end are copied, into `tail`, since the caller may reuse the chunk's memory once
 * `push` returns; the next chunk carries that record on from the state it stopped in.
 */
export class ByteCsvScanner {
  private readonly delim: number;
  private readonly max: number;
  private readonly record: ByteRecord;

  /** Bytes of the record still open at the last chunk end, from its first byte. */
  private tail = new Uint8Array(1024);
  private tailLen = 0;

  private state = FIELD;
  /** Line the scan stands on. */
  private line: number;
  /** Line the open record started on. */
  private recordLine: number;
  private count = 0;
  /** Any field of the open record began with a quote. */
  private quotedAny = false;
  /** First byte of the open field, in `tail` (set when a record is left open). */
  private fieldStart = 0;
  /** 1 or 2 for the open quoted field, as ByteRecord.quoted. */
  private fieldQuoted = 1;
  private quoteLine = 0;
  /** In state QUOTE_AT_END, where that quote is in `tail`. */
  private quotePos = 0;
  /** A CR inside a quoted field was the chunk's last byte: it is a line break unless an LF follows. */
  private crInQuote = false;

  constructor(
    private readonly options: ByteScannerOptions,
    private readonly onRecord: ByteRecordHandler,
  ) {
    const d = options.delimiter;
    if (!Number.isInteger(d) || d < 0 || d >= 0x80 || d === QUOTE || d === LF || d === CR)
      throw new Error('delimiter must be an ASCII byte other than a quote or a line end');
    this.delim = d;
    this.max = options.maxRecordLength;
    // Lines count from 1 at the first byte given: a part's reader adds where the part begins.
    this.line = 1;
    this.recordLine = this.line;
    this.record = {
      bytes: this.tail,
      count: 0,
      start: new Int32Array(16),
      end: new Int32Array(16),
      quoted: new Uint8Array(16),
      line: 0,
    };
  }

  /** Lines started so far, as CsvScanner counts them: an open record counts from its first line. */
  get currentLine(): number {
    return this.tailLen > 0 ? this.recordLine : this.line;
  }

  /** A record is open: bytes of it were pushed, and its end has not been. */
  get open(): boolean {
    return this.tailLen > 0;
  }

  /**
   * Carry on at `line`, between records: another reader (load/deal-fused.ts) read the lines
   * before it and hands over the first one it leaves to this scanner.
   */
  resumeAt(line: number): void {
    if (this.tailLen > 0 || this.state !== FIELD) throw new Error('ByteCsvScanner: resumeAt inside a record');
    this.line = line;
    this.recordLine = line;
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    // A Buffer is a Uint8Array of another hidden class: viewing it as a plain one keeps the byte
    // reads below monomorphic, alike for chunks and `tail`.
    const bytes =
      chunk.constructor === Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
    this.scan(bytes);
  }

  end(): void {
    if (this.tailLen === 0) return;
    const n = this.tailLen;
    switch (this.state) {
      case QUOTED:
        this.unterminated();
        break;
      case FIELD:
        // After a delimiter at the very end: one more, empty, field.
        this.addField(n, n, 0);
        this.finish(this.tail, 0, n, END_NONE);
        break;
      case UNQUOTED:
        this.addField(this.fieldStart, n, 0);
        this.finish(this.tail, 0, n, END_NONE);
        break;
      case QUOTE_AT_END:
        // With nothing after it, the quote closes the field.
        this.addField(this.fieldStart, this.quotePos, this.fieldQuoted);
        this.finish(this.tail, 0, n, END_NONE);
        break;
      case CR_AT_END:
        this.finish(this.tail, 0, n, END_CR);
        break;
      default:
        // AFTER_CLOSE is left only with a byte after the quote in hand.
        throw new Error(`ByteCsvScanner: record left open in state ${this.state}`);
    }
    this.tailLen = 0;
  }

  /**
   * One chunk. Positions are kept in `tail`'s coordinates while a record begun in an earlier
   * chunk is open (`shift` = the bytes already in `tail`), so that once this chunk's part is
   * appended the spans are right; after that record, positions are the chunk's own.
   * One loop on purpose (about 230 lines): it is the hottest code of a large file, and the
   * state it carries (position, field start, quote state, line) would have to pass in and out
   * of each part on every byte if it were split; the states are the `case`s of one switch.
   */
  private scan(bytes: Uint8Array): void {
    const n = bytes.length;
    const delim = this.delim;
    // Bytes above both the delimiter and CR end no unquoted field; for a comma that is nearly
    // every letter and digit, so one comparison settles most bytes (a 256-byte table was slower).
    const high = delim > CR ? delim : CR;
    let shift = this.tailLen;
    let state = this.state;
    let line = this.line;
    let count = this.count;
    let fieldStart = this.fieldStart;
    let fieldQuoted = this.fieldQuoted;
    let quotedAny = this.quotedAny;
    let quoteLine = this.quoteLine;
    let recordStart = 0;
    let start = this.record.start;
    let end = this.record.end;
    let quoted = this.record.quoted;
    let pos = 0;
    // Set where a field stopped at LF or CR: the record ends there, in the way `ending` says.
    let lineEnd = -1;
    let ending = END_NONE;

    for (;;) {
      if (state === UNQUOTED) {
        // The hot loop: most fields of a CRM export are unquoted, so after a delimiter the next
        // field is read on here without going back through the state switch.
        let i = pos;
        for (;;) {
          let c = 0;
          while (i < n) {
            c = bytes[i] as number;
            if (c <= high && (c === delim || c === LF || c === CR)) break;
            i++;
          }
          if (i === n) break;
          if (count === start.length) {
            this.grow();
            start = this.record.start;
            end = this.record.end;
            quoted = this.record.quoted;
          }
          start[count] = fieldStart;
          end[count] = i + shift;
          quoted[count] = 0;
          count++;
          if (c !== delim) {
            lineEnd = i;
            break;
          }
          i++;
          if (i === n || bytes[i] === QUOTE) {
            state = FIELD;
            break;
          }
          fieldStart = i + shift;
        }
        pos = i;
        if (lineEnd < 0) {
          if (i === n) break;
          continue;
        }
      } else if (state === FIELD) {
        if (pos === n) break;
        if (bytes[pos] === QUOTE) {
          quotedAny = true;
          quoteLine = line;
          fieldQuoted = 1;
          pos++;
          fieldStart = pos + shift;
          state = QUOTED;
        } else {
          fieldStart = pos + shift;
          state = UNQUOTED;
        }
        continue;
      } else if (state === QUOTED) {
        if (this.crInQuote) {
          this.crInQuote = false;
          if (bytes[pos] !== LF) line++;
        }
        let i = pos;
        let closed = -1;
        for (; i < n; i++) {
          const c = bytes[i] as number;
          // Everything that matters here is at or below the quote's code.
          if (c > QUOTE) continue;
          if (c === QUOTE) {
            if (i + 1 === n) break;
            if (bytes[i + 1] === QUOTE) {
              fieldQuoted = 2;
              i++;
              continue;
            }
            closed = i;
            break;
          }
          if (c === LF) line++;
          else if (c === CR) {
            if (i + 1 === n) this.crInQuote = true;
            else if (bytes[i + 1] !== LF) line++;
          }
        }
        if (closed === -1) {
          if (i < n) {
            // The quote is this chunk's last byte.
            this.quotePos = i + shift;
            state = QUOTE_AT_END;
          }
          pos = n;
          break;
        }
        if (count === start.length) {
          this.grow();
          start = this.record.start;
          end = this.record.end;
          quoted = this.record.quoted;
        }
        start[count] = fieldStart;
        end[count] = closed + shift;
        quoted[count] = fieldQuoted;
        count++;
        pos = closed + 1;
        state = AFTER_CLOSE;
        continue;
      } else if (state === AFTER_CLOSE) {
        const c = bytes[pos] as number;
        if (c === delim) {
          pos++;
          state = FIELD;
          continue;
        }
        if (c !== LF && c !== CR) this.textAfterQuote(bytes, pos, line, count);
        lineEnd = pos;
      } else if (state === QUOTE_AT_END) {
        if (bytes[pos] === QUOTE) {
          fieldQuoted = 2;
          pos++;
          state = QUOTED;
          continue;
        }
        if (count === start.length) {
          this.grow();
          start = this.record.start;
          end = this.record.end;
          quoted = this.record.quoted;
        }
        start[count] = fieldStart;
        end[count] = this.quotePos;
        quoted[count] = fieldQuoted;
        count++;
        state = AFTER_CLOSE;
        continue;
      } else {
        // CR_AT_END: the record is complete; only whether an LF follows was open.
        if (bytes[pos] === LF) {
          pos++;
          ending = END_CRLF;
        } else {
          ending = END_CR;
        }
      }

      // A record ends here: at the line end at `lineEnd`, or (CR_AT_END) already at `pos`.
      if (lineEnd >= 0) {
        if (bytes[lineEnd] === LF) {
          pos = lineEnd + 1;
          ending = END_LF;
        } else if (lineEnd + 1 < n) {
          pos = lineEnd + 1;
          if (bytes[pos] === LF) {
            pos++;
            ending = END_CRLF;
          } else {
            ending = END_CR;
          }
        } else {
          // A CR at the chunk end may be the first half of CRLF.
          pos = n;
          lineEnd = -1;
          state = CR_AT_END;
          break;
        }
        lineEnd = -1;
      }
      this.count = count;
      this.quotedAny = quotedAny;
      this.line = line;
      let recordBytes = bytes;
      if (shift > 0) {
        this.append(bytes, pos);
        recordBytes = this.tail;
      }
      this.finish(recordBytes, recordStart, pos + shift, ending);
      line = this.line;
      shift = 0;
      this.tailLen = 0;
      recordStart = pos;
      count = 0;
      quotedAny = false;
      state = FIELD;
    }

    // The chunk ended inside the record begun at `recordStart` (or between records).
    this.state = state;
    this.line = line;
    this.count = count;
    this.fieldQuoted = fieldQuoted;
    this.quotedAny = quotedAny;
    this.quoteLine = quoteLine;
    if (shift > 0) {
      this.fieldStart = fieldStart;
      this.append(bytes, n);
    } else if (recordStart < n) {
      for (let k = 0; k < count; k++) {
        (start[k] as number) -= recordStart;
        (end[k] as number) -= recordStart;
      }
      this.fieldStart = fieldStart - recordStart;
      this.quotePos -= recordStart;
      this.tailLen = 0;
      this.append(bytes.subarray(recordStart, n), n - recordStart);
    } else {
      this.recordLine = line;
      return;
    }
    if (this.tailLen > this.max)
      this.tooLong(this.recordLine, state === QUOTED || state === QUOTE_AT_END ? quoteLine : 0);
  }

  /** Appends bytes[0, n) to `tail`, doubling it when it is too small. */
  private append(bytes: Uint8Array, n: number): void {
    const need = this.tailLen + n;
    if (need > this.tail.length) {
      let size = this.tail.length * 2;
      while (size < need) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(this.tail.subarray(0, this.tailLen));
      this.tail = grown;
    }
    this.tail.set(n === bytes.length ? bytes : bytes.subarray(0, n), this.tailLen);
    this.tailLen = need;
  }

  private addField(from: number, to: number, quoted: number): void {
    if (this.count === this.record.start.length) this.grow();
    this.record.start[this.count] = from;
    this.record.end[this.count] = to;
    this.record.quoted[this.count] = quoted;
    this.count++;
  }

  private grow(): void {
    const r = this.record;
    const size = r.start.length * 2;
    const start = new Int32Array(size);
    const end = new Int32Array(size);
    const quoted = new Uint8Array(size);
    start.set(r.start);
    end.set(r.end);
    quoted.set(r.quoted);
    r.start = start;
    r.end = end;
    r.quoted = quoted;
  }

  /**
   * Hands over the record held in bytes[from, to), `to` being just past its line end.
   * `this.count`, `this.quotedAny` and `this.line` are the record's; the line is advanced past
   * its line end.
   */
  private finish(bytes: Uint8Array, from: number, to: number, ending: number): void {
    const r = this.record;
    const recordLine = this.recordLine;
    let count = this.count;
    if (ending !== END_NONE) this.line++;
    // A record whose only field is empty and unquoted is an empty line.
    if (count === 1 && !this.quotedAny && r.start[0] === r.end[0]) count = 0;
    if (to - from > this.max) this.checkLength(bytes, from, to, ending, recordLine);
    r.bytes = bytes;
    r.count = count;
    r.line = recordLine;
    this.recordLine = this.line;
    this.count = 0;
    this.quotedAny = false;
    this.state = FIELD;
    this.onRecord(r);
  }

  /**
   * A record over the limit by its bytes with its line end. CsvScanner measures a record
   * without quotes that ends with LF or CRLF (its fast path) without the line end, and any
   * other with it; the same record is refused or not as it would be there.
   */
  private checkLength(bytes: Uint8Array, from: number, to: number, ending: number, recordLine: number): void {
    if ((ending === END_LF || ending === END_CRLF) && !this.quotedAny) {
      const body = to - (ending === END_LF ? 1 : 2);
      if (bytes.subarray(from, body).indexOf(QUOTE) === -1) {
        if (body - from > this.max) this.tooLong(recordLine, 0);
        return;
      }
    }
    this.tooLong(recordLine, this.quotedAny ? recordLine : 0);
  }

  private unterminated(): never {
    throw unterminatedQuote(this.options.file, this.quoteLine, this.count + 1);
  }

  private textAfterQuote(bytes: Uint8Array, pos: number, line: number, column: number): never {
    // CsvScanner quotes up to 20 characters; 80 bytes hold at least 20 in UTF-8. (A part of a
    // file in a code page that fails so is read again as text, which quotes it rightly.)
    const text = decodeUtf8(bytes, pos, Math.min(bytes.length, pos + 80));
    // Such an error only sends the file to the text reader, which words the hint; none is needed here.
    throw textAfterQuote(this.options.file, line, column, text.slice(0, 20), false);
  }

  /** A record over the limit: an unterminated quote when one is open, else not a CSV line at all. */
  private tooLong(line: number, openQuoteLine: number): never {
    throw recordTooLong(this.options.file, line, openQuoteLine, formatLimit(this.max, 'bytes'));
  }
}

/**
 * The text of field i as CsvScanner would give it: `decode(bytes)` turns a byte span into a
 * string in the file's encoding; doubled quotes of a quoted field are read as one. Decoding
 * the span alone gives what decoding the whole text gives there, since a span starts and ends
 * next to an ASCII byte (or the record's ends); a decoder that drops a BOM would drop one at a
 * field's start, so pass one that keeps it (`ignoreBOM: true`) and strip the file's own first.
 */
export function fieldText(record: ByteRecord, i: number, decode: ByteDecoder): string {
  if (i < 0 || i >= record.count) throw new RangeError(`field ${i} of a record of ${record.count}`);
  const text = decode(record.bytes, record.start[i] as number, record.end[i] as number);
  // A quote byte is never part of a longer character in these encodings, so "" in the bytes
  // is "" in the text.
  return record.quoted[i] === 2 ? text.replaceAll('""', '"') : text;
}
