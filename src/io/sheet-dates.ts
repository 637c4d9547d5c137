import { isoDay } from './cells.js';

/**
 * What makes a number cell of a workbook a date: its number format. Shared by the .xlsx and
 * the .xls readers, which both store a date as a serial number under a date format.
 */

/** Built-in number formats that show a date (ECMA-376 §18.8.30, and the East Asian ones). */
export const BUILTIN_DATE_FORMATS: ReadonlySet<number> = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58,
]);

/**
 * A custom format shows a date when, outside quoted text, escapes and `[...]` sections
 * (colours, conditions, locales), it has a day or a year part. A time alone (`h:mm`) is not
 * a day.
 */
export function isDateFormat(code: string): boolean {
  const bare =
    code
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, '')
      .replace(/\[[^\]]*\]/g, '')
      .split(';')[0] ?? '';
  return /[dy]/i.test(bare) && !/^[#0.,\s%]*$/.test(bare);
}

const DAY_MS = 86_400_000;
/** Serial 0 of each date system: 1899-12-30 (1900 system, past Excel's phantom 29 Feb 1900) and 1904-01-01. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** Serial numbers as calendar days, in one workbook's date system; each day formatted once. */
export class SerialDays {
  private readonly days = new Map<number, string>();

  constructor(private readonly date1904: boolean) {}

  /** A date cell's serial number as its calendar day; the time of day is dropped. */
  day(serial: number): string {
    const epoch = this.date1904 ? EPOCH_1904 : EPOCH_1900;
    // Before 1 March 1900 the 1900 system counts a 29 February that never was.
    const days = Math.floor(serial + 1e-9) + (!this.date1904 && serial < 61 ? 1 : 0);
    // An export holds a few thousand distinct days over many rows: each is formatted once.
    let text = this.days.get(days);
    if (text === undefined) {
      text = isoDay(new Date(epoch + days * DAY_MS));
      if (this.days.size < 100_000) this.days.set(days, text);
    }
    return text;
  }
}
