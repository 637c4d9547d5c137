import { FolioError } from '../errors.js';
import { DEAL_ALIASES } from './aliases.js';
import { AmountColumn, DateColumn } from './column-readers.js';
import type { ColumnMapping, FieldSpec } from './columns.js';
import { DateRead, type DayOrder } from './dates.js';
import { lineHash } from './line-hash.js';
import { currencyCode, MAX_DECIMALS, newParsedAmount, NumberRead, readAmount, type DecimalMark } from './numbers.js';
import type { Problems } from './problems.js';
import { AMBIGUOUS, type RowConverter } from './row-feed.js';
import { StatusClassifier, type StatusKind } from './status.js';

export const DEAL_FIELDS: readonly FieldSpec[] = [
  { field: 'client', aliases: DEAL_ALIASES.client, required: true, description: 'who paid' },
  { field: 'amount', aliases: DEAL_ALIASES.amount, required: false, description: 'the amount of each deal' },
  { field: 'date', aliases: DEAL_ALIASES.date, required: false, description: 'when the deal was closed or paid' },
  { field: 'status', aliases: DEAL_ALIASES.status, required: false, description: 'won, lost or open' },
  { field: 'manager', aliases: DEAL_ALIASES.manager, required: false, description: 'who carries the deal' },
  { field: 'id', aliases: DEAL_ALIASES.id, required: false, description: 'the deal number' },
  { field: 'currency', aliases: DEAL_ALIASES.currency, required: false, description: 'the currency of the amount' },
  { field: 'product', aliases: DEAL_ALIASES.product, required: false, description: 'product of a product row' },
  { field: 'price', aliases: DEAL_ALIASES.price, required: false, description: 'unit price of a product row' },
  { field: 'quantity', aliases: DEAL_ALIASES.quantity, required: false, description: 'quantity of a product row' },
];

export interface Deal {
  /** The client as written (trimmed and keyed later, once per distinct spelling). */
  client: string;
  whole: number;
  micro: number;
  /** ISO code, or '' when the file does not say. */
  currency: string;
  /** Day number, or null for an open deal with no date. */
  day: number | null;
  status: StatusKind;
  manager: string;
  line: number;
}

export interface DealOptions {
  file: string;
  decimal: DecimalMark | null;
  dayOrder: DayOrder | null;
  won: readonly string[];
  lost: readonly string[];
}

/** Rows that did not become deals, by reason; the counts `inputs[]` reports. */
export interface DealRowCounts {
  folded: number;
  skipped: number;
}

/**
 * Turns CSV rows into deals: maps columns, reads amounts, dates and statuses under the
 * conventions of their columns, folds lines repeated whole, and records located problems.
 */
export class DealConverter implements RowConverter<Deal> {
  readonly amount: AmountColumn | null;
  readonly price: AmountColumn | null;
  readonly quantity: AmountColumn | null;
  readonly date: DateColumn | null;
  readonly statuses: StatusClassifier;
  readonly counts: DealRowCounts = { folded: 0, skipped: 0 };
  /** Line hash per ID hash: a second line with the same ID and hash is the same line again. */
  private readonly idLines = new Map<number, number>();
  private readonly repeatedIds = new Set<number>();
  private readonly col: Record<string, number>;
  private readonly productRows: boolean;
  private readonly width: number;

  constructor(
    private readonly mapping: ColumnMapping,
    private readonly options: DealOptions,
    private readonly problems: Problems,
  ) {
    this.col = mapping.index;
    const has = (f: string): boolean => f in mapping.index;
    // Bitrix24 writes a deal once per product row, with the deal's total on each; there the
    // row's own amount is price × quantity.
    this.productRows = has('product') && has('price') && has('quantity');
    if (!this.productRows && !has('amount')) {
      throw new FolioError({
        code: 'MISSING_COLUMN',
        file: options.file,
        line: 1,
        message: 'no column for "amount" (the amount of each deal)',
        hint: `columns found: ${mapping.headers.map((h) => `"${h}"`).join(', ')}; map one with --map amount=HEADER`,
      });
    }
    this.amount = !this.productRows ? new AmountColumn(options.decimal) : null;
    this.price = this.productRows ? new AmountColumn(options.decimal) : null;
    this.quantity = this.productRows ? new AmountColumn(options.decimal) : null;
    this.date = has('date') ? new DateColumn(options.dayOrder) : null;
    this.statuses = new StatusClassifier(options.won, options.lost);
    this.width = mapping.headers.length;
  }

  /** How the amount is computed, for `inspect` and warnings. */
  get amountSource(): string {
    return this.productRows
      ? `price × quantity per product row ("${this.mapping.header.price}" × "${this.mapping.header.quantity}")`
      : `"${this.mapping.header.amount}"`;
  }

  get repeatedIdCount(): number {
    return this.repeatedIds.size;
  }

  convert(fields: string[], line: number): Deal | null | typeof AMBIGUOUS {
    const col = this.col;
    if (fields.length > this.width && !this.extraFieldsEmpty(fields)) {
      return this.invalid(line, this.width + 1, undefined, fields[this.width] ?? '', `the row has ${fields.length} fields, the header ${this.width}`, 'check the quoting of this row: a value holding the delimiter must be quoted', 'EXTRA_FIELDS');
    }
    // Lost and open deals are not revenue: their amounts and clients are often empty
    // (Maven, Pipedrive), and nothing they hold can change a result.
    const status: StatusKind = col.status !== undefined ? this.statuses.classify(fields[col.status] ?? '') : 'won';
    if (status !== 'won') {
      const manager = col.manager !== undefined ? (fields[col.manager] ?? '') : '';
      return { client: fields[col.client as number] ?? '', whole: 0, micro: 0, currency: '', day: null, status, manager, line };
    }

    const client = fields[col.client as number] ?? '';
    if (client.trim() === '') {
      return this.invalid(line, (col.client as number) + 1, this.mapping.header.client, client, 'no client name', 'fill in the client');
    }

    let whole: number;
    let micro: number;
    let currency = '';
    if (this.amount) {
      const raw = fields[col.amount as number] ?? '';
      const r = this.amount.read(raw, line);
      if (r === NumberRead.Ambiguous) return AMBIGUOUS;
      if (r !== NumberRead.Ok) return this.badAmount(line, 'amount', raw, r === NumberRead.Empty ? 'no amount' : this.amount.value.problem);
      whole = this.amount.value.whole;
      micro = this.amount.value.micro;
      currency = this.amount.value.currency;
    } else {
      const price = this.price as AmountColumn;
      const quantity = this.quantity as AmountColumn;
      const rawPrice = fields[col.price as number] ?? '';
      const rawQuantity = fields[col.quantity as number] ?? '';
      const rp = price.read(rawPrice, line);
      if (rp === NumberRead.Ambiguous) return AMBIGUOUS;
      if (rp !== NumberRead.Ok) return this.badAmount(line, 'price', rawPrice, rp === NumberRead.Empty ? 'no price' : price.value.problem);
      const rq = quantity.read(rawQuantity, line);
      if (rq === NumberRead.Ambiguous) return AMBIGUOUS;
      if (rq !== NumberRead.Ok) return this.badAmount(line, 'quantity', rawQuantity, rq === NumberRead.Empty ? 'no quantity' : quantity.value.problem);
      [whole, micro] = multiply(price.value.whole, price.value.micro, quantity.value.whole, quantity.value.micro);
      currency = price.value.currency;
    }
    if (col.currency !== undefined) {
      const written = currencyCode(fields[col.currency] ?? '');
      if (written !== '') currency = written;
    }

    let day: number | null = null;
    if (this.date) {
      const raw = fields[col.date as number] ?? '';
      const r = this.date.read(raw, line);
      if (r === DateRead.Ambiguous) return AMBIGUOUS;
      if (r === DateRead.Invalid) {
        return this.invalid(line, (col.date as number) + 1, this.mapping.header.date, raw, this.date.value.problem, 'write dates as 2026-10-31 or 31.10.2026, or set the order with --date-format dd/mm/yyyy', 'BAD_DATE');
      }
      day = r === DateRead.Ok ? this.date.value.day : null;
    }

    if (col.id !== undefined) {
      const id = (fields[col.id] ?? '').trim();
      if (id !== '' && this.isRepeatedLine(id, fields)) {
        this.counts.folded++;
        return null;
      }
    }

    return {
      client,
      whole,
      micro,
      currency,
      day,
      status,
      manager: col.manager !== undefined ? (fields[col.manager] ?? '') : '',
      line,
    };
  }

  ambiguityError(fields: string[], line: number): FolioError {
    const field = this.amount ? 'amount' : 'price';
    const amountColumn = (this.amount ?? this.price) as AmountColumn;
    const at = this.col[field] as number;
    if (readAmount(fields[at] ?? '', amountColumn.mark, newParsedAmount()) === NumberRead.Ambiguous) {
      return new FolioError({
        code: 'AMBIGUOUS_NUMBER',
        file: this.options.file,
        line,
        column: at + 1,
        header: this.mapping.header[field],
        value: fields[at],
        message: 'could be a thousands separator or a decimal mark, and no value in the column tells which',
        hint: 'say which with --decimal , (decimal comma) or --decimal . (decimal point)',
      });
    }
    const dateAt = this.col.date as number;
    return new FolioError({
      code: 'AMBIGUOUS_DATE',
      file: this.options.file,
      line,
      column: dateAt + 1,
      header: this.mapping.header.date,
      value: fields[dateAt],
      message: 'could be day-first or month-first, and no date in the column tells which',
      hint: 'say which with --date-format dd/mm/yyyy or --date-format mm/dd/yyyy',
    });
  }

  private extraFieldsEmpty(fields: string[]): boolean {
    for (let i = this.width; i < fields.length; i++) if ((fields[i] ?? '').trim() !== '') return false;
    return true;
  }

  private isRepeatedLine(id: string, fields: string[]): boolean {
    const idHash = lineHash([id]);
    const hash = lineHash(fields);
    const seen = this.idLines.get(idHash);
    if (seen === undefined) {
      this.idLines.set(idHash, hash);
      return false;
    }
    if (seen === hash) return true;
    this.repeatedIds.add(idHash);
    return false;
  }

  private badAmount(line: number, field: string, raw: string, problem: string): null {
    const at = this.col[field] as number;
    return this.invalid(line, at + 1, this.mapping.header[field], raw, problem, 'write amounts as 1234.56, 1 234,56 or 1,234.56', 'BAD_NUMBER');
  }

  private invalid(line: number, column: number, header: string | undefined, value: string, message: string, hint: string, code = 'BAD_VALUE'): null {
    this.counts.skipped++;
    this.problems.add({ file: this.options.file, line, column, header, value, message, hint, code });
    return null;
  }
}

const SCALE = 10n ** BigInt(MAX_DECIMALS);

/** Exact price × quantity in whole units and millionths (rounded half away from zero at the sixth decimal). */
function multiply(pw: number, pm: number, qw: number, qm: number): [number, number] {
  const product = (BigInt(pw) * SCALE + BigInt(pm)) * (BigInt(qw) * SCALE + BigInt(qm));
  const negative = product < 0n;
  const abs = negative ? -product : product;
  const micros = (abs + SCALE / 2n) / SCALE;
  const whole = Number(micros / SCALE);
  const micro = Number(micros % SCALE);
  return negative ? [-whole, -micro] : [whole, micro];
}
