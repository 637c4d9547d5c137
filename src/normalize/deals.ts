import { cell } from '../codes/error-fields.js';
import { MICROS_PER_UNIT } from './money.js';
import { CONTACT_ALIASES, DEAL_ALIASES, STATE_PATH_ALIASES, isWonFlagHeader } from './aliases.js';
import type { ColumnMapping, FieldNeeds, FieldSpec } from './columns.js';
import { ConverterBase, INVALID, MISSING, type ConverterOptions } from './converter-base.js';
import { CLIENT_BY_CONTACT, CLIENT_BY_ID, DEAL_DATE_FALLBACKS } from './fallbacks.js';
import { numericId, RowHasher } from './line-hash.js';
import type { RepeatTable } from './repeat-table.js';
import { DealRepeats } from './deal-repeats.js';
import { currencyCode, MAX_DECIMALS, newParsedAmount, NumberRead, readAmount } from './numbers.js';
import type { Problems } from './problems.js';
import { AMBIGUOUS, type RowConverter } from './row-feed.js';
import { detach } from './text.js';
import { readFlag } from './flags.js';
import type { PhraseClassifier } from './phrase-classifier.js';
import { statusClassifier, type StatusKind, type Vocabulary, wonFlagClassifier } from './vocabulary.js';

export const DEAL_FIELDS: readonly FieldSpec[] = [
  {
    field: 'client',
    aliases: DEAL_ALIASES.client,
    required: true,
    description: 'who paid',
    fallbacks: [CLIENT_BY_ID, CLIENT_BY_CONTACT],
    kind: 'text',
  },
  {
    field: 'amount',
    aliases: DEAL_ALIASES.amount,
    required: false,
    description: 'the amount of each deal',
    kind: 'amount',
  },
  {
    field: 'date',
    aliases: DEAL_ALIASES.date,
    required: false,
    description: 'when the deal was closed or paid',
    fallbacks: DEAL_DATE_FALLBACKS,
    kind: 'date',
  },
  {
    field: 'status',
    aliases: DEAL_ALIASES.status,
    required: false,
    description: 'won, lost, open or refund',
    pathAliases: STATE_PATH_ALIASES,
  },
  {
    field: 'won',
    aliases: DEAL_ALIASES.won,
    required: false,
    description: 'yes when the deal was won: the status when the file has no status words',
  },
  { field: 'manager', aliases: DEAL_ALIASES.manager, required: false, description: 'who carries the deal' },
  { field: 'id', aliases: DEAL_ALIASES.id, required: false, description: 'the deal number' },
  {
    field: 'contact',
    aliases: CONTACT_ALIASES,
    required: false,
    description: "the deal's contact person, the client where the client cell is empty",
    kind: 'text',
  },
  { field: 'currency', aliases: DEAL_ALIASES.currency, required: false, description: 'the currency of the amount' },
  {
    field: 'product',
    aliases: DEAL_ALIASES.product,
    required: false,
    description: 'product of a product row',
    label: true,
  },
  {
    field: 'price',
    aliases: DEAL_ALIASES.price,
    required: false,
    description: 'unit price of a product row',
    kind: 'amount',
  },
  {
    field: 'quantity',
    aliases: DEAL_ALIASES.quantity,
    required: false,
    description: 'quantity of a product row',
    kind: 'amount',
  },
  {
    field: 'discount',
    aliases: DEAL_ALIASES.discount,
    required: false,
    description: 'the discount the deal was sold at (any but 0 or empty is one)',
  },
];

/** A deals export needs a client, and an amount or the price and quantity of product rows. */
export const DEAL_NEEDS: FieldNeeds = { specs: DEAL_FIELDS, oneOf: [['amount'], ['product', 'price', 'quantity']] };

/** One deal row. The converter reuses the object for the next row: copy what you keep. */
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
  /** The deal carries a discount (false when the file has no discount column). */
  discounted: boolean;
  line: number;
}

export interface DealOptions extends ConverterOptions {
  vocabulary: Vocabulary;
  /** Fold lines repeated whole; off, nothing is kept per row. */
  fold?: boolean;
  /** What the earlier files of the same input have shown, so that a line repeated across files folds. */
  repeats?: DealRepeats;
  /** Without a date column: the day every row is dated (the last day of the period a report's title prints). */
  undatedDay?: number | null;
}

/**
 * Turns CSV rows into deals: reads amounts, dates and statuses under the conventions of
 * their columns, folds lines repeated whole, and records located problems.
 */
export class DealConverter extends ConverterBase implements RowConverter<Deal> {
  /** The status words, or the won column's yes and no read as statuses when the file has no status words. */
  readonly statuses: PhraseClassifier<StatusKind>;
  /** The column the status is read from: `status`, `won` (a yes/no column), or none (every row is won). */
  readonly statusField: 'status' | 'won' | null;
  /** A won column beside the status words: its yes and no, to hold against them. */
  protected readonly wonFlags: PhraseClassifier<StatusKind> | null;
  /** Rows where the won column and the status words disagree: won by the status only, by the column only. */
  statusOnlyWon = 0;
  flagOnlyWon = 0;
  /** Refund rows counted whose amount was positive, taken as negative. */
  refundsFlipped = 0;
  folded = 0;
  /** Of `folded` and `amountRepeats`, the lines whose first copy was in an earlier file. */
  foldedAcross = 0;
  /** Further lines of a deal without product rows: its amount counted once. */
  amountRepeats = 0;
  /** Product rows counted as price × quantity, and those whose amount cell says another sum. */
  productRowsCounted = 0;
  amountDisagrees = 0;
  private readonly otherAmount = newParsedAmount();
  /** The first row of each ID, and the deals without products: a second line with the same ID and fingerprint is the same line again. */
  protected readonly repeats: DealRepeats;
  /** This file's number among the files of the input, and the position each column is hashed at. */
  protected readonly fileIndex: number;
  protected readonly positions: number[] | null;
  private readonly hasher = new RowHasher();
  private readonly repeatedIds = new Set<number>();
  protected readonly productRows: boolean;
  protected readonly fold: boolean;
  private readonly undatedDay: number | null;

  constructor(mapping: ColumnMapping, options: DealOptions, problems: Problems) {
    super(mapping, options, problems);
    this.fold = options.fold !== false;
    this.undatedDay = options.undatedDay ?? null;
    // Bitrix24 writes a deal once per product row, with the deal's total on each; there the
    // row's own amount is price × quantity.
    this.productRows = this.has('product') && this.has('price') && this.has('quantity');
    // A status column that is itself a won column (`--map status=IsWon`) is read as yes and no.
    const statusIsFlag = this.has('status') && isWonFlagHeader(mapping.header.status ?? '');
    this.statusField = this.has('status') ? 'status' : this.has('won') ? 'won' : null;
    this.statuses =
      this.statusField === 'won' || statusIsFlag ? wonFlagClassifier() : statusClassifier(options.vocabulary);
    this.wonFlags = this.statusField === 'status' && this.has('won') && !statusIsFlag ? wonFlagClassifier() : null;
    this.repeats = options.repeats ?? new DealRepeats();
    const begun = this.repeats.begin(options.file, mapping.headers);
    this.fileIndex = begun.index;
    this.positions = begun.positions;
  }

  /** Of the repeated IDs, those whose first row was in an earlier file. */
  readonly repeatedAcross = new Set<number>();

  /** IDs repeated in other parts of this file, read on other threads (their first rows are all distinct from this part's). */
  private repeatedInParts = 0;

  /** The first row of each ID read so far (this file's and the earlier files'). */
  get idTable(): RepeatTable {
    return this.repeats.idLines;
  }

  get repeatedIdCount(): number {
    return this.repeatedIds.size + this.repeatedInParts;
  }

  /** Won rows made into deals, and those whose client was taken from the contact column (its client cell empty). */
  wonRows = 0;
  contactClients = 0;

  /** Count what a later part of the same file, read on another thread, made, folded, found repeated and turned round. */
  addPartCounts(part: {
    folded: number;
    repeatedIds: number;
    wonRows: number;
    contactClients: number;
    refundsFlipped: number;
    statusOnlyWon: number;
    flagOnlyWon: number;
  }): void {
    this.folded += part.folded;
    this.repeatedInParts += part.repeatedIds;
    this.wonRows += part.wonRows;
    this.contactClients += part.contactClients;
    this.refundsFlipped += part.refundsFlipped;
    this.statusOnlyWon += part.statusOnlyWon;
    this.flagOnlyWon += part.flagOnlyWon;
  }

  convert(fields: string[], line: number): Deal | null | typeof AMBIGUOUS {
    if (this.isTotalsRow(fields, line) || this.misshapen(fields, line)) return null;
    const status = this.statusOf(fields);
    const deal = this.convertAs(status, fields, line);
    // A row that waits is converted again once its column settles: its status counts then.
    if (deal !== AMBIGUOUS) this.countStatus(fields, status);
    return deal;
  }

  /** The row's status, not counted yet: won without a status column. */
  private statusOf(fields: string[]): StatusKind {
    return this.statusField === null ? 'won' : this.statuses.peek(this.text(fields, this.statusField));
  }

  /** Count the row's status spelling, and hold it against the won column's yes or no when the file has both. */
  private countStatus(fields: string[], status: StatusKind): void {
    if (this.statusField !== null) this.statuses.classify(this.text(fields, this.statusField));
    if (this.wonFlags !== null) this.compareFlag(this.wonFlags.peek(this.text(fields, 'won')), status);
  }

  /** A won column's reading (won, lost, or open when it is no yes or no) against the status words'. */
  protected compareFlag(flag: StatusKind, status: StatusKind): void {
    if (flag === 'open') return;
    if (flag === 'won' && status !== 'won') this.flagOnlyWon++;
    else if (flag !== 'won' && status === 'won') this.statusOnlyWon++;
  }

  private convertAs(status: StatusKind, fields: string[], line: number): Deal | null | typeof AMBIGUOUS {
    // Lost and open deals are not revenue: their amounts and clients are often empty
    // (Maven, Pipedrive), and nothing they hold can change a result.
    let client = this.text(fields, 'client');
    const manager = this.text(fields, 'manager');
    if (!countsAsRevenue(status)) return this.emit(client, 0, 0, '', null, status, manager, line);
    if (this.blankAmount(fields, line)) return null;
    // amoCRM leaves «Компания» empty on deals with a private buyer, named by the contact.
    const byContact = client.trim() === '' && this.has('contact') && this.text(fields, 'contact').trim() !== '';
    if (byContact) client = this.text(fields, 'contact');
    if (client.trim() === '') return this.invalid(line, 'client', client, cell('NO_CLIENT_NAME', {}), 'fill-client');

    let whole: number;
    let micro: number;
    let currency: string;
    let disagrees = false;
    // A won deal without products sits in a product export as one row with empty product
    // cells: its amount is the deal's own.
    const dealAmount = this.productRows && this.emptyProductRow(fields);
    if (dealAmount && !this.has('amount')) {
      return this.invalid(line, 'product', '', cell('NO_PRODUCT_NO_AMOUNT', {}), 'map-deal-amount');
    }
    if (this.productRows && !dealAmount) {
      if (this.text(fields, 'product').trim() === '') {
        return this.invalid(line, 'product', '', cell('NO_PRODUCT', {}), 'product-row');
      }
      const price = this.readAmountField(fields, 'price', line);
      if (price !== true) return this.unread(price, line, 'price', fields);
      const quantity = this.readAmountField(fields, 'quantity', line);
      if (quantity !== true) return this.unread(quantity, line, 'quantity', fields);
      const p = this.amountColumn('price').value;
      const q = this.amountColumn('quantity').value;
      [whole, micro] = multiply(p.whole, p.micro, q.whole, q.micro);
      currency = p.currency;
      disagrees = this.amountCellDisagrees(fields, whole, micro);
    } else {
      const amount = this.readAmountField(fields, 'amount', line);
      if (amount !== true) return this.unread(amount, line, 'amount', fields);
      const a = this.amountColumn('amount').value;
      whole = a.whole;
      micro = a.micro;
      currency = a.currency;
    }
    const written = currencyCode(this.text(fields, 'currency'));
    if (written !== '') currency = written;
    // A refund takes money back: a positive amount under a refund status is its size, not its
    // sign (0 − x rather than −x, which would make −0 of a zero part).
    const flipped = status === 'refund' && (whole > 0 || micro > 0);
    if (flipped) [whole, micro] = [0 - whole, 0 - micro];

    let day: number | null = this.undatedDay;
    if (this.has('date')) {
      const d = this.readDateField(fields, 'date', line);
      if (d === AMBIGUOUS) return AMBIGUOUS;
      if (d === INVALID) return null;
      day = d === MISSING ? null : d;
    }

    if (dealAmount) {
      const once = this.dealAmountOnce(fields, line, whole, micro);
      if (once === 'earlier') this.foldedFromEarlierFile(whole, micro);
      if (once !== 'new') return null;
    }
    const id = this.fold && !dealAmount ? this.text(fields, 'id').trim() : '';
    if (id !== '') {
      const seen = this.repeatOf(id, fields, line);
      if (seen === 'conflict') return null;
      if (seen === 'repeat' || seen === 'earlier') {
        this.folded++;
        if (seen === 'earlier') this.foldedFromEarlierFile(whole, micro);
        return null;
      }
    }
    if (this.productRows && !dealAmount) {
      this.productRowsCounted++;
      if (disagrees) this.amountDisagrees++;
    }
    if (flipped) this.refundsFlipped++;
    this.totalsCheck.add(whole, micro);
    const d = this.emit(client, whole, micro, currency, day, status, manager, line);
    if (this.hasDiscount) d.discounted = carriesDiscount(this.text(fields, 'discount'));
    if (byContact) this.contactClients++;
    return d;
  }

  /**
   * A won row whose amount cell is blank (a zero-priced order line, a deal not yet priced) is
   * no revenue: it is left out and counted (`blankAmount`), not an error. A product row
   * reads its price and quantity instead; one with empty product cells is a deal whose
   * amount is the amount column's, and is blank alike.
   */
  private blankAmount(fields: string[], line: number): boolean {
    if (!this.has('amount') || (this.productRows && !this.emptyProductRow(fields))) return false;
    if (!isBlankCell(this.text(fields, 'amount'))) return false;
    this.countBlankAmount(1, line);
    return true;
  }

  /** Won rows left out for a blank amount, and the line of the first. */
  blankAmounts = 0;
  firstBlankAmount = 0;

  /** Count blank amounts (`rows` of them, the first on `line`), here or from a later part of the file. */
  countBlankAmount(rows: number, line: number): void {
    if (rows === 0) return;
    if (this.blankAmounts === 0) this.firstBlankAmount = line;
    this.blankAmounts += rows;
  }

  /** Whether the row's amount is price × quantity (a product export): such deals are remembered by ID across the whole file. */
  get readsProductRows(): boolean {
    return this.productRows;
  }

  /** Whether the file has a discount column: without one, no client can be called price-driven. */
  get hasDiscount(): boolean {
    return this.has('discount');
  }

  /**
   * A line whose first copy was in an earlier file: it does not count twice, but this file's
   * own totals row (an overlapping export totals its whole range) does include it.
   */
  protected foldedFromEarlierFile(whole: number, micro: number): void {
    this.foldedAcross++;
    this.totalsCheck.add(whole, micro);
  }

  /**
   * Whether a product row's amount cell (when the file has one) holds another sum than
   * price × quantity: the deal total Bitrix24 repeats, or a line total after a discount.
   * Either way the user is told which one counted.
   */
  private amountCellDisagrees(fields: string[], whole: number, micro: number): boolean {
    if (!this.has('amount')) return false;
    const a = this.otherAmount;
    if (readAmount(this.text(fields, 'amount'), this.markFor('amount'), a) !== NumberRead.Ok) return false;
    return a.whole !== whole || a.micro !== micro;
  }

  /** A totals row's amount cell, read under the amount column's decimal mark (product files compare nothing). */
  protected override statedTotal(fields: string[]): bigint | null {
    if (this.productRows || !this.has('amount')) return null;
    const parsed = newParsedAmount();
    if (readAmount(this.text(fields, 'amount'), this.markFor('amount'), parsed) !== NumberRead.Ok) return null;
    return BigInt(parsed.whole) * MICROS_PER_UNIT + BigInt(parsed.micro);
  }

  /**
   * The one Deal object, refilled for every row: it is consumed before the next row is read,
   * and a million short-lived objects would only feed the garbage collector.
   */
  private readonly deal: Deal = {
    client: '',
    whole: 0,
    micro: 0,
    currency: '',
    day: null,
    status: 'won',
    manager: '',
    discounted: false,
    line: 0,
  };

  protected emit(
    client: string,
    whole: number,
    micro: number,
    currency: string,
    day: number | null,
    status: StatusKind,
    manager: string,
    line: number,
  ): Deal {
    if (status === 'won') this.wonRows++;
    const d = this.deal;
    d.client = client;
    d.whole = whole;
    d.micro = micro;
    d.currency = currency;
    d.day = day;
    d.status = status;
    d.manager = manager;
    d.discounted = false;
    d.line = line;
    return d;
  }

  /**
   * A won row whose amount could not be read now: held, already recorded, or missing (a
   * product row's price or quantity: a blank amount is left out before, as no revenue).
   */
  private unread(
    r: typeof MISSING | typeof INVALID | typeof AMBIGUOUS,
    line: number,
    field: string,
    fields: string[],
  ): null | typeof AMBIGUOUS {
    if (r === AMBIGUOUS) return AMBIGUOUS;
    if (r === MISSING)
      return this.invalid(line, field, this.text(fields, field), cell('NO_VALUE', { field }), 'product-row');
    return null;
  }

  private emptyProductRow(fields: string[]): boolean {
    return (
      this.text(fields, 'product').trim() === '' &&
      this.text(fields, 'price').trim() === '' &&
      this.text(fields, 'quantity').trim() === ''
    );
  }

  /**
   * A deal without products counts its amount once, however many lines it takes (Bitrix24
   * repeats a deal per contact): a second line with the same ID and amount is folded, one
   * with another amount is a conflict. Only these deals are remembered, not every ID.
   * `earlier`: a repeat of a line of an earlier file.
   */
  private dealAmountOnce(
    fields: string[],
    line: number,
    whole: number,
    micro: number,
  ): 'new' | 'repeat' | 'earlier' | 'conflict' {
    const id = this.text(fields, 'id').trim();
    if (id === '') return 'new';
    const first = this.repeats.dealAmounts.get(id);
    if (first === undefined) {
      this.repeats.dealAmounts.set(detach(id), { whole, micro, where: this.repeats.where(this.fileIndex, line) });
      return 'new';
    }
    if (first.whole === whole && first.micro === micro) {
      this.amountRepeats++;
      return this.repeats.fileOf(first.where) === this.fileIndex ? 'repeat' : 'earlier';
    }
    this.invalid(
      line,
      'amount',
      this.text(fields, 'amount'),
      cell('CONFLICTING_AMOUNT', { id, ...this.repeats.locate(first.where, this.fileIndex), noProducts: true }),
      'keep-one',
      'CONFLICTING_DUPLICATE',
    );
    return 'conflict';
  }

  /**
   * A line repeated whole (two exports glued together) is the same deal again. Rows that
   * share an ID but differ otherwise are separate rows (product rows, 1C numbering that
   * restarts each year); a row that repeats another in everything but the amount is a
   * conflict, not a second deal, and is reported with both lines. `earlier`: a repeat whose
   * first copy was in an earlier file of the input.
   */
  private repeatOf(id: string, fields: string[], line: number): 'new' | 'repeat' | 'earlier' | 'conflict' {
    const h = this.hasher;
    h.hash(fields, this.positions);
    const idField = this.col.id as number;
    const key = numericId(fields[idField] as string);
    if (key >= 0) {
      h.lineA = (h.lineA - (h.fieldA[idField] as number) + key) | 0;
      h.fieldA[idField] = key;
    }
    const seen = this.compareRow(h, line);
    if (seen !== 'conflict') return seen;
    const where = this.repeats.whereOfEntry(this.conflictEntry);
    this.invalid(
      line,
      'amount',
      this.text(fields, 'amount'),
      cell('CONFLICTING_AMOUNT', { id, ...this.repeats.locate(where, this.fileIndex), noProducts: false }),
      'keep-one',
      'CONFLICTING_DUPLICATE',
    );
    return 'conflict';
  }

  /** The first row of the ID of the last row `compareRow` found in conflict with it. */
  private conflictEntry = -1;

  /**
   * A hashed row with an ID against the first row of that ID: `new` (stored now as the first,
   * or another row of a known ID), a `repeat` of it, one whose first copy was in an `earlier`
   * file, or a `conflict` (only the amount differs), which changes nothing here.
   */
  protected compareRow(h: LineHashes, line: number): 'new' | 'repeat' | 'earlier' | 'conflict' {
    // Product rows compare whole (one differing only in the amount is another product row);
    // other rows compare all but the amount, and then the amount.
    const amount = this.productRows ? -1 : (this.col.amount as number);
    const restA = amount < 0 ? h.lineA : h.lineA - (h.fieldA[amount] as number);
    const restB = amount < 0 ? h.lineB : h.lineB - (h.fieldB[amount] as number);
    const tag = amount < 0 ? 0 : (h.fieldA[amount] as number);
    const idField = this.col.id as number;
    const table = this.repeats.idLines;
    const e = table.seen(h.fieldA[idField] as number, h.fieldB[idField] as number, restA, restB, tag, line);
    if (e === -1) return 'new';
    const across = this.repeats.fileOfEntry(e) !== this.fileIndex;
    if (table.sameRest(e, restA, restB)) {
      if (table.sameTag(e, tag)) return across ? 'earlier' : 'repeat';
      this.conflictEntry = e;
      return 'conflict';
    }
    // Entry numbers stand for IDs: one per distinct ID.
    this.repeatedIds.add(e);
    if (across) this.repeatedAcross.add(e);
    return 'new';
  }
}

/** A row's fingerprint halves and its fields' (RowHasher's, or the byte reader's). */
interface LineHashes {
  readonly fieldA: ArrayLike<number>;
  readonly fieldB: ArrayLike<number>;
  readonly lineA: number;
  readonly lineB: number;
}

/** A cell of spaces only (any the number reader skips), or empty; most amounts start with a digit, which settles it. */
function isBlankCell(raw: string): boolean {
  if (raw.length === 0) return true;
  const c = raw.charCodeAt(0);
  return !(c >= 48 && c <= 57) && raw.trim() === '';
}

/** Won and refund rows are revenue (a refund a negative one); lost and open rows are counted out. */
export function countsAsRevenue(status: StatusKind): boolean {
  return status === 'won' || status === 'refund';
}

/**
 * A discount cell: a number other than zero (`5`, `5%`, `1 200,50`), a yes, or any other
 * text (a promotion's name) is a discount; empty, 0 and a no are none.
 */
export function carriesDiscount(raw: string): boolean {
  const flag = readFlag(raw, null);
  if (flag === 'missing') return false;
  if (typeof flag === 'boolean') return flag;
  const n = Number(raw.replace(/[\s\u00a0\u202f%]/g, '').replace(',', '.'));
  return !(Number.isFinite(n) && n === 0);
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
