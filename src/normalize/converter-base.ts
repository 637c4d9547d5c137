import { cell, type CellHint, type CellSays, type CellText, type ErrorCode, says } from '../codes/error-fields.js';
import { FolioError } from '../folio-error.js';
import { NUMBER_CELL, type CellKinds } from '../io/cells.js';
import { AmountColumn, DateColumn } from './column-readers.js';
import type { ColumnMapping } from './columns.js';
import { DateRead, type DayOrder } from './dates.js';
import { newParsedAmount, NumberRead, readAmount, type DecimalMark } from './numbers.js';
import type { Problems } from './problems.js';
import { AMBIGUOUS, type AmbiguityCap } from './row-feed.js';
import { TotalsCheck } from './totals-check.js';
import { isTotalsLabel } from './totals-label.js';

export interface ConverterOptions {
  file: string;
  decimal: DecimalMark | null;
  dayOrder: DayOrder | null;
}

/** Returned by the readers below for a value that is missing (empty, or a date such as «не закрыта»). */
export const MISSING = Symbol('missing');
/** Returned for a row already recorded as a problem. */
export const INVALID = Symbol('invalid');

const MAX_LINES_SHOWN = 5;

/** Decimal marks and day orders by field, as the rows before settled them. */
export interface Conventions {
  amounts: [field: string, mark: DecimalMark][];
  dates: [field: string, order: DayOrder][];
}

export type Read<T> = T | typeof MISSING | typeof INVALID | typeof AMBIGUOUS;

/**
 * What every input's row converter shares: field lookup by mapped column, amount and date
 * columns that settle their conventions, located problems, and the error for a row that
 * stays ambiguous.
 */
export abstract class ConverterBase {
  readonly amounts = new Map<string, AmountColumn>();
  readonly dates = new Map<string, DateColumn>();
  skipped = 0;
  /** Totals and subtotals rows left out (`Итого`, `Grand total`). */
  totals = 0;
  /** Lines of the first totals rows, for the warning. */
  readonly totalsLines: number[] = [];
  /** Each totals row's amount against the rows counted above it (inputs that count money feed it). */
  readonly totalsCheck = new TotalsCheck();
  protected readonly col: Record<string, number>;
  protected readonly width: number;
  /** Fields a row may have before the extra ones must be empty: the header row's cells, unnamed ones included. */
  protected readonly cells: number;
  /** Fields a row must have to reach its last mapped column. */
  protected readonly reach: number;
  /** Which cells of the current row are typed numbers; undefined while rows are CSV text. */
  private kinds: CellKinds | undefined;
  /** Rows are a sheet's (a workbook or a table saved as .xls), not CSV text: a row too wide is no quoting slip. */
  sheetRows = false;

  constructor(
    protected readonly mapping: ColumnMapping,
    protected readonly options: ConverterOptions,
    protected readonly problems: Problems,
  ) {
    this.col = mapping.index;
    this.width = mapping.headers.length;
    this.cells = Math.max(this.width, mapping.cells);
    this.reach = Math.max(0, ...Object.values(mapping.index)) + 1;
  }

  useKinds(kinds: CellKinds | undefined): void {
    this.kinds = kinds;
  }

  /** Whether the field's cell in the current row is a typed number (a workbook's or Parquet's), not text. */
  protected typedNumber(field: string): boolean {
    if (this.kinds === undefined) return false;
    const at = this.col[field];
    return at !== undefined && this.kinds[at] === NUMBER_CELL;
  }

  /** The decimal mark to read the field's cell under: a point for a typed number, else the column's. */
  protected markFor(field: string): DecimalMark | null {
    return this.typedNumber(field) ? '.' : this.amountColumn(field).mark;
  }

  protected has(field: string): boolean {
    return field in this.col;
  }

  protected text(fields: string[], field: string): string {
    const at = this.col[field];
    return at === undefined ? '' : (fields[at] ?? '');
  }

  /** The decimal marks and day orders its columns have settled: what a reader carrying on after these rows starts from (a later part of the file). */
  conventions(): Conventions {
    const amounts: [string, DecimalMark][] = [];
    const dates: [string, DayOrder][] = [];
    for (const [field, c] of this.amounts) if (c.mark !== null) amounts.push([field, c.mark]);
    for (const [field, c] of this.dates) if (c.order !== null) dates.push([field, c.order]);
    return { amounts, dates };
  }

  /** Read on as if `conventions` had been settled before the first row (as `--decimal` and `--date-format` are). */
  carryOn(conventions: Conventions): void {
    for (const [field, mark] of conventions.amounts) this.amountColumn(field).mark = mark;
    for (const [field, order] of conventions.dates) this.dateColumn(field).order = order;
  }

  protected amountColumn(field: string): AmountColumn {
    let column = this.amounts.get(field);
    if (!column) {
      column = new AmountColumn(this.options.decimal);
      this.amounts.set(field, column);
    }
    return column;
  }

  protected dateColumn(field: string): DateColumn {
    let column = this.dates.get(field);
    if (!column) {
      column = new DateColumn(this.options.dayOrder);
      this.dates.set(field, column);
    }
    return column;
  }

  /** Read an amount field; its value is left in `amountColumn(field).value`. */
  protected readAmountField(fields: string[], field: string, line: number): Read<true> {
    const column = this.amountColumn(field);
    const raw = this.text(fields, field);
    const r = this.typedNumber(field) ? column.readTyped(raw, line) : column.read(raw, line);
    if (r === NumberRead.Ok) return true;
    if (r === NumberRead.Empty) return MISSING;
    if (r === NumberRead.Ambiguous) return AMBIGUOUS;
    this.invalid(line, field, raw, column.value.cause, 'amount-format', 'BAD_NUMBER');
    return INVALID;
  }

  /** Read an amount that cannot be negative (an offer, a lead): whole units and millionths, or null when the cell is empty. */
  protected readNonNegativeAmount(
    fields: string[],
    field: string,
    line: number,
    cause: CellText,
  ): { whole: number; micro: number } | null | typeof INVALID | typeof AMBIGUOUS {
    const a = this.readAmountField(fields, field, line);
    if (a === MISSING) return null;
    if (a !== true) return a;
    const v = this.amountColumn(field).value;
    if (v.whole < 0 || v.micro < 0) {
      this.invalid(line, field, this.text(fields, field), cause, 'fix-amount');
      return INVALID;
    }
    return { whole: v.whole, micro: v.micro };
  }

  /** Read a date field to a day number. */
  protected readDateField(fields: string[], field: string, line: number): Read<number> {
    const column = this.dateColumn(field);
    const raw = this.text(fields, field);
    const r = column.read(raw, line);
    if (r === DateRead.Ok) return column.value.day;
    if (r === DateRead.Empty) return MISSING;
    if (r === DateRead.Ambiguous) return AMBIGUOUS;
    this.invalid(line, field, raw, column.value.cause, 'date-format', 'BAD_DATE');
    return INVALID;
  }

  /**
   * A totals or subtotals row (its client cell, or its first cell when that is empty or
   * there is no client column, says `Итого`, `Total for October`...): counted, never a
   * client. Checked before anything else is read: such rows have no status or date.
   */
  protected isTotalsRow(fields: string[], line: number): boolean {
    const client = this.text(fields, 'client');
    if (!isTotalsLabel(client.trim() === '' ? (fields[0] ?? '') : client)) return false;
    this.totals++;
    if (this.totalsLines.length < MAX_LINES_SHOWN) this.totalsLines.push(line);
    this.totalsCheck.close(line, this.statedTotal(fields));
    return true;
  }

  /** The amount a totals row states, in millionths, when the input counts money and the cell reads. */
  protected statedTotal(_fields: string[]): bigint | null {
    return null;
  }

  /**
   * A row whose shape does not fit the header: it ends before a mapped column (never padded
   * with empty values: a cut row would turn a won deal into an open one), or it has more
   * fields than the header row has cells and the extra ones are not empty (trailing
   * delimiters are fine).
   */
  protected misshapen(fields: string[], line: number): boolean {
    if (fields.length < this.reach) {
      this.record(
        line,
        undefined,
        undefined,
        undefined,
        { text: cell('SHORT_ROW', { fields: fields.length, width: this.width }), hint: 'short-row' },
        'SHORT_ROW',
      );
      return true;
    }
    if (fields.length <= this.cells) return false;
    for (let i = this.cells; i < fields.length; i++) {
      if ((fields[i] ?? '').trim() !== '') {
        this.record(
          line,
          i + 1,
          undefined,
          fields[i] ?? '',
          {
            text: cell('EXTRA_FIELDS', { fields: fields.length, width: this.cells }),
            hint: this.sheetRows ? 'extra-cells' : 'extra-fields',
          },
          'EXTRA_FIELDS',
        );
        return true;
      }
    }
    return false;
  }

  /** A bad cell: what is wrong with it (`cause`) and how it is fixed (`fix`), as ids the catalog words. */
  protected invalid(
    line: number,
    field: string,
    value: string,
    cause: CellText,
    fix: CellHint,
    code: ErrorCode = 'BAD_VALUE',
  ): null {
    const at = this.col[field];
    // A needed field with no column reaches a converter only in `inspect`, which lists the
    // missing column once instead of once per row.
    if (at === undefined) {
      this.skipped++;
      return null;
    }
    this.record(line, at + 1, this.mapping.header[field], value, { text: cause, hint: fix }, code);
    return null;
  }

  private record(
    line: number,
    column: number | undefined,
    header: string | undefined,
    value: string | undefined,
    cellSays: CellSays,
    code: ErrorCode,
  ): void {
    this.skipped++;
    this.problems.add({ file: this.options.file, line, column, header, value, code, says: cellSays });
  }

  /**
   * The error for a row still ambiguous at the end (or when no more rows may wait, `cap`):
   * which column, and which flag settles it.
   */
  ambiguityError(fields: string[], line: number, cap?: AmbiguityCap): FolioError {
    // Past the cap the rest of the input was not looked at: the message says how far it was.
    const capped = cap === undefined ? null : { upTo: cap.upTo, held: cap.held };
    for (const [field, column] of this.amounts) {
      const raw = this.text(fields, field);
      if (readAmount(raw, this.typedNumber(field) ? '.' : column.mark, newParsedAmount()) !== NumberRead.Ambiguous)
        continue;
      return new FolioError({
        code: 'AMBIGUOUS_NUMBER',
        file: this.options.file,
        line,
        column: (this.col[field] ?? 0) + 1,
        header: this.mapping.header[field],
        value: raw,
        says: says('AMBIGUOUS_NUMBER', { capped }),
      });
    }
    const [field] = [...this.dates].find(([, c]) => c.order === null) ?? ['date'];
    return new FolioError({
      code: 'AMBIGUOUS_DATE',
      file: this.options.file,
      line,
      column: (this.col[field] ?? 0) + 1,
      header: this.mapping.header[field],
      value: this.text(fields, field),
      says: says('AMBIGUOUS_DATE', { capped }),
    });
  }
}
