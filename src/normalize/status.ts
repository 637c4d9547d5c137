import { detach, nameKey } from './text.js';

export type StatusKind = 'won' | 'lost' | 'open';

/** Statuses CRMs write for money received (amoCRM, Bitrix24, 1C, HubSpot, Salesforce, Pipedrive, Zoho...). */
export const DEFAULT_WON = [
  'won',
  'closed won',
  'closedwon',
  'deal won',
  'win',
  'paid',
  'success',
  'successful',
  'shipped',
  'delivered',
  'invoiced',
  'fulfilled',
  'completed',
  'успешно',
  'успешно реализовано',
  'сделка успешна',
  'сделка успешно завершена',
  'оплачено',
  'оплачен',
  'оплачена',
  'выиграна',
  'выиграно',
  'реализовано',
  'отгружено',
  'выполнено',
];

export const DEFAULT_LOST = [
  'lost',
  'closed lost',
  'closedlost',
  'deal lost',
  'cancelled',
  'canceled',
  'rejected',
  'declined',
  'failed',
  'refused',
  'закрыто и не реализовано',
  'сделка провалена',
  'отменено',
  'отменена',
  'отменен',
  'отказ',
  'проиграна',
  'проиграно',
  'не реализовано',
  'аннулировано',
];

/**
 * Status text to won / lost / open. Exports repeat a handful of statuses over millions of
 * rows, so each distinct spelling is classified once and remembered.
 */
export class StatusClassifier {
  private readonly won: Set<string>;
  private readonly lost: Set<string>;
  private readonly seen = new Map<string, StatusKind>();
  /** Spellings read as open, with their row counts, so a report can name them. */
  readonly openValues = new Map<string, number>();

  constructor(extraWon: readonly string[] = [], extraLost: readonly string[] = []) {
    this.won = new Set([...DEFAULT_WON, ...extraWon].map(nameKey));
    this.lost = new Set([...DEFAULT_LOST, ...extraLost].map(nameKey));
  }

  classify(raw: string): StatusKind {
    const known = this.seen.get(raw);
    if (known !== undefined) {
      if (known === 'open') this.openValues.set(raw, (this.openValues.get(raw) ?? 0) + 1);
      return known;
    }
    const key = nameKey(raw);
    const kind: StatusKind = this.won.has(key) ? 'won' : this.lost.has(key) ? 'lost' : 'open';
    // A status column with endless distinct values is not a status column; stop caching.
    if (this.seen.size < 10_000) {
      const copy = detach(raw);
      this.seen.set(copy, kind);
      if (kind === 'open') this.openValues.set(copy, 1);
    }
    return kind;
  }
}
