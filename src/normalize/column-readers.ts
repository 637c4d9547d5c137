import { DateRead, newParsedDate, readDate, type DayOrder, type ParsedDate } from './dates.js';
import { newParsedAmount, NumberRead, readAmount, type DecimalMark, type ParsedAmount } from './numbers.js';

/** How an amount or date column was read: its mark or day order, and the line that settled it (0: given, or not settled). */
export type ColumnReading =
  | { kind: 'amount'; mark: DecimalMark | null; typed: boolean; settledAt: number }
  /** `shapes`: what its dates look like, digits as `d` and letters as `a` (`dd.dd.dddd`). */
  | { kind: 'date'; shapes: string[]; order: DayOrder | null; settledAt: number };

/**
 * One amount column: its decimal mark is fixed by `--decimal`, or by the first value that
 * proves it, and from then on every value is read under it.
 */
export class AmountColumn {
  readonly value: ParsedAmount = newParsedAmount();
  /** Line that settled the mark (0 when given, or not yet settled). */
  settledAt = 0;
  /** Values rounded to 6 decimals (binary floats printed in full), and the first line of one. */
  rounded = 0;
  firstRounded = 0;
  /** Typed numbers read (workbook or Parquet cells), which carry no decimal mark. */
  typed = 0;
  private lastRounded = 0;

  constructor(public mark: DecimalMark | null) {}

  read(raw: string, line: number): NumberRead {
    const result = readAmount(raw, this.mark, this.value);
    if (result !== NumberRead.Ok) return result;
    return this.took(line);
  }

  /** Take the value now in `value`, read on `line` (from text, or from bytes by the byte reader): it may settle the mark. */
  took(line: number): NumberRead {
    if (this.mark === null && this.value.proves !== null) {
      this.mark = this.value.proves;
      this.settledAt = line;
    }
    return this.counted(NumberRead.Ok, line);
  }

  /**
   * A typed number of a workbook or Parquet file, written with a point by the reader: it
   * neither needs the column's mark nor settles it, so text cells of the same column keep
   * their own convention.
   */
  readTyped(text: string, line: number): NumberRead {
    this.typed++;
    return this.counted(readAmount(text, '.', this.value), line);
  }

  private counted(result: NumberRead, line: number): NumberRead {
    if (result !== NumberRead.Ok) return result;
    // Rows are first read in file order; a line at or below the last one counted is a row
    // held for an ambiguous date and read again, already counted. (Missed: a held row whose
    // first read stopped before this column, e.g. at an ambiguous price before the quantity.)
    if (this.value.rounded && line > this.lastRounded) {
      if (this.rounded === 0) this.firstRounded = line;
      this.rounded++;
      this.lastRounded = line;
    }
    return result;
  }

  /** How the column was read, as data (`inspect` words it). */
  get reading(): ColumnReading {
    return { kind: 'amount', mark: this.mark, typed: this.typed > 0, settledAt: this.settledAt };
  }

  get convention(): string {
    if (this.mark === null)
      return this.typed > 0
        ? 'numbers typed by the file (no decimal mark to settle)'
        : 'not settled (no value shows its decimal mark)';
    const how = this.settledAt > 0 ? `from line ${this.settledAt}` : 'given';
    return this.mark === ',' ? `decimal comma (${how})` : `decimal point (${how})`;
  }
}

const MAX_SAMPLED = 1000;

/**
 * Excel's day numbers (`43867` is 2020-02-06) that a sheet re-saved as CSV leaves in a date
 * column: 25569 is 1970-01-01, 73050 is 2099-12-31. A whole number of five digits in that
 * range, with an optional time of day as a fraction.
 */
const SERIAL = /^\s*(\d{5})(?:\.\d+)?\s*$/;
const SERIAL_EPOCH = 25569;
const SERIAL_LAST = 73050;

/** The day number of an Excel serial date, or -1 when the text is not one. */
export function serialDay(raw: string): number {
  const m = SERIAL.exec(raw);
  if (!m) return -1;
  const serial = Number(m[1]);
  return serial >= SERIAL_EPOCH && serial <= SERIAL_LAST ? serial - SERIAL_EPOCH : -1;
}

/** One date column: its day order is fixed by `--date-format` or by the first value that proves it. */
export class DateColumn {
  readonly value: ParsedDate = newParsedDate();
  settledAt = 0;
  /** Formats seen, for `inspect`. */
  readonly shapes = new Set<string>();
  /** Values read as Excel serial dates, the first of them and its line. */
  serials = 0;
  firstSerial: { line: number; raw: string; day: number } | null = null;
  private lastSerial = 0;
  private sampled = 0;

  constructor(public order: DayOrder | null) {}

  read(raw: string, line: number): DateRead {
    let result = readDate(raw, this.order, this.value);
    if (result === DateRead.Invalid) result = this.serial(raw, line);
    if (result === DateRead.Ok && this.order === null && this.value.proves !== null) {
      this.order = this.value.proves;
      this.settledAt = line;
    }
    if (result === DateRead.Ok && this.sampled < MAX_SAMPLED) {
      this.sampled++;
      this.shapes.add(shapeOf(raw));
    }
    return result;
  }

  /** A value of the column that reads as an Excel serial date, counted once per line (a held row is read again). */
  private serial(raw: string, line: number): DateRead {
    const day = serialDay(raw);
    if (day < 0) return DateRead.Invalid;
    this.value.day = day;
    this.value.proves = null;
    if (line > this.lastSerial) {
      this.serials++;
      this.firstSerial ??= { line, raw: raw.trim(), day };
      this.lastSerial = line;
    }
    return DateRead.Ok;
  }

  /** Whether values are still sampled for their shapes (from text: the byte reader leaves these to it). */
  get sampling(): boolean {
    return this.sampled < MAX_SAMPLED;
  }

  get reading(): ColumnReading {
    return { kind: 'date', shapes: [...this.shapes], order: this.order, settledAt: this.settledAt };
  }

  get convention(): string {
    const shapes = [...this.shapes].join(', ') || 'no dates';
    if (this.order === null) return shapes;
    const how = this.settledAt > 0 ? `from line ${this.settledAt}` : 'given';
    return `${shapes}; ${this.order === 'dmy' ? 'day first' : 'month first'} (${how})`;
  }
}

/** `31.12.2026 10:00` → `dd.dd.dddd dd:dd`: what a column's dates look like, without the data. */
function shapeOf(raw: string): string {
  return raw
    .trim()
    .replace(/\p{L}+/gu, 'a')
    .replace(/\d/g, 'd');
}
