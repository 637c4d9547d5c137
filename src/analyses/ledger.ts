import { ClientNames } from '../normalize/client-names.js';
import { detach, displayName } from '../normalize/text.js';
import { MoneySum } from '../normalize/money.js';

export interface ClientRevenue {
  /** First spelling seen, until `nameClients` gives the one the run shows. */
  name: string;
  revenue: MoneySum;
  /** Revenue per manager, to tell who carries the client. */
  byManager: Map<string, MoneySum>;
  /** The manager spelling of the client's last row and its sum: most clients have one manager. */
  lastManager: string;
  lastSum: MoneySum | null;
}

/** Per client: its key, first spelling, revenue (whole units, millionths) and revenue per manager. */
export type LedgerData = [
  key: string,
  name: string,
  whole: number,
  micro: number,
  managers: [name: string, whole: number, micro: number][],
][];

/**
 * Revenue per client as rows arrive. Memory grows with distinct clients (and their
 * managers), never with rows: per row, a map lookup by the client's spelling and two additions.
 */
export class RevenueLedger {
  /** By client key (`ClientNames.key`). */
  readonly clients = new Map<string, ClientRevenue>();
  /** Raw spelling → client, so each spelling is keyed once. */
  private readonly spellings = new Map<string, ClientRevenue>();
  private readonly managerNames = new Map<string, string>();

  /**
   * Clients by the number a reader gave their spelling (the byte reader numbers each distinct
   * client once): an array index per row instead of a map lookup. One reader's numbers only.
   */
  private readonly numbered: ClientRevenue[] = [];
  private numbering: object | null = null;

  /** `names`: how spellings are keyed, the same for every ledger of a run. */
  constructor(readonly names = new ClientNames()) {}

  /** `number` (≥ 0) is the spelling's number in `numbering`, the reader's, when it has one. */
  add(
    client: string,
    manager: string,
    whole: number,
    micro: number,
    number = -1,
    numbering: object | null = null,
  ): void {
    let entry: ClientRevenue | undefined;
    if (number >= 0 && numbering !== null && (this.numbering ??= numbering) === numbering) {
      entry = this.numbered[number];
      if (entry === undefined) this.numbered[number] = entry = this.entry(client);
    } else {
      entry = this.entry(client);
    }
    this.addTo(entry, manager, whole, micro);
  }

  /** The client a spelling belongs to, created on first sight: for callers that keep their own per-client figures beside it. */
  entry(client: string): ClientRevenue {
    return this.spellings.get(client) ?? this.lookup(client);
  }

  /** Add to a client already looked up with `entry`. */
  addTo(entry: ClientRevenue, manager: string, whole: number, micro: number): void {
    entry.revenue.add(whole, micro);
    if (manager === '') return;
    if (entry.lastSum !== null && manager === entry.lastManager) {
      entry.lastSum.add(whole, micro);
      return;
    }
    const name = this.managerName(manager);
    let sum = entry.byManager.get(name);
    if (sum === undefined) {
      sum = new MoneySum();
      entry.byManager.set(name, sum);
    }
    sum.add(whole, micro);
    entry.lastManager = name === manager ? name : detach(manager);
    entry.lastSum = sum;
  }

  /** The clients and their sums in plain data, in the order first seen: what a part read on another thread hands over. */
  toData(): LedgerData {
    return [...this.clients].map(([key, c]) => [
      key,
      c.name,
      c.revenue.whole,
      c.revenue.micro,
      [...c.byManager].map(([m, sum]) => [m, sum.whole, sum.micro]),
    ]);
  }

  /**
   * Add the clients of a later part of the same rows: sums add up, a client or manager first
   * seen there comes after those seen here, as it would have had the rows been read in one go.
   */
  absorb(data: LedgerData): void {
    for (const [key, name, whole, micro, managers] of data) {
      let entry = this.clients.get(key);
      if (entry === undefined) {
        entry = { name, revenue: new MoneySum(), byManager: new Map(), lastManager: '', lastSum: null };
        this.clients.set(key, entry);
      }
      entry.revenue.add(whole, micro);
      for (const [manager, w, m] of managers) {
        let sum = entry.byManager.get(manager);
        if (sum === undefined) {
          sum = new MoneySum();
          entry.byManager.set(manager, sum);
        }
        sum.add(w, m);
      }
    }
  }

  /** Show each client under the spelling the run chose for it (`ClientNames.name`), once the rows are read. */
  nameClients(): void {
    for (const [key, entry] of this.clients) entry.name = this.names.name(key, entry.name);
  }

  private lookup(client: string): ClientRevenue {
    const key = this.names.key(client);
    let entry = this.clients.get(key);
    if (entry === undefined) {
      entry = {
        name: detach(displayName(client)),
        revenue: new MoneySum(),
        byManager: new Map(),
        lastManager: '',
        lastSum: null,
      };
      // The key is the run's own copy (`ClientNames`), cut from no chunk.
      this.clients.set(key, entry);
    }
    if (this.spellings.size < 1_000_000) this.spellings.set(detach(client), entry);
    return entry;
  }

  /** Raw manager spelling → the name shown (trimmed, one copy per spelling). */
  private managerName(manager: string): string {
    let name = this.managerNames.get(manager);
    if (name === undefined) {
      name = detach(displayName(manager));
      this.managerNames.set(detach(manager), name);
    }
    return name;
  }
}
