import { WordClassifier } from './outcomes.js';
import { detach } from './text.js';

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
 * Status text to won / lost / open, remembering how often each spelling read as open so
 * that a warning can name them.
 */
export class StatusClassifier {
  private readonly words: WordClassifier<StatusKind>;
  /** Spellings read as open, with their row counts. */
  readonly openValues = new Map<string, number>();

  constructor(extraWon: readonly string[] = [], extraLost: readonly string[] = []) {
    this.words = new WordClassifier<StatusKind>(
      [
        ['won', [...DEFAULT_WON, ...extraWon]],
        ['lost', [...DEFAULT_LOST, ...extraLost]],
      ],
      'open',
    );
  }

  classify(raw: string): StatusKind {
    const kind = this.words.classify(raw);
    if (kind === 'open') {
      const n = this.openValues.get(raw);
      if (n !== undefined) this.openValues.set(raw, n + 1);
      else if (this.openValues.size < 1000) this.openValues.set(detach(raw), 1);
    }
    return kind;
  }
}
