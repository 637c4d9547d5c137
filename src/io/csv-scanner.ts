import { formatLimit, recordTooLong, textAfterQuote, unterminatedQuote } from './csv-errors.js';
import type { CellKinds } from './cells.js';
import type { Escape } from './sniff-escape.js';

/**
 * Called once per record. `fields` is reused for the next record: copy what you keep.
 * `line` is the 1-based line the record starts on (a sheet's row number). An empty line is
 * a record of no fields, so that readers can count it. `kinds`, given by the typed formats
 * (workbooks, Parquet) and reused like `fields`, tells which cells were typed numbers; CSV
 * gives none.
 */
export type RecordHandler = (fields: string[], line: number, kinds?: CellKinds) => void;

export interface ScannerOptions {
  file: string;
  delimiter: string;
  /** Longest record, in characters, before the input is declared broken. */
  maxRecordLength: number;
  /** Line number of the first line of text (2 when a `sep=` line was taken off). */
  firstLine?: number;
  /** How a quote inside a quoted field is escaped: `""` (the default) or `\"` (database dumps). */
  escape?: Escape;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const BACKSLASH = 92;
/** `N`: `\N` alone in a cell is a database's NULL. */
const NULL_LETTER = 78;

/**
 * A streaming RFC 4180 reader over decoded text: quoted fields with delimiters, doubled
 * quotes and line breaks; LF, CRLF or CR line ends; an empty line is a record of no fields. Text arrives in
 * chunks of any size; a record cut by a chunk end waits for the next chunk.
 *
 * This is folio's hot path (see bench/), so it walks char codes and slices fields out of
 * the chunk instead of building them character by character.
 */
export class CsvScanner {
  private rest = '';
  /** Line on which `rest` starts. */
  private line: number;
  private readonly fields: string[] = [];
  private readonly delim: number;
  /** Set when the last incomplete record stopped inside a quoted field. */
  private openQuoteLine = 0;
  /** Backslash escapes (`\"`, `\\`, `\N`): read by `scanEscaped`, apart from the RFC 4180 hot path. */
  private readonly backslash: boolean;

  constructor(
    private readonly options: ScannerOptions,
    private readonly onRecord: RecordHandler,
  ) {
    if (options.delimiter.length !== 1) throw new Error('delimiter must be one character');
    this.delim = options.delimiter.charCodeAt(0);
    this.line = options.firstLine ?? 1;
    this.backslash = options.escape === 'backslash';
  }

  /** Lines started so far (for progress and error messages). */
  get currentLine(): number {
    return this.line;
  }

  /** The line the end of the text pushed so far is on (where the next text begins). */
  get lineAtEnd(): number {
    return this.line + countLineBreaks(this.rest, 0, this.rest.length);
  }

  push(text: string): void {
    const input = this.rest.length > 0 ? this.rest + text : text;
    const used = this.backslash ? this.scanEscaped(input, false) : this.scan(input, false);
    this.rest = used < input.length ? input.slice(used) : '';
    if (this.rest.length > this.options.maxRecordLength) this.tooLong();
  }

  end(): void {
    if (this.rest.length > 0) {
      if (this.backslash) this.scanEscaped(this.rest, true);
      else this.scan(this.rest, true);
    }
    this.rest = '';
  }

  private tooLong(): never {
    return this.tooLongAt(this.line, this.openQuoteLine);
  }

  /** A record over the limit: an unterminated quote when one is open, else not a CSV line at all. */
  private tooLongAt(line: number, openQuoteLine: number): never {
    throw recordTooLong(
      this.options.file,
      line,
      openQuoteLine,
      formatLimit(this.options.maxRecordLength, 'characters'),
    );
  }

  /**
   * Scan complete records from `text`; return the index of the first unconsumed char. One
   * function on purpose, like the byte scanner's loop: it runs for every character of every
   * CSV text, and its states (in quotes, field start, record start) are locals that parts
   * split off would have to pass back and forth on each character.
   */
  private scan(text: string, final: boolean): number {
    const n = text.length;
    const delim = this.delim;
    const fields = this.fields;
    let pos = 0;
    let line = this.line;
    this.openQuoteLine = 0;

    const delimChar = this.options.delimiter;
    // Positions of the next quote and CR at or after `pos`; n when there is none.
    let nextQuote = -1;
    let nextCR = -1;

    while (pos < n) {
      const recordStart = pos;
      const recordLine = line;

      // Fast path: a line with no quote and no lone CR is split with native indexOf.
      const lf = text.indexOf('\n', pos);
      if (lf !== -1) {
        if (nextQuote < pos) nextQuote = indexOrEnd(text, '"', pos, n);
        if (nextCR < pos) nextCR = indexOrEnd(text, '\r', pos, n);
        if (nextQuote > lf && (nextCR >= lf - 1 || nextCR > lf)) {
          const end = nextCR === lf - 1 ? lf - 1 : lf;
          if (end - recordStart > this.options.maxRecordLength) this.tooLongAt(recordLine, 0);
          pos = lf + 1;
          line++;
          this.line = line;
          // Fields are written in place and the length set only when it changes: setting an
          // array's length is a call into the runtime, once per row it showed in profiles.
          let count = 0;
          if (end !== recordStart) {
            let start = recordStart;
            for (let d = text.indexOf(delimChar, start); d !== -1 && d < end; d = text.indexOf(delimChar, start)) {
              fields[count++] = text.slice(start, d);
              start = d + 1;
            }
            fields[count++] = text.slice(start, end);
          }
          if (fields.length !== count) fields.length = count;
          this.onRecord(fields, recordLine);
          continue;
        }
      }

      fields.length = 0;
      let quotedAny = false;

      for (;;) {
        if (text.charCodeAt(pos) === QUOTE) {
          quotedAny = true;
          const quoteLine = line;
          let value = '';
          let segment = pos + 1;
          let i = segment;
          let closed = -1;
          for (;;) {
            const q = text.indexOf('"', i);
            if (q === -1 || (q + 1 === n && !final)) break;
            if (text.charCodeAt(q + 1) === QUOTE) {
              value += text.slice(segment, q + 1);
              i = q + 2;
              segment = i;
              continue;
            }
            closed = q;
            break;
          }
          if (closed === -1) {
            if (!final) {
              this.line = recordLine;
              this.openQuoteLine = quoteLine;
              return recordStart;
            }
            throw unterminatedQuote(this.options.file, quoteLine, fields.length + 1);
          }
          value += text.slice(segment, closed);
          line += countLineBreaks(text, pos + 1, closed);
          fields.push(value);
          pos = closed + 1;
          const c = text.charCodeAt(pos);
          if (c === delim) {
            pos++;
            continue;
          }
          if (c === LF || c === CR || pos >= n) break;
          throw textAfterQuote(
            this.options.file,
            line,
            fields.length,
            text.slice(pos, Math.min(n, pos + 20)),
            text.charCodeAt(closed - 1) === BACKSLASH,
          );
        }

        let j = pos;
        let c = 0;
        while (j < n) {
          c = text.charCodeAt(j);
          if (c === delim || c === LF || c === CR) break;
          j++;
        }
        if (j === n && !final) {
          this.line = recordLine;
          return recordStart;
        }
        fields.push(text.slice(pos, j));
        pos = j;
        if (j < n && c === delim) {
          pos++;
          continue;
        }
        break;
      }

      // At a line end or the end of the text.
      if (pos < n) {
        if (text.charCodeAt(pos) === CR) {
          if (pos + 1 === n && !final) {
            // A CR at a chunk end may be the first half of CRLF.
            this.line = recordLine;
            return recordStart;
          }
          pos++;
          if (text.charCodeAt(pos) === LF) pos++;
        } else {
          pos++;
        }
        line++;
      }
      if (fields.length === 1 && !quotedAny && fields[0] === '') fields.length = 0;
      if (pos - recordStart > this.options.maxRecordLength) this.tooLongAt(recordLine, quotedAny ? recordLine : 0);
      this.line = line;
      this.onRecord(fields, recordLine);
    }
    this.line = line;
    return n;
  }

  /**
   * `scan` for a backslash-escaped file (a database dump): in a quoted field `\"` is a quote
   * and `""` one too; anywhere `\` escapes the next character (`\\` a backslash, `\n` a line
   * feed, an escaped delimiter or line end is part of the value); a cell that is `\N` alone is
   * NULL, read as empty. Slower than the RFC 4180 path, and only such files take it. One
   * function for the reason `scan` is.
   */
  private scanEscaped(text: string, final: boolean): number {
    const n = text.length;
    const delim = this.delim;
    const fields = this.fields;
    let pos = 0;
    let line = this.line;
    this.openQuoteLine = 0;

    while (pos < n) {
      const recordStart = pos;
      const recordLine = line;
      fields.length = 0;
      let quotedAny = false;
      let rawEmpty = false;

      for (;;) {
        let value = '';
        if (text.charCodeAt(pos) === QUOTE) {
          quotedAny = true;
          const quoteLine = line;
          let i = pos + 1;
          let segment = i;
          let closed = -1;
          while (i < n) {
            const c = text.charCodeAt(i);
            if (c === BACKSLASH) {
              if (i + 1 >= n) break;
              const next = text.charCodeAt(i + 1);
              value += text.slice(segment, i) + unescaped(next);
              if (next === LF || (next === CR && text.charCodeAt(i + 2) !== LF)) line++;
              i += 2;
              segment = i;
            } else if (c === QUOTE) {
              if (i + 1 >= n && !final) break;
              if (text.charCodeAt(i + 1) !== QUOTE) {
                closed = i;
                break;
              }
              value += text.slice(segment, i + 1);
              i += 2;
              segment = i;
            } else {
              if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line++;
              i++;
            }
          }
          if (closed === -1) {
            if (!final) {
              this.line = recordLine;
              this.openQuoteLine = quoteLine;
              return recordStart;
            }
            throw unterminatedQuote(this.options.file, quoteLine, fields.length + 1);
          }
          fields.push(value + text.slice(segment, closed));
          pos = closed + 1;
          const c = text.charCodeAt(pos);
          if (c === delim) {
            pos++;
            continue;
          }
          if (c === LF || c === CR || pos >= n) break;
          throw textAfterQuote(this.options.file, line, fields.length, text.slice(pos, Math.min(n, pos + 20)), false);
        }

        let i = pos;
        let segment = pos;
        let c = 0;
        while (i < n) {
          c = text.charCodeAt(i);
          if (c === delim || c === LF || c === CR) break;
          if (c === BACKSLASH && i + 1 < n) {
            const next = text.charCodeAt(i + 1);
            value += text.slice(segment, i) + unescaped(next);
            if (next === LF || (next === CR && text.charCodeAt(i + 2) !== LF)) line++;
            i += 2;
            segment = i;
            continue;
          }
          // A backslash as the text's last character is taken as it is only at the end of the
          // input; before it, the record waits for more text like any record cut short.
          i++;
        }
        if (i >= n && !final) {
          this.line = recordLine;
          return recordStart;
        }
        const isNull = i - pos === 2 && text.charCodeAt(pos) === BACKSLASH && text.charCodeAt(pos + 1) === NULL_LETTER;
        rawEmpty = i === pos;
        fields.push(isNull ? '' : value + text.slice(segment, i));
        pos = i;
        if (i < n && c === delim) {
          pos++;
          continue;
        }
        break;
      }

      if (pos < n) {
        if (text.charCodeAt(pos) === CR) {
          if (pos + 1 === n && !final) {
            this.line = recordLine;
            return recordStart;
          }
          pos++;
          if (text.charCodeAt(pos) === LF) pos++;
        } else {
          pos++;
        }
        line++;
      }
      if (fields.length === 1 && !quotedAny && rawEmpty) fields.length = 0;
      if (pos - recordStart > this.options.maxRecordLength) this.tooLongAt(recordLine, quotedAny ? recordLine : 0);
      this.line = line;
      this.onRecord(fields, recordLine);
    }
    this.line = line;
    return n;
  }
}

/** The character a backslash escape stands for: `\n`, `\t`, `\r` a line feed, tab or CR, `\0` nothing (a NUL is dropped), any other itself. */
function unescaped(c: number): string {
  switch (c) {
    case 110:
      return '\n';
    case 116:
      return '\t';
    case 114:
      return '\r';
    case 48:
      return '';
    default:
      return String.fromCharCode(c);
  }
}

function indexOrEnd(text: string, char: string, from: number, n: number): number {
  const i = text.indexOf(char, from);
  return i === -1 ? n : i;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}
