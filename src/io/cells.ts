/**
 * Typed cells of workbooks and Parquet files, as the text the CSV readers take. A numeric
 * cell becomes a plain decimal with a point (`1234.5`) and is marked `NUMBER_CELL`, so the
 * amount reader takes it as it is instead of guessing its decimal mark; a date cell becomes
 * an ISO day (`2026-10-05`), which the date reader never reads two ways.
 */

/**
 * A range of merged cells of a sheet: rows as the record lines the reader hands on (1-based,
 * as Excel numbers them), columns 0-based as the fields of a record; both ends included.
 */
export interface MergedRange {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Per cell of a record: `NUMBER_CELL` where the cell was typed as a number, 0 for text. */
export type CellKinds = Uint8Array;
export const TEXT_CELL = 0;
export const NUMBER_CELL = 1;

/**
 * A stored double as the decimal it was typed as. Excel keeps and shows 15 significant
 * digits, so a double is cut to 15 (`0.30000000000000004`, the sum 0.1 + 0.2, is 0.3: what
 * the sheet shows). What is left over 6 decimals (`=1/3`) goes to the amount reader's
 * rounding rule and its FLOAT_AMOUNTS warning, as a CSV value would. `digits` is 7 for a
 * single-precision float.
 */
export function numberText(value: number, digits = 15): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return plainDecimal(value.toPrecision(digits));
}

/** `1.50000e-7` or `123.450` as a plain decimal without trailing zeros: `0.00000015`, `123.45`. */
function plainDecimal(text: string): string {
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  let out = text;
  if (m) {
    const sign = m[1] as string;
    const digits = `${m[2] as string}${m[3] ?? ''}`;
    const point = 1 + Number(m[4]);
    out =
      point <= 0
        ? `${sign}0.${'0'.repeat(-point)}${digits}`
        : point >= digits.length
          ? `${sign}${digits}${'0'.repeat(point - digits.length)}`
          : `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
  }
  if (out.includes('.')) out = out.replace(/0+$/, '').replace(/\.$/, '');
  return out === '-0' ? '0' : out;
}

/** A UTC instant as its calendar day, `2026-10-05`. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `AB12` → 28 (the 1-based column of a cell reference), 0 when the text is not one. */
export function columnOfRef(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n;
}

/** XML and HTML character references that every export writes, and numeric ones. */
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  laquo: '«',
  raquo: '»',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  euro: '€',
  copy: '©',
  reg: '®',
  deg: '°',
  numero: '№',
  shy: '\u00ad',
};

/** Replace `&amp;`, `&#1057;`, `&#x421;` and the named references above; others are left as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.charCodeAt(0) === 35) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}
