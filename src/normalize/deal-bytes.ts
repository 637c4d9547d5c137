import type { ByteRecord } from '../io/byte-scanner.js';
import type { SpanText } from '../io/byte-text.js';
import { ByteInterner, doubled, fnvBytes } from './byte-interner.js';
import { amountFromBytes, dayFromBytes } from './byte-values.js';
import type { AmountColumn, DateColumn } from './column-readers.js';
import type { ColumnMapping } from './columns.js';
import { carriesDiscount, countsAsRevenue, type Deal, DealConverter, type DealOptions } from './deals.js';
import { hashBytes, hashText, numericIdBytes } from './line-hash.js';
import { currencyCode } from './numbers.js';
import type { Tally } from './phrase-classifier.js';
import type { Problems } from './problems.js';
import type { StatusKind } from './vocabulary.js';
import { isTotalsLabel } from './totals-label.js';

/** How a row's line stands against the rows read before it (`compareRow`). */
type RowSeen = 'new' | 'repeat' | 'earlier' | 'conflict';

/** Returned for a row the byte reader leaves to `convert`, which then reads it from its text. */
export const AS_TEXT = Symbol('as text');

/** What `fusedRow` made of a row: left to `convertBytes` (nothing counted), or counted and */
export const FUSED_DECLINED = 0;
/** ... left out for its status, */
export const FUSED_LEFT_OUT = 1;
/** ... folded into an earlier row, */
export const FUSED_FOLDED = 2;
/** ... or revenue: `fusedWhole`, `fusedMicro`, `fusedDay` (-1: undated) hold it. */
export const FUSED_REVENUE = 3;

/** What one column's distinct values were read as, by value number. */
class ColumnValues<T> {
  readonly interner = new ByteInterner();
  readonly values: T[] = [];
  /** Each value's fingerprint halves as a field at the column's position (for folding). */
  hashA: Int32Array<ArrayBuffer> = new Int32Array(256);
  hashB: Int32Array<ArrayBuffer> = new Int32Array(256);

  constructor(
    private readonly position: number,
    private readonly read: (text: string) => T,
  ) {}

  /** The value number of the field's bytes (their `fnvBytes` hash is `fnv`), -1 when the column keeps no more values. */
  find(r: ByteRecord, f: number, span: SpanText, fnv: number): number {
    const bytes = r.bytes;
    const v = this.interner.findHashed(bytes, r.start[f] as number, r.end[f] as number, fnv);
    if (v < 0 || !this.interner.added) return v;
    const text = span.text(bytes, r.start[f] as number, r.end[f] as number);
    this.values.push(this.read(text));
    if (v >= this.hashA.length) {
      this.hashA = doubled(this.hashA);
      this.hashB = doubled(this.hashB);
    }
    const halves = new Int32Array(2);
    hashText(text, this.position, halves);
    this.hashA[v] = halves[0] as number;
    this.hashB[v] = halves[1] as number;
    return v;
  }
}

interface ClientValue {
  text: string;
  /** Blank, or a totals label: such a row is read from its text. */
  plain: boolean;
}

/**
 * Reads deal rows straight from their bytes when they look the way almost every row of an
 * export does: the shape of the header, no doubled quotes, a client that is neither blank nor
 * a totals label, an amount and a date of the common shapes under settled conventions. Each
 * client, status, manager, currency and discount spelling is made a string once, the first
 * time its bytes are seen. Anything else (AS_TEXT) goes to `convert` from its text, and both
 * ways count into the same converter, so the result is the one reading as text would give.
 */
export class DealByteConverter extends DealConverter {
  private readonly clients: ColumnValues<ClientValue>;
  private readonly statusValues: ColumnValues<Tally<StatusKind> | null> | null;
  /** The won column beside the status words, read as won, lost or open (neither yes nor no). */
  private readonly flagValues: ColumnValues<StatusKind> | null;
  private readonly managers: ColumnValues<string> | null;
  private readonly currencies: ColumnValues<string> | null;
  private readonly discounts: ColumnValues<boolean> | null;
  private readonly at: {
    client: number;
    status: number;
    won: number;
    manager: number;
    amount: number;
    date: number;
    id: number;
    currency: number;
    discount: number;
  };
  private readonly hashes = { fieldA: new Int32Array(16), fieldB: new Int32Array(16), lineA: 0, lineB: 0 };
  private readonly halves = new Int32Array(2);
  private readonly units: Uint16Array | null;
  /** By field: the column whose values are kept, and the value number this row has there. */
  private readonly keptAt: (ColumnValues<unknown> | null)[];
  private readonly numberAt: Int32Array;
  private amountCol: AmountColumn | null = null;
  private dateCol: DateColumn | null = null;

  constructor(
    mapping: ColumnMapping,
    options: DealOptions,
    problems: Problems,
    private readonly span: SpanText,
  ) {
    super(mapping, options, problems);
    const col = (field: string): number => this.col[field] ?? -1;
    this.at = {
      client: col('client'),
      status: this.statusField === null ? -1 : col(this.statusField),
      won: this.wonFlags === null ? -1 : col('won'),
      manager: col('manager'),
      amount: col('amount'),
      date: col('date'),
      id: col('id'),
      currency: col('currency'),
      discount: col('discount'),
    };
    const position = (f: number): number => (this.positions ? (this.positions[f] as number) : f);
    const values = <T>(f: number, read: (text: string) => T): ColumnValues<T> | null =>
      f < 0 ? null : new ColumnValues(position(f), read);
    this.clients = new ColumnValues(position(this.at.client), (text) => ({
      text,
      plain: text.trim() !== '' && !isTotalsLabel(text),
    }));
    this.statusValues = values(this.at.status, (text) => this.statuses.tally(text));
    const flags = this.wonFlags;
    this.flagValues = flags === null ? null : values(this.at.won, (text) => flags.peek(text));
    this.managers = values(this.at.manager, (text) => text);
    this.currencies = values(this.at.currency, currencyCode);
    this.discounts = values(this.at.discount, carriesDiscount);
    this.units = span.units;
    this.keptAt = mapping.headers.map(() => null);
    for (const [f, kept] of [
      [this.at.client, this.clients],
      [this.at.status, this.statusValues],
      [this.at.won, this.flagValues],
      [this.at.manager, this.managers],
      [this.at.currency, this.currencies],
      [this.at.discount, this.discounts],
    ] as const) {
      if (f >= 0 && kept !== null) this.keptAt[f] = kept;
    }
    this.numberAt = new Int32Array(mapping.headers.length);
  }

  /** The value number of field `f` in `kept`, noted for the row's fingerprint; -1 when the column keeps no more values. */
  private find<T>(kept: ColumnValues<T>, r: ByteRecord, f: number): number {
    const given = this.given;
    const fnv = given === null ? fnvBytes(r.bytes, r.start[f] as number, r.end[f] as number) : (given[f] as number);
    const v = kept.find(r, f, this.span, fnv);
    this.numberAt[f] = v;
    return v;
  }

  /**
   * The number of the client of the last deal `convertBytes` made: each distinct spelling has
   * one, so that the sums can find the client by it (`DealSink.accept`) rather than by its text.
   */
  clientNumber = -1;
  /** The number of the manager of the last deal `convertBytes` made, -1 without a manager column. */
  managerNumber = -1;
  /** The `fnvBytes` hashes of the kept fields of the row being read, when the reader took them as it scanned. */
  private given: Int32Array | null = null;

  /**
   * Whether `fusedRow` reads this file's rows: an amount column, and no product rows, won
   * flags, currency or discount column (each of which `convertBytes` reads as before).
   */
  get fusable(): boolean {
    return (
      !this.productRows &&
      this.at.amount >= 0 &&
      this.flagValues === null &&
      this.currencies === null &&
      this.discounts === null
    );
  }

  /** The revenue of the last row `fusedRow` counted as such. */
  fusedWhole = 0;
  fusedMicro = 0;
  /** The money `countMoney` counted last. */
  private moneyWhole = 0;
  private moneyMicro = 0;
  fusedDay = -1;

  /**
   * `convertBytes` for a file `fusable` says yes to, without making a Deal: the row's client
   * and manager are left in `clientNumber` and `managerNumber` and its revenue in `fused*`.
   * A row it cannot be sure of is FUSED_DECLINED before anything is counted, and then goes
   * to `convertBytes` (and from there to the text reader), which reads it as before.
   */
  fusedRow(r: ByteRecord, hashes: Int32Array): number {
    const n = r.count;
    if (n < this.reach || n > this.cells) return FUSED_DECLINED;
    this.given = hashes;
    const c = this.find(this.clients, r, this.at.client);
    if (c < 0 || !(this.clients.values[c] as ClientValue).plain) return FUSED_DECLINED;
    let tally: Tally<StatusKind> | null = null;
    if (this.statusValues !== null) {
      const s = this.find(this.statusValues, r, this.at.status);
      tally = s < 0 ? null : (this.statusValues.values[s] ?? null);
      if (tally === null) return FUSED_DECLINED;
    }
    let m = -1;
    if (this.managers !== null) {
      m = this.find(this.managers, r, this.at.manager);
      if (m < 0) return FUSED_DECLINED;
    }
    this.clientNumber = c;
    this.managerNumber = m;
    const status: StatusKind = tally === null ? 'won' : tally.kind;
    if (!countsAsRevenue(status)) {
      (tally as Tally<StatusKind>).rows++;
      return FUSED_LEFT_OUT;
    }
    const amountColumn = (this.amountCol ??= this.amountColumn('amount'));
    const amount = amountColumn.value;
    const at = this.at.amount;
    if (!amountFromBytes(r.bytes, r.start[at] as number, r.end[at] as number, this.units, amountColumn.mark, amount))
      return FUSED_DECLINED;
    let day = -1;
    if (this.at.date >= 0) {
      const start = r.start[this.at.date] as number;
      const end = r.end[this.at.date] as number;
      if (start !== end) {
        if ((this.dateCol ??= this.dateColumn('date')).sampling) return FUSED_DECLINED;
        day = dayFromBytes(r.bytes, start, end);
        if (day < 0) return FUSED_DECLINED;
      }
    }
    let seen: RowSeen = 'new';
    if (this.fold && this.at.id >= 0 && r.start[this.at.id] !== r.end[this.at.id]) {
      if (!this.plainId(r)) return FUSED_DECLINED;
      this.hash(r);
      seen = this.compareRow(this.hashes, r.line);
      if (seen === 'conflict') return FUSED_DECLINED;
    }
    if (tally !== null) tally.rows++;
    amountColumn.took(r.line);
    if (!this.countMoney(amount.whole, amount.micro, status, seen)) return FUSED_FOLDED;
    if (status === 'won') this.wonRows++;
    this.fusedWhole = this.moneyWhole;
    this.fusedMicro = this.moneyMicro;
    this.fusedDay = day;
    return FUSED_REVENUE;
  }

  /** The fields whose values are kept by their bytes: those whose hashes `convertBytes` can be given. */
  get keptFields(): number[] {
    return this.keptAt.flatMap((kept, f) => (kept === null ? [] : [f]));
  }

  /** The text of client value `c` (`clientNumber`) and of manager value `m` (`managerNumber`; '' for -1). */
  clientText(c: number): string {
    return (this.clients.values[c] as ClientValue).text;
  }

  managerText(m: number): string {
    return m < 0 || this.managers === null ? '' : (this.managers.values[m] as string);
  }

  /**
   * The deal of a row read from its bytes, null for a row counted and left out here, or
   * AS_TEXT. `hashes`, by field, holds each kept field's `fnvBytes` hash when the caller
   * took them while scanning the row.
   */
  convertBytes(r: ByteRecord, hashes: Int32Array | null = null): Deal | null | typeof AS_TEXT {
    this.given = hashes;
    const n = r.count;
    if (this.productRows || n < this.reach || n > this.cells) return AS_TEXT;
    const quoted = r.quoted;
    for (let f = 0; f < n; f++) if (quoted[f] === 2) return AS_TEXT;

    const c = this.find(this.clients, r, this.at.client);
    if (c < 0) return AS_TEXT;
    const client = this.clients.values[c] as ClientValue;
    if (!client.plain) return AS_TEXT;
    this.clientNumber = c;
    let tally: Tally<StatusKind> | null = null;
    if (this.statusValues !== null) {
      const s = this.find(this.statusValues, r, this.at.status);
      tally = s < 0 ? null : (this.statusValues.values[s] ?? null);
      if (tally === null) return AS_TEXT;
    }
    let flag: StatusKind | null = null;
    if (this.flagValues !== null) {
      const w = this.find(this.flagValues, r, this.at.won);
      if (w < 0) return AS_TEXT;
      flag = this.flagValues.values[w] as StatusKind;
    }
    let manager = '';
    let m = -1;
    if (this.managers !== null) {
      m = this.find(this.managers, r, this.at.manager);
      if (m < 0) return AS_TEXT;
      manager = this.managers.values[m] as string;
    }
    this.managerNumber = m;
    const status: StatusKind = tally === null ? 'won' : tally.kind;
    if (!countsAsRevenue(status)) {
      (tally as Tally<StatusKind>).rows++;
      if (flag !== null) this.compareFlag(flag, status);
      return this.emit(client.text, 0, 0, '', null, status, manager, r.line);
    }

    // Without an amount column the file has product rows, read from their text.
    if (this.at.amount < 0) return AS_TEXT;
    // The columns are made where the text reader makes them (at the first won row), then kept at hand.
    const amountColumn = (this.amountCol ??= this.amountColumn('amount'));
    const amount = amountColumn.value;
    if (
      !amountFromBytes(
        r.bytes,
        r.start[this.at.amount] as number,
        r.end[this.at.amount] as number,
        this.units,
        amountColumn.mark,
        amount,
      )
    )
      return AS_TEXT;
    let currency = amount.currency;
    let cur = -1;
    if (this.currencies !== null) {
      cur = this.find(this.currencies, r, this.at.currency);
      if (cur < 0) return AS_TEXT;
      const written = this.currencies.values[cur] as string;
      if (written !== '') currency = written;
    }
    let day: number | null = null;
    if (this.at.date >= 0) {
      const start = r.start[this.at.date] as number;
      const end = r.end[this.at.date] as number;
      if (start !== end) {
        if ((this.dateCol ??= this.dateColumn('date')).sampling) return AS_TEXT;
        day = dayFromBytes(r.bytes, start, end);
        if (day < 0) return AS_TEXT;
      }
    }
    let discounted = false;
    let d = -1;
    if (this.discounts !== null) {
      d = this.find(this.discounts, r, this.at.discount);
      if (d < 0) return AS_TEXT;
      discounted = this.discounts.values[d] as boolean;
    }

    const fold = this.fold && this.at.id >= 0 && r.start[this.at.id] !== r.end[this.at.id];
    let seen: RowSeen = 'new';
    if (fold) {
      if (!this.plainId(r)) return AS_TEXT;
      this.hash(r);
      // A conflict is a problem to locate and word: the text reader does it, and finds the same first row.
      seen = this.compareRow(this.hashes, r.line);
      if (seen === 'conflict') return AS_TEXT;
    }
    // Sure now: the row is read, and counted.
    if (tally !== null) tally.rows++;
    if (flag !== null) this.compareFlag(flag, status);
    amountColumn.took(r.line);
    if (!this.countMoney(amount.whole, amount.micro, status, seen)) return null;
    const deal = this.emit(client.text, this.moneyWhole, this.moneyMicro, currency, day, status, manager, r.line);
    deal.discounted = discounted;
    return deal;
  }

  /**
   * A sure row's money, as the fused pass and `convertBytes` both count it: a refund's
   * positive amount taken as negative (it takes money back), a repeated line folded (false),
   * else added to the totals check and left in `moneyWhole`/`moneyMicro` (fields, not an
   * object: this runs once a row).
   */
  private countMoney(whole: number, micro: number, status: StatusKind, seen: RowSeen): boolean {
    const flipped = status === 'refund' && (whole > 0 || micro > 0);
    const w = flipped ? 0 - whole : whole;
    const m = flipped ? 0 - micro : micro;
    if (seen === 'repeat' || seen === 'earlier') {
      this.folded++;
      if (seen === 'earlier') this.foldedFromEarlierFile(w, m);
      return false;
    }
    if (flipped) this.refundsFlipped++;
    this.totalsCheck.add(w, m);
    this.moneyWhole = w;
    this.moneyMicro = m;
    return true;
  }

  /** An ID of ASCII with no space at either end: `trim()` leaves it as it is. */
  private plainId(r: ByteRecord): boolean {
    const start = r.start[this.at.id] as number;
    const end = r.end[this.at.id] as number;
    const first = r.bytes[start] as number;
    const last = r.bytes[end - 1] as number;
    if (first <= 32 || last <= 32) return false;
    for (let i = start; i < end; i++) if ((r.bytes[i] as number) >= 0x80) return false;
    return true;
  }

  /**
   * The row's fingerprint as RowHasher would make it from the fields' text: the columns whose
   * values are kept give the halves made with their text, the others are hashed from their
   * bytes (a UTF-8 field with letters beyond ASCII from its decoded text).
   */
  private hash(r: ByteRecord): void {
    const h = this.hashes;
    const n = r.count;
    if (h.fieldA.length < n) {
      h.fieldA = new Int32Array(n * 2);
      h.fieldB = new Int32Array(n * 2);
    }
    const { halves, positions, keptAt, numberAt } = this;
    let sumA = 0;
    let sumB = 0;
    for (let f = 0; f < n; f++) {
      let a: number;
      let b: number;
      const kept = keptAt[f];
      if (kept) {
        const v = numberAt[f] as number;
        a = kept.hashA[v] as number;
        b = kept.hashB[v] as number;
      } else {
        const start = r.start[f] as number;
        const end = r.end[f] as number;
        const position = positions ? (positions[f] as number) : f;
        if (!hashBytes(r.bytes, start, end, position, this.units, halves))
          hashText(this.span.text(r.bytes, start, end), position, halves);
        a = halves[0] as number;
        b = halves[1] as number;
        if (f === this.at.id) {
          const key = numericIdBytes(r.bytes, start, end);
          if (key >= 0) a = key;
        }
      }
      h.fieldA[f] = a;
      h.fieldB[f] = b;
      sumA = (sumA + a) | 0;
      sumB = (sumB + b) | 0;
    }
    h.lineA = sumA;
    h.lineB = sumB;
  }
}
