import { says } from '../codes/error-fields.js';
import { FolioError } from '../folio-error.js';

// The errors of a CSV record, alike whether it was read from text or from bytes.

export function unterminatedQuote(file: string, line: number, column: number): FolioError {
  return new FolioError({
    code: 'UNTERMINATED_QUOTE',
    file,
    line,
    column,
    says: says('UNTERMINATED_QUOTE', {}),
  });
}

/**
 * `backslash`: the quote taken for the closing one follows a backslash, as a database dump
 * writes a quote inside a quoted field (`\"`): the hint then names `--escape backslash`.
 */
export function textAfterQuote(
  file: string,
  line: number,
  column: number,
  value: string,
  backslash: boolean,
): FolioError {
  return new FolioError({
    code: 'TEXT_AFTER_QUOTE',
    file,
    line,
    column,
    value,
    says: says('TEXT_AFTER_QUOTE', { backslash }),
  });
}

/** A record over `limit` (worded, e.g. `1 MiB`): an unterminated quote when one is open (`openQuoteLine` > 0), else not a CSV line at all. */
export function recordTooLong(file: string, line: number, openQuoteLine: number, limit: string): FolioError {
  if (openQuoteLine > 0) {
    return new FolioError({
      code: 'UNTERMINATED_QUOTE',
      file,
      line: openQuoteLine,
      says: says('UNTERMINATED_QUOTE_LIMIT', { limit }),
    });
  }
  return new FolioError({
    code: 'RECORD_TOO_LONG',
    file,
    line,
    says: says('RECORD_TOO_LONG', { limit }),
  });
}

/** A limit in binary units: `1 MiB`, `64 KiB`, or `N <unit>` below a KiB. */
export function formatLimit(n: number, unit: string): string {
  return n >= 1024 * 1024
    ? `${(n / 1024 / 1024).toFixed(0)} MiB`
    : n >= 1024
      ? `${(n / 1024).toFixed(0)} KiB`
      : `${n} ${unit}`;
}
