import { RevenueLedger, type ClientRevenue } from './ledger.js';
import type { ClientNames } from '../normalize/client-names.js';
import { MoneySum } from '../normalize/money.js';
import { dayNumber, dayParts, daysInMonth } from '../normalize/dates.js';
import { detach } from '../normalize/text.js';
import type { Period } from '../normalize/period.js';

/** What the dynamics need of one client, over its whole history up to the last deal read. */
export interface ClientHistory {
  /** The client as the ledgers name it (`nameClients`). */
  name: string;
  /** Net won revenue per calendar month, keyed by `year * 12 + month - 1`. */
  months: Map<number, MoneySum>;
  /** Days with at least one won deal of a positive amount: its orders, one per date. */
  orderDays: Set<number>;
  /** Of `orderDays`, those with a deal that carries a discount (only filled when the file has a discount column). */
  discountDays: Set<number>;
  /** The client's entry in the window ledger: its sums hold the window's deals only. */
  entry: ClientRevenue;
}

/**
 * Per-client history as won deals arrive, for `dynamics`: monthly revenue, order dates and
 * discounts over every date, and revenue per manager inside one window (to tell who carries
 * a client there). Memory grows with clients × months and clients × order dates, never with
 * rows; names are keyed exactly as the revenue ledger keys them.
 */
export class DealHistory {
  readonly clients = new Map<ClientRevenue, ClientHistory>();
  /** Revenue per client and manager inside `windowPeriod`; it also keys every client, in the window or not. */
  readonly window: RevenueLedger;
  /** Raw spelling → client, so that a row costs one lookup. */
  private readonly spellings = new Map<string, ClientHistory>();
  /** Whether any row had a discount column to read. */
  discountsKnown = false;

  /** `names`: how the run keys its clients (every ledger of a run keys them alike). */
  constructor(
    readonly windowPeriod: Period,
    names?: ClientNames,
  ) {
    this.window = new RevenueLedger(names);
  }

  /** Show each client under the spelling the run chose for it, once the rows are read. */
  nameClients(): void {
    this.window.nameClients();
    for (const h of this.clients.values()) h.name = h.entry.name;
  }

  add(client: string, manager: string, day: number, whole: number, micro: number, discounted: boolean): void {
    const h = this.spellings.get(client) ?? this.lookup(client);
    const month = monthOfDay(day);
    let sum = h.months.get(month);
    if (sum === undefined) {
      sum = new MoneySum();
      h.months.set(month, sum);
    }
    sum.add(whole, micro);
    if (whole > 0 || (whole === 0 && micro > 0)) {
      h.orderDays.add(day);
      if (discounted) h.discountDays.add(day);
    }
    if (day >= this.windowPeriod.from && day <= this.windowPeriod.to) this.window.addTo(h.entry, manager, whole, micro);
  }

  /** The day of the first order (a won deal of a positive amount) of any client, or null. */
  firstOrder(): number | null {
    return this.orderSpan()?.from ?? null;
  }

  /** The days of the first and the last order of any client, or null without one. */
  orderSpan(): Period | null {
    let span: Period | null = null;
    for (const h of this.clients.values())
      for (const day of h.orderDays) {
        if (span === null) span = { from: day, to: day };
        else if (day < span.from) span.from = day;
        else if (day > span.to) span.to = day;
      }
    return span;
  }

  private lookup(client: string): ClientHistory {
    const entry = this.window.entry(client);
    let h = this.clients.get(entry);
    if (h === undefined) {
      h = { name: entry.name, months: new Map(), orderDays: new Set(), discountDays: new Set(), entry };
      this.clients.set(entry, h);
    }
    // As many spellings as the ledger keeps: a million distinct ones are a hostile file, not a portfolio.
    if (this.spellings.size < 1_000_000) this.spellings.set(detach(client), h);
    return h;
  }
}

/** A calendar month as one number, so that consecutive months are consecutive integers. */
export function monthIndexOf(year: number, month: number): number {
  return year * 12 + month - 1;
}

// Day → month for 1900–2099 from a table: the date arithmetic per row cost more than the rest of the history's work.
const TABLE_FROM = dayNumber(1900, 1, 1);
let table: Int32Array | null = null;

function monthTable(): Int32Array {
  const t = new Int32Array(dayNumber(2100, 1, 1) - TABLE_FROM);
  let at = 0;
  for (let year = 1900; year < 2100; year++) {
    for (let month = 1; month <= 12; month++) {
      const end = at + daysInMonth(year, month);
      t.fill(monthIndexOf(year, month), at, end);
      at = end;
    }
  }
  return t;
}

export function monthOfDay(day: number): number {
  const i = day - TABLE_FROM;
  table ??= monthTable();
  if (i >= 0 && i < table.length) return table[i] as number;
  const p = dayParts(day);
  return monthIndexOf(p.year, p.month);
}
