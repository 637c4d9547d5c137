import { cell } from '../codes/error-fields.js';
import { OFFER_ALIASES, STATE_PATH_ALIASES } from './aliases.js';
import type { ColumnMapping, FieldNeeds, FieldSpec } from './columns.js';
import { ConverterBase, INVALID, MISSING, type ConverterOptions } from './converter-base.js';
import { CLIENT_BY_ID, OFFER_SENT_FALLBACKS } from './fallbacks.js';
import { PhraseClassifier } from './phrase-classifier.js';
import { currencyCode } from './numbers.js';
import type { Problems } from './problems.js';
import { AMBIGUOUS, type RowConverter } from './row-feed.js';
import { BUILT_IN, NOT_YET, WON_STAGES, type Vocabulary } from './vocabulary.js';

export const OFFER_FIELDS: readonly FieldSpec[] = [
  {
    field: 'client',
    aliases: OFFER_ALIASES.client,
    required: true,
    description: 'the client the offer was sent to',
    fallbacks: [CLIENT_BY_ID],
  },
  {
    field: 'sent',
    aliases: OFFER_ALIASES.sent,
    required: true,
    description: 'when the offer was sent',
    fallbacks: OFFER_SENT_FALLBACKS,
    kind: 'date',
  },
  {
    field: 'expires',
    aliases: OFFER_ALIASES.expires,
    required: false,
    description: 'the last day the offer is valid',
    kind: 'date',
  },
  {
    field: 'amount',
    aliases: OFFER_ALIASES.amount,
    required: false,
    description: 'the amount offered',
    kind: 'amount',
  },
  { field: 'currency', aliases: OFFER_ALIASES.currency, required: false, description: 'the currency of the amount' },
  {
    field: 'status',
    aliases: OFFER_ALIASES.status,
    required: false,
    description: 'accepted, declined, or still open',
    pathAliases: STATE_PATH_ALIASES,
  },
  { field: 'manager', aliases: OFFER_ALIASES.manager, required: false, description: 'who sent the offer' },
  {
    field: 'number',
    aliases: OFFER_ALIASES.number,
    required: false,
    description: 'the offer or quote number',
    label: true,
  },
];

export const OFFER_NEEDS: FieldNeeds = { specs: OFFER_FIELDS };

/** What the client said to an offer: accepted and declined offers need no follow-up. */
export type Decision = 'accepted' | 'declined' | 'undecided';

/**
 * What an offer's status says: decided (accepted, declined), still open (undecided), or a
 * stage before any offer was sent (a draft; a deal of a deals export still in qualification),
 * which is no offer yet.
 */
export type OfferStage = Decision | 'preparing';

/**
 * A deal that is won or paid accepted its offer; «согласовано» accepts an offer even though a
 * deal stage «Согласование» is still open, so the stem moves from the open list to the
 * accepted one here; «на согласовании» stays undecided. `Approved` is left out: in quote
 * tools it means approved inside the company for sending.
 */
const ACCEPTED = [
  ...BUILT_IN.won,
  ...WON_STAGES.phrases,
  'accept',
  'confirmed',
  'signed',
  'agreed',
  'принят',
  'согласован',
  'подписан',
  'подтвержден',
];
const DECLINED = [...BUILT_IN.lost, ...BUILT_IN.refund, 'отклон'];
const PREPARING = [
  'draft',
  'new',
  'lead',
  'qualif',
  'prospect',
  'needs analysis',
  'identify decision',
  'perception analysis',
  'engag',
  'in preparation',
  'черновик',
  'подготов',
  'нов',
  'неразобранн',
  'квалификац',
  'первичный контакт',
  'выявление потребност',
  'взят в работу',
];
const UNDECIDED = [
  ...BUILT_IN.open.filter((p) => !ACCEPTED.includes(p) && !PREPARING.includes(p)),
  'sent',
  'awaiting',
  'expired',
  'на согласовании',
  'ожидает подтверждения',
  'отправлен',
  'истек',
  'просрочен',
  'предложение',
];

/** The offer's stage by its status; the user's --won, --lost and --open phrases add to accepted, declined and undecided. */
export function decisionClassifier(user: Vocabulary): PhraseClassifier<OfferStage> {
  return new PhraseClassifier<OfferStage>(
    [
      // As a won status: done forms only, and never with a "not yet" marker («Ожидает подписания»).
      { kind: 'accepted', builtIn: ACCEPTED, user: user.won, done: true, notYet: true },
      { kind: 'declined', builtIn: DECLINED, user: user.lost },
      { kind: 'undecided', builtIn: UNDECIDED, user: user.open },
      { kind: 'preparing', builtIn: PREPARING, user: [] },
    ],
    'undecided',
    { notYet: NOT_YET },
  );
}

export interface OfferRow {
  client: string;
  number: string;
  /** Null for a row with no sending day: a deal of a deals export that never got an offer. */
  sent: number | null;
  expires: number | null;
  amount: { whole: number; micro: number } | null;
  /** ISO code from the currency column or the amount's sign, '' when the file does not say. */
  currency: string;
  manager: string;
  decision: OfferStage;
  line: number;
}

export interface OfferOptions extends ConverterOptions {
  vocabulary: Vocabulary;
}

export class OfferConverter extends ConverterBase implements RowConverter<OfferRow> {
  readonly decisions: PhraseClassifier<OfferStage>;

  constructor(mapping: ColumnMapping, options: OfferOptions, problems: Problems) {
    super(mapping, options, problems);
    this.decisions = decisionClassifier(options.vocabulary);
  }

  convert(fields: string[], line: number): OfferRow | null | typeof AMBIGUOUS {
    if (this.isTotalsRow(fields, line) || this.misshapen(fields, line)) return null;
    const client = this.text(fields, 'client');
    if (client.trim() === '') return this.invalid(line, 'client', client, cell('NO_CLIENT', {}), 'fill-offer-client');
    const sent = this.readDateField(fields, 'sent', line);
    if (sent === AMBIGUOUS) return AMBIGUOUS;
    if (sent === INVALID) return null;
    if (sent === MISSING)
      return {
        client,
        number: '',
        sent: null,
        expires: null,
        amount: null,
        currency: '',
        manager: '',
        decision: 'undecided',
        line,
      };
    let expires: number | null = null;
    if (this.has('expires')) {
      const e = this.readDateField(fields, 'expires', line);
      if (e === AMBIGUOUS) return AMBIGUOUS;
      if (e === INVALID) return null;
      if (e !== MISSING) {
        if (e < sent)
          return this.invalid(
            line,
            'expires',
            this.text(fields, 'expires'),
            cell('EXPIRES_BEFORE_SENT', {}),
            'offer-dates',
          );
        expires = e;
      }
    }
    const amount = this.has('amount')
      ? this.readNonNegativeAmount(fields, 'amount', line, cell('NEGATIVE_OFFER', {}))
      : null;
    if (amount === AMBIGUOUS) return AMBIGUOUS;
    if (amount === INVALID) return null;
    const written = currencyCode(this.text(fields, 'currency'));
    const currency = written !== '' ? written : amount === null ? '' : this.amountColumn('amount').value.currency;
    return {
      client,
      number: this.text(fields, 'number').trim(),
      sent,
      expires,
      amount,
      currency,
      manager: this.text(fields, 'manager'),
      decision: this.has('status') ? this.decisions.classify(this.text(fields, 'status')) : 'undecided',
      line,
    };
  }
}
