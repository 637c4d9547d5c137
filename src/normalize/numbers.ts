import { cell, type CellText } from '../codes/error-fields.js';
import type { Amount } from './money.js';
/**
 * Amounts as CRM exports write them: `1234.5`, `1,234.5`, `1 234,5` (space, U+00A0 or
 * U+202F between groups), `1.234,5`, `1'234.5`, `-5`, `(5)`, with a currency symbol or
 * code before or after. Values are exact: whole units plus millionths, never a float.
 *
 * The decimal mark is a property of the column. A value such as `1,234` reads as 1234 or
 * as 1.234 depending on it, so it is "ambiguous" until another value in the column
 * (`1,5` or `1,234.50`) settles the convention; a value that contradicts the settled
 * convention is an error, never a guess.
 *
 * More than 6 decimals with at most 17 significant digits is a binary float printed in full
 * (`22.200000000000003`): it is rounded half-even to 6 decimals from its digits, and the
 * value says so (`rounded`) for the column's warning.
 */

export type DecimalMark = '.' | ',';

export const enum NumberRead {
  Ok,
  Empty,
  /** Readable only once the column's decimal mark is known. */
  Ambiguous,
  Invalid,
}

/** The last value read; reused to keep the hot loop free of allocations. */
export interface ParsedAmount {
  /** Whole units, signed. */
  whole: number;
  /** Millionths of a unit, signed like `whole`, |micro| < 1e6. */
  micro: number;
  /** ISO code of a currency written with the value, or ''. */
  currency: string;
  /** The decimal mark this value proved, or null when it fits either. */
  proves: DecimalMark | null;
  /** Why the value is invalid (when read returns Invalid), as id and fields: the catalog words it. */
  cause: CellText;
  /** The value had more than 6 decimals (a binary float printed in full) and was rounded to 6. */
  rounded: boolean;
}

export const MAX_DECIMALS = 6;
/**
 * A binary double printed in full (`String(x)` in JavaScript, `repr` in Python, pandas'
 * `to_csv`) has at most 17 significant digits; longer text was not written by a float.
 */
export const MAX_FLOAT_DIGITS = 17;

const CURRENCY_TOKENS: [string, string][] = [
  ['руб.', 'RUB'],
  ['руб', 'RUB'],
  ['р.', 'RUB'],
  ['₽', 'RUB'],
  ['rub', 'RUB'],
  ['rur', 'RUB'],
  ['us$', 'USD'],
  ['$', 'USD'],
  ['usd', 'USD'],
  ['€', 'EUR'],
  ['eur', 'EUR'],
  ['£', 'GBP'],
  ['gbp', 'GBP'],
  ['₸', 'KZT'],
  ['kzt', 'KZT'],
  ['₴', 'UAH'],
  ['uah', 'UAH'],
  ['byn', 'BYN'],
  ['cny', 'CNY'],
  ['¥', 'CNY'],
  ['chf', 'CHF'],
];

/** Normalise a currency code or symbol written in a currency column; '' if unknown. */
export function currencyCode(text: string): string {
  const t = text.trim().toLowerCase();
  if (t === '') return '';
  for (const [token, code] of CURRENCY_TOKENS) if (t === token) return code;
  return /^[a-z]{3}$/.test(t) ? t.toUpperCase() : t;
}

const isSpace = (c: number): boolean => c === 32 || c === 0xa0 || c === 0x202f || c === 9;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Read one amount under the column's decimal mark (null while unknown) into `out`: the plain
 * forms most rows have first, then any other (sign and brackets, currency, separators).
 */
export function readAmount(raw: string, mark: DecimalMark | null, out: ParsedAmount): NumberRead {
  out.currency = '';
  out.proves = null;
  out.rounded = false;
  if (fastPlain(raw, mark, out)) return NumberRead.Ok;
  if (fastSpaceGrouped(raw, mark, out)) return NumberRead.Ok;

  let start = 0;
  let end = raw.length;
  while (start < end && isSpace(raw.charCodeAt(start))) start++;
  while (end > start && isSpace(raw.charCodeAt(end - 1))) end--;
  if (start === end) return NumberRead.Empty;

  const signed = unsigned(stripCurrency(raw.slice(start, end), out), out);
  if (typeof signed === 'number') return signed;
  const { s, negative } = signed;
  if (s === '') return invalid(out, cell('NO_DIGITS', {}));
  const seps = separatorsOf(s);
  if (seps === null) return invalid(out, cell('NOT_A_NUMBER', {}));
  const told = decimalOf(s, seps, mark);
  if (told === null) return NumberRead.Ambiguous;
  const { decimal, proves } = told;
  if (proves !== null && mark !== null && proves !== mark) {
    return invalid(out, cell('WRONG_DECIMAL_MARK', { column: mark }));
  }
  out.proves = proves;

  const decimalAt = decimal === null ? -1 : s.lastIndexOf(decimal);
  const intText = decimalAt === -1 ? s : s.slice(0, decimalAt);
  const fracText = decimalAt === -1 ? '' : s.slice(decimalAt + 1);
  if (!/^\d*$/.test(fracText)) return invalid(out, cell('MISPLACED_SEPARATOR', {}));
  const groups = intText.split(/[\s,.'\u2019\u00a0\u202f]/);
  if (groups.length > 1) {
    const [first, ...rest] = groups;
    if (!first || first.length > 3 || rest.some((g) => g.length !== 3)) return invalid(out, cell('DIGIT_GROUPS', {}));
  }
  const intDigits = groups.join('');
  if (intDigits === '' && fracText === '') return invalid(out, cell('NO_DIGITS', {}));
  return finish(intDigits, fracText, negative, out);
}

/** The amount without its sign: `(12)` and `-12` are negative, `+12` is not; two signs are invalid. */
function unsigned(text: string, out: ParsedAmount): { s: string; negative: boolean } | NumberRead {
  let s = text;
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = stripCurrency(s.slice(1, -1).trim(), out);
  }
  const c0 = s.charCodeAt(0);
  if (c0 === 45 || c0 === 0x2212) {
    if (negative) return invalid(out, cell('TWO_SIGNS', {}));
    negative = true;
    s = stripCurrency(s.slice(1).trim(), out);
  } else if (c0 === 43) {
    s = s.slice(1).trim();
  }
  return { s, negative };
}

/** The separators of an unsigned amount: how many commas, dots and group spaces, and where the last comma and dot are. */
interface Separators {
  commas: number;
  dots: number;
  spaces: number;
  lastComma: number;
  lastDot: number;
}

/** Null when a character is neither a digit nor a separator. */
function separatorsOf(s: string): Separators | null {
  const seps: Separators = { commas: 0, dots: 0, spaces: 0, lastComma: -1, lastDot: -1 };
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) continue;
    if (c === 44) {
      seps.commas++;
      seps.lastComma = i;
    } else if (c === 46) {
      seps.dots++;
      seps.lastDot = i;
    } else if (isSpace(c) || c === 39 || c === 0x2019) {
      seps.spaces++;
    } else {
      return null;
    }
  }
  return seps;
}

/**
 * Which separator is the decimal mark (null: none), and which mark the value proves the column
 * uses (null: it proves none). Null when one separator could be either and the column's mark
 * is not known yet (`1,234`).
 */
function decimalOf(
  s: string,
  { commas, dots, spaces, lastComma, lastDot }: Separators,
  mark: DecimalMark | null,
): { decimal: DecimalMark | null; proves: DecimalMark | null } | null {
  if (commas > 0 && dots > 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    return { decimal, proves: decimal };
  }
  if (commas > 1) return { decimal: null, proves: '.' };
  if (dots > 1) return { decimal: null, proves: ',' };
  if (commas === 1 || dots === 1) {
    const sep = commas === 1 ? ',' : '.';
    const at = commas === 1 ? lastComma : lastDot;
    const after = s.length - at - 1;
    const before = s.slice(0, at);
    const looksGrouped = after === 3 && /^[1-9]\d{0,2}$/.test(before);
    // With space groups, or without three digits after it, the mark can only be decimal.
    if (spaces > 0 || !looksGrouped) return { decimal: sep, proves: sep };
    if (mark === null) return null;
    return { decimal: mark === sep ? sep : null, proves: null };
  }
  return { decimal: null, proves: null };
}

/** Plain `123`, `-123`, `123.45` or `123,45` (when the mark allows): most rows of most files. */
function fastPlain(raw: string, mark: DecimalMark | null, out: ParsedAmount): boolean {
  const n = raw.length;
  if (n === 0 || n > 22) return false;
  let i = 0;
  let negative = false;
  if (raw.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  const intStart = i;
  while (i < n && isDigit(raw.charCodeAt(i))) i++;
  const intEnd = i;
  if (intEnd === intStart || intEnd - intStart > 15) return false;
  let micro = 0;
  if (i < n) {
    const c = raw.charCodeAt(i);
    const sep: DecimalMark = c === 46 ? '.' : c === 44 ? ',' : (null as unknown as DecimalMark);
    if (sep === null) return false;
    const fracLen = n - i - 1;
    // Exactly three digits after one mark may be a group: leave that to the slow path.
    if (fracLen === 0 || fracLen > MAX_DECIMALS || (fracLen === 3 && mark !== sep)) return false;
    if (mark !== null && mark !== sep) return false;
    for (let k = i + 1; k < n; k++) {
      const d = raw.charCodeAt(k);
      if (!isDigit(d)) return false;
      micro = micro * 10 + (d - 48);
    }
    for (let k = fracLen; k < MAX_DECIMALS; k++) micro *= 10;
    out.proves = intEnd - intStart > 3 || fracLen !== 3 ? sep : null;
  }
  let whole = 0;
  for (let k = intStart; k < intEnd; k++) whole = whole * 10 + (raw.charCodeAt(k) - 48);
  out.whole = negative ? -whole : whole;
  out.micro = negative ? -micro : micro;
  return true;
}

/**
 * `1 234 567,89` with a space, U+00A0 or U+202F between groups of three, and no sign or
 * currency: Russian exports write every amount this way. Space groups leave only one
 * reading of the mark after them, so the value proves the column's decimal mark.
 */
function fastSpaceGrouped(raw: string, mark: DecimalMark | null, out: ParsedAmount): boolean {
  const n = raw.length;
  if (n < 5 || n > 30) return false;
  let whole = 0;
  let i = 0;
  let groupDigits = 0;
  let groups = 0;
  for (; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (isDigit(c)) {
      whole = whole * 10 + (c - 48);
      groupDigits++;
      continue;
    }
    if (c === 32 || c === 0xa0 || c === 0x202f) {
      if ((groups === 0 ? groupDigits < 1 || groupDigits > 3 : groupDigits !== 3) || i + 1 >= n) return false;
      groups++;
      groupDigits = 0;
      continue;
    }
    break;
  }
  if (groups === 0 || groupDigits !== 3 || whole > Number.MAX_SAFE_INTEGER / 1e6) return false;
  let micro = 0;
  if (i < n) {
    const sep = raw.charCodeAt(i);
    if (sep !== 44 && sep !== 46) return false;
    // A mark that contradicts the column is an error, reported by the full reader.
    if (mark !== null && mark !== (sep === 44 ? ',' : '.')) return false;
    const fracLen = n - i - 1;
    if (fracLen === 0 || fracLen > MAX_DECIMALS) return false;
    for (let k = i + 1; k < n; k++) {
      const d = raw.charCodeAt(k);
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

function finish(intDigits: string, fracText: string, negative: boolean, out: ParsedAmount): NumberRead {
  const trimmedInt = intDigits.replace(/^0+(?=\d)/, '');
  if (trimmedInt.length > 15) return invalid(out, cell('TOO_LARGE', {}));
  const frac = fracText.replace(/0+$/, '');
  let whole = trimmedInt === '' ? 0 : Number(trimmedInt);
  let micro: number;
  if (frac.length <= MAX_DECIMALS) {
    micro = frac === '' ? 0 : Number(frac.padEnd(MAX_DECIMALS, '0'));
  } else {
    const significant = (whole === 0 ? frac.replace(/^0+/, '') : trimmedInt + frac).length;
    if (significant > MAX_FLOAT_DIGITS) {
      return invalid(out, cell('TOO_PRECISE', { decimals: MAX_DECIMALS, digits: MAX_FLOAT_DIGITS }));
    }
    micro = Number(frac.slice(0, MAX_DECIMALS));
    if (roundsUp(micro, frac.slice(MAX_DECIMALS))) micro++;
    if (micro === 1_000_000) {
      whole++;
      micro = 0;
    }
    out.rounded = true;
  }
  out.whole = negative ? -whole : whole;
  out.micro = negative ? -micro : micro;
  return NumberRead.Ok;
}

/**
 * Half-even rounding decided on the digits cut off (`rest`, no trailing zeros), so that
 * `1919.1399999999999` is 1919.14 exactly: float arithmetic would bring the error back.
 */
function roundsUp(kept: number, rest: string): boolean {
  const first = rest.charCodeAt(0) - 48;
  if (first !== 5) return first > 5;
  return rest.length > 1 || kept % 2 === 1;
}

function stripCurrency(s: string, out: ParsedAmount): string {
  const lower = s.toLowerCase();
  for (const [token, code] of CURRENCY_TOKENS) {
    if (lower.startsWith(token)) {
      out.currency = code;
      return s.slice(token.length).trim();
    }
    if (lower.endsWith(token)) {
      out.currency = code;
      return s.slice(0, s.length - token.length).trim();
    }
  }
  return s;
}

function invalid(out: ParsedAmount, cause: CellText): NumberRead {
  out.cause = cause;
  return NumberRead.Invalid;
}

const NO_CAUSE = cell('NOT_A_NUMBER', {});

export function newParsedAmount(): ParsedAmount {
  return { whole: 0, micro: 0, currency: '', proves: null, cause: NO_CAUSE, rounded: false };
}

/**
 * An amount typed by a person (a flag, a setting): `100000`, `250000.50`, `1 000 000,50`.
 * A comma is the decimal mark when it is the only mark and not followed by exactly three
 * digits (`1,500` is fifteen hundred). Null for anything else, or a negative amount.
 */
export function amountFromText(text: string): Amount | null {
  const out = newParsedAmount();
  const mark: DecimalMark = text.includes(',') && !text.includes('.') && !/,\d{3}$/.test(text) ? ',' : '.';
  if (readAmount(text, mark, out) !== NumberRead.Ok || out.whole < 0 || out.micro < 0) return null;
  return { whole: out.whole, micro: out.micro };
}
