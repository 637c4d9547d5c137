import type { RevenueLedger } from '../analyses/ledger.js';
import type { DealHistory } from '../analyses/history.js';
import type { ClientNames } from '../normalize/client-names.js';
import type { Deal } from '../normalize/deals.js';
import type { DealFilter } from './deals.js';

/** The first row of each currency the counted deals name, and how many name it. */
export type Currencies = Map<string, { rows: number; file: string; line: number }>;

/** Where the deals of one file go: the ledgers they count in, and the counts of those left out. */
export interface DealTargets {
  /** Every deal row's client spelling is counted here, whatever its status or date: the name shown is the most frequent. */
  names: ClientNames;
  ledger: RevenueLedger;
  previous: RevenueLedger | null;
  trailing: RevenueLedger | null;
  currencies: Currencies;
  history: DealHistory | null;
}

/**
 * Takes each deal a file's converter makes and counts it where the filter says: the period's
 * ledger, the previous period's, the trailing window's, the history; or among the rows left
 * out by status, period or currency.
 */
export class DealSink {
  readonly excluded = { status: 0, period: 0, currency: 0 };
  used = 0;
  undated = 0;
  private readonly historyOnly: boolean;

  constructor(
    private readonly filter: DealFilter,
    private readonly file: string,
    readonly targets: DealTargets,
  ) {
    this.historyOnly = targets.history !== null && filter.historyOnly === true;
  }

  /** `number` is the client's number among the spellings `numbering` (a byte reader) has seen, -1 without one. */
  readonly accept = (deal: Deal, number = -1, numbering: object | null = null): void => {
    const { filter } = this;
    const { names, ledger, previous, trailing, currencies, history } = this.targets;
    names.seenDeal(deal.client, number, numbering);
    if (deal.status !== 'won') {
      this.excluded.status++;
      return;
    }
    const inCurrency = filter.currency === undefined || deal.currency === '' || deal.currency === filter.currency;
    if (
      trailing &&
      filter.trailing &&
      deal.day !== null &&
      deal.day >= filter.trailing.from &&
      deal.day <= filter.trailing.to &&
      inCurrency
    ) {
      trailing.add(deal.client, deal.manager, deal.whole, deal.micro, number, numbering);
    }
    if (history && deal.day !== null && inCurrency)
      history.add(deal.client, deal.manager, deal.day, deal.whole, deal.micro, deal.discounted);
    if (filter.period !== null) {
      if (deal.day === null) {
        this.undated++;
        this.excluded.period++;
        return;
      }
      if (deal.day < filter.period.from || deal.day > filter.period.to) {
        this.excluded.period++;
        if (
          previous &&
          filter.previous &&
          deal.day >= filter.previous.from &&
          deal.day <= filter.previous.to &&
          inCurrency
        ) {
          previous.add(deal.client, deal.manager, deal.whole, deal.micro, number, numbering);
        }
        return;
      }
    }
    if (deal.currency !== '') {
      if (filter.currency !== undefined && deal.currency !== filter.currency) {
        this.excluded.currency++;
        return;
      }
      const seen = currencies.get(deal.currency);
      if (seen) seen.rows++;
      else currencies.set(deal.currency, { rows: 1, file: this.file, line: deal.line });
    }
    this.used++;
    if (!this.historyOnly) ledger.add(deal.client, deal.manager, deal.whole, deal.micro, number, numbering);
  };
}
