import { dayNumber, daysInMonth } from './dates.js';
import { MAX_DECIMALS, type DecimalMark, type ParsedAmount } from './numbers.js';

/**
 * Amounts and dates read straight from a field's bytes, for the shapes almost every row of
 * an export has. Each reader accepts exactly what the first fast paths of `readAmount` and
 * `readDate` accept, with the same value, and declines everything else; a declined value is
 * then read from its text by those functions, so nothing is read two ways
 * (test/normalize/byte-values.test.ts compares them on random values).
 */

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * `123`, `-123`, `123.45`, `1 234 567,89` (groups of three after a space, U+00A0 or U+202F)
 * under the column's mark. `units` maps a single-byte code page's high bytes; null is UTF-8.
 */
export function amountFromBytes(
  bytes: Uint8Array,
  start: number,
  end: number,
  units: Uint16Array | null,
  mark: DecimalMark | null,
  out: ParsedAmount,
): boolean {
  out.currency = '';
  out.proves = null;
  out.rounded = false;
  return plain(bytes, start, end, mark, out) || spaceGrouped(bytes, start, end, units, mark, out);
}

/** As `fastPlain` in numbers.ts: ASCII only, so a byte is a character. */
function plain(bytes: Uint8Array, start: number, end: number, mark: DecimalMark | null, out: ParsedAmount): boolean {
  const n = end - start;
  if (n === 0 || n > 22) return false;
  let i = start;
  let negative = false;
  if (bytes[start] === 45) {
    negative = true;
    i++;
  }
  const intStart = i;
  while (i < end && isDigit(bytes[i] as number)) i++;
  const intEnd = i;
  if (intEnd === intStart || intEnd - intStart > 15) return false;
  let micro = 0;
  if (i < end) {
    const c = bytes[i];
    const sep: DecimalMark | null = c === 46 ? '.' : c === 44 ? ',' : null;
    if (sep === null) return false;
    const fracLen = end - i - 1;
    if (fracLen === 0 || fracLen > MAX_DECIMALS || (fracLen === 3 && mark !== sep)) return false;
    if (mark !== null && mark !== sep) return false;
    for (let k = i + 1; k < end; k++) {
      const d = bytes[k] as number;
      if (!isDigit(d)) return false;
      micro = micro * 10 + (d - 48);
    }
    for (let k = fracLen; k < MAX_DECIMALS; k++) micro *= 10;
    out.proves = intEnd - intStart > 3 || fracLen !== 3 ? sep : null;
  }
  let whole = 0;
  for (let k = intStart; k < intEnd; k++) whole = whole * 10 + ((bytes[k] as number) - 48);
  out.whole = negative ? -whole : whole;
  out.micro = negative ? -micro : micro;
  return true;
}

/** The code unit of the character at `bytes[i]` and its length in bytes (packed as unit * 4 + length), or -1 for one no amount holds. */
function unitAt(bytes: Uint8Array, i: number, end: number, units: Uint16Array | null): number {
  const b = bytes[i] as number;
  if (b < 0x80) return b * 4 + 1;
  if (units !== null) return (units[b] as number) * 4 + 1;
  // UTF-8: only the two no-break spaces can stand in an amount read here.
  if (b === 0xc2 && i + 1 < end && bytes[i + 1] === 0xa0) return 0xa0 * 4 + 2;
  if (b === 0xe2 && i + 2 < end && bytes[i + 1] === 0x80 && bytes[i + 2] === 0xaf) return 0x202f * 4 + 3;
  return -1;
}

/** As `fastSpaceGrouped` in numbers.ts, counting characters rather than bytes. */
function spaceGrouped(
  bytes: Uint8Array,
  start: number,
  end: number,
  units: Uint16Array | null,
  mark: DecimalMark | null,
  out: ParsedAmount,
): boolean {
  let n = 0;
  for (let i = start; i < end; i++) if (units !== null || ((bytes[i] as number) & 0xc0) !== 0x80) n++;
  if (n < 5 || n > 30) return false;
  let whole = 0;
  let groupDigits = 0;
  let groups = 0;
  let i = start;
  let chars = 0;
  while (i < end) {
    const packed = unitAt(bytes, i, end, units);
    if (packed < 0) return false;
    const c = packed >> 2;
    if (isDigit(c)) {
      whole = whole * 10 + (c - 48);
      groupDigits++;
    } else if (c === 32 || c === 0xa0 || c === 0x202f) {
      if ((groups === 0 ? groupDigits < 1 || groupDigits > 3 : groupDigits !== 3) || chars + 1 >= n) return false;
      groups++;
      groupDigits = 0;
    } else {
      break;
    }
    i += packed & 3;
    chars++;
  }
  if (groups === 0 || groupDigits !== 3 || whole > Number.MAX_SAFE_INTEGER / 1e6) return false;
  let micro = 0;
  if (i < end) {
    const sep = bytes[i];
    if (sep !== 44 && sep !== 46) return false;
    if (mark !== null && mark !== (sep === 44 ? ',' : '.')) return false;
    const fracLen = end - i - 1;
    if (fracLen === 0 || fracLen > MAX_DECIMALS) return false;
    for (let k = i + 1; k < end; k++) {
      const d = bytes[k] as number;
      if (!isDigit(d)) return false;
      micro = micro * 10 + (d - 48);
    }
    for (let k = fracLen; k < MAX_DECIMALS; k++) micro *= 10;
    out.proves = sep === 44 ? ',' : '.';
  }
  out.whole = whole;
  out.micro = micro;
  return true;
}

/**
 * `yyyy-mm-dd` or `dd.mm.yyyy` alone, ten ASCII bytes, as a day number; -1 for anything else
 * (with a time, or another shape: read from its text).
 */
export function dayFromBytes(bytes: Uint8Array, start: number, end: number): number {
  if (end - start !== 10) return -1;
  let year: number;
  let month: number;
  let day: number;
  if (bytes[start + 4] === 45 && bytes[start + 7] === 45) {
    year = digits(bytes, start, 4);
    month = digits(bytes, start + 5, 2);
    day = digits(bytes, start + 8, 2);
  } else if (bytes[start + 2] === 46 && bytes[start + 5] === 46) {
    day = digits(bytes, start, 2);
    month = digits(bytes, start + 3, 2);
    year = digits(bytes, start + 6, 4);
  } else {
    return -1;
  }
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return -1;
  return dayNumber(year, month, day);
}

/** The number `count` digits from `at` spell, or -1 when one is not a digit. */
function digits(bytes: Uint8Array, at: number, count: number): number {
  let v = 0;
  for (let k = at; k < at + count; k++) {
    const d = (bytes[k] as number) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}
