/**
 * How a CSV file escapes a quote inside a quoted field: `double` (RFC 4180, `""`, what
 * spreadsheets and CRMs write) or `backslash` (database dumps: MySQL's `SELECT … INTO
 * OUTFILE`, PostgreSQL's text COPY and the tools built on them write `\"`, `\\`, and `\N`
 * for NULL).
 */
export type Escape = 'double' | 'backslash';

export const ESCAPES: readonly Escape[] = ['double', 'backslash'];

const QUOTE = 34;
const BACKSLASH = 92;
const LF = 10;
const CR = 13;

/** A byte that can end a field under one of the delimiters folio knows. */
const ENDS_FIELD = new Set([44, 59, 9, 124, LF, CR]);

/** `\N` alone in a cell, between delimiters or line ends: a database's NULL. */
const NULL_CELL = /(?:^|[,;\t|])\\N(?=[,;\t|\r\n]|$)/m;

/**
 * Tell the escaping from a sample of the text. Backslash escaping is taken when a `\"`
 * breaks a record as RFC 4180 reads it (text after what would be the closing quote, or a
 * quote never closed) and reading `\` as an escape breaks none; or when cells hold `\N` and
 * backslash escaping reads the sample no worse. Anything else is RFC 4180: `"C:\dir\"` is a
 * value ending in a backslash there, and stays one. The delimiter is not known yet, so any
 * of `,` `;` tab `|` ends a field here.
 */
export function sniffEscape(sample: string, complete: boolean): Escape {
  if (!sample.includes('\\')) return 'double';
  const nulls = NULL_CELL.test(sample);
  const rfc = breaks(sample, complete, false);
  if (rfc === 0 && !nulls) return 'double';
  const escaped = breaks(sample, complete, true);
  if (rfc > 0 && escaped === 0 && sample.includes('\\"')) return 'backslash';
  return nulls && escaped <= rfc ? 'backslash' : 'double';
}

/** Quoted fields the sample breaks under one escaping: text after a closing quote, or a quote left open at the end. */
function breaks(sample: string, complete: boolean, backslash: boolean): number {
  const n = sample.length;
  let count = 0;
  let atFieldStart = true;
  for (let i = 0; i < n; i++) {
    const c = sample.charCodeAt(i);
    if (backslash && c === BACKSLASH) {
      i++;
      atFieldStart = false;
      continue;
    }
    if (c === QUOTE && atFieldStart) {
      let j = i + 1;
      let closed = -1;
      while (j < n) {
        const q = sample.charCodeAt(j);
        if (backslash && q === BACKSLASH) j += 2;
        else if (q !== QUOTE) j++;
        else if (sample.charCodeAt(j + 1) === QUOTE) j += 2;
        else {
          closed = j;
          break;
        }
      }
      if (closed === -1) return complete ? count + 1 : count;
      const after = sample.charCodeAt(closed + 1);
      if (closed + 1 < n && !ENDS_FIELD.has(after)) count++;
      i = closed;
      atFieldStart = false;
      continue;
    }
    atFieldStart = ENDS_FIELD.has(c);
  }
  return count;
}
