import type { RevenueLedger } from '../analyses/ledger.js';
import type { DealHistory } from '../analyses/history.js';
import type { ClientNames } from '../normalize/client-names.js';
import { countsAsRevenue, type Deal } from '../normalize/deals.js';
import type { DealFilter } from './deals.js';

import { tallyCurrency, type Currencies } from './currencies.js';

export type { Currencies };

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
  /** Rows left out: not won, outside the period, another currency, or won with no date while a period was asked for. */
  readonly excluded = { status: 0, period: 0, currency: 0, undated: 0 };
  used = 0;
  undated = 0;
  /** The first and last day of the won, dated rows, whatever the period: what the file covers. */
  firstDay = Infinity;
  lastDay = -Infinity;
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
    if (!countsAsRevenue(deal.status)) {
      this.excluded.status++;
      return;
    }
    const inCurrency = filter.currency === undefined || deal.currency === '' || deal.currency === filter.currency;
    if (deal.day !== null && inCurrency) {
      if (deal.day < this.firstDay) this.firstDay = deal.day;
      if (deal.day > this.lastDay) this.lastDay = deal.day;
    }
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
        this.excluded.undated++;
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
    if (deal.currency !== '' && filter.currency !== undefined && deal.currency !== filter.currency) {
      this.excluded.currency++;
      return;
    }
    tallyCurrency(currencies, deal.currency, this.file, deal.line);
    this.used++;
    if (!this.historyOnly) ledger.add(deal.client, deal.manager, deal.whole, deal.micro, number, numbering);
  };
}
