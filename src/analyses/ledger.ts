import { detach, displayName, nameKey } from '../normalize/text.js';
import { MoneySum } from './money.js';

export interface ClientRevenue {
  /** First spelling seen. */
  name: string;
  revenue: MoneySum;
  /** Revenue per manager, to tell who carries the client. */
  byManager: Map<string, MoneySum>;
}

/**
 * Revenue per client as rows arrive. Memory grows with distinct clients (and their
 * managers), never with rows: the only per-row work is two map lookups and two additions.
 */
export class RevenueLedger {
  readonly clients = new Map<string, ClientRevenue>();
  /** Raw spelling → client, so each spelling is keyed once. */
  private readonly spellings = new Map<string, ClientRevenue>();
  private readonly managerNames = new Map<string, string>();

  add(client: string, manager: string, whole: number, micro: number): void {
    let entry = this.spellings.get(client);
    if (entry === undefined) entry = this.lookup(client);
    entry.revenue.add(whole, micro);
    if (manager !== '') {
      const name = this.managerName(manager);
      let sum = entry.byManager.get(name);
      if (sum === undefined) {
        sum = new MoneySum();
        entry.byManager.set(name, sum);
      }
      sum.add(whole, micro);
    }
  }

  private lookup(client: string): ClientRevenue {
    const key = nameKey(client);
    let entry = this.clients.get(key);
    if (entry === undefined) {
      entry = { name: detach(displayName(client)), revenue: new MoneySum(), byManager: new Map() };
      this.clients.set(detach(key), entry);
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
