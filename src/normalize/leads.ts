import { cell } from '../codes/error-fields.js';
import type { Amount } from './money.js';
import { LEAD_ALIASES, STATE_PATH_ALIASES } from './aliases.js';
import type { ColumnMapping, FieldNeeds, FieldSpec } from './columns.js';
import { CLIENT_BY_ID } from './fallbacks.js';
import { ConverterBase, INVALID, MISSING, type ConverterOptions } from './converter-base.js';
import { currencyCode } from './numbers.js';
import type { Problems } from './problems.js';
import { AMBIGUOUS, type RowConverter } from './row-feed.js';
import type { PhraseClassifier } from './phrase-classifier.js';
import { statusClassifier, type StatusKind, type Vocabulary } from './vocabulary.js';

export const LEAD_FIELDS: readonly FieldSpec[] = [
  {
    field: 'lead',
    aliases: LEAD_ALIASES.lead,
    required: true,
    description: 'the lead, request or deal name',
    label: true,
    kind: 'text',
  },
  {
    field: 'client',
    aliases: LEAD_ALIASES.client,
    required: false,
    description: 'the client',
    fallbacks: [CLIENT_BY_ID],
  },
  {
    field: 'amount',
    aliases: LEAD_ALIASES.amount,
    required: false,
    description: 'the expected amount',
    kind: 'amount',
  },
  {
    field: 'expectedClose',
    aliases: LEAD_ALIASES.expectedClose,
    required: false,
    description: 'when the money is expected',
    kind: 'date',
  },
  { field: 'currency', aliases: LEAD_ALIASES.currency, required: false, description: 'the currency of the amount' },
  { field: 'days', aliases: LEAD_ALIASES.days, required: false, description: 'days to close' },
  {
    field: 'created',
    aliases: LEAD_ALIASES.created,
    required: false,
    description: 'when the lead came in',
    kind: 'date',
  },
  { field: 'manager', aliases: LEAD_ALIASES.manager, required: false, description: 'who works the lead' },
  {
    field: 'status',
    aliases: LEAD_ALIASES.status,
    required: false,
    description: 'open, won or lost',
    pathAliases: STATE_PATH_ALIASES,
  },
];

/** A leads export needs the lead, its amount, and when the money is expected (a date or days). */
export const LEAD_NEEDS: FieldNeeds = {
  specs: LEAD_FIELDS,
  oneOf: [
    ['amount', 'expectedClose'],
    ['amount', 'days'],
  ],
};

export interface LeadRow {
  lead: string;
  client: string;
  /** Whole units and millionths; null when the cell is empty. */
  amount: Amount | null;
  /** ISO code from the currency column or the amount's sign, '' when the file does not say. */
  currency: string;
  /** Day number of the expected close, or null when unknown. */
  expectedClose: number | null;
  /** Days to close counted from as-of, when the file gives days and no creation date. */
  daysFromAsOf: number | null;
  status: StatusKind;
  manager: string;
  line: number;
}

export interface LeadConverterOptions extends ConverterOptions {
  vocabulary: Vocabulary;
}

/**
 * Rows of a leads export. The expected close is a date column, or a number of days: from
 * the creation date when the file has one, otherwise from as-of.
 */
export class LeadConverter extends ConverterBase implements RowConverter<LeadRow> {
  readonly statuses: PhraseClassifier<StatusKind>;

  constructor(mapping: ColumnMapping, options: LeadConverterOptions, problems: Problems) {
    super(mapping, options, problems);
    this.statuses = statusClassifier(options.vocabulary);
  }

  convert(fields: string[], line: number): LeadRow | null | typeof AMBIGUOUS {
    if (this.isTotalsRow(fields, line) || this.misshapen(fields, line)) return null;
    const raw = this.has('status') ? this.text(fields, 'status') : null;
    const lead = this.convertAs(raw === null ? 'open' : this.statuses.peek(raw), fields, line);
    // A row that waits is converted again once its column settles: its status counts then.
    if (raw !== null && lead !== AMBIGUOUS) this.statuses.classify(raw);
    return lead;
  }

  private convertAs(status: StatusKind, fields: string[], line: number): LeadRow | null | typeof AMBIGUOUS {
    let amount: LeadRow['amount'] = null;
    let currency = '';
    let expectedClose: number | null = null;
    let daysFromAsOf: number | null = null;
    if (status === 'open') {
      const a = this.readAmountField(fields, 'amount', line);
      if (a === AMBIGUOUS) return AMBIGUOUS;
      if (a === INVALID) return null;
      if (a === true) {
        const v = this.amountColumn('amount').value;
        if (v.whole < 0 || v.micro < 0)
          return this.invalid(line, 'amount', this.text(fields, 'amount'), cell('NEGATIVE_LEAD', {}), 'fix-amount');
        amount = { whole: v.whole, micro: v.micro };
        currency = v.currency;
      }
      const written = currencyCode(this.text(fields, 'currency'));
      if (written !== '') currency = written;
      if (this.has('expectedClose')) {
        const d = this.readDateField(fields, 'expectedClose', line);
        if (d === AMBIGUOUS) return AMBIGUOUS;
        if (d === INVALID) return null;
        expectedClose = d === MISSING ? null : d;
      }
      if (expectedClose === null && this.has('days')) {
        const raw = this.text(fields, 'days').trim();
        if (raw !== '') {
          if (!/^\d+$/.test(raw)) return this.invalid(line, 'days', raw, cell('NOT_WHOLE_DAYS', {}), 'whole-days');
          const days = Number(raw);
          if (this.has('created')) {
            const c = this.readDateField(fields, 'created', line);
            if (c === AMBIGUOUS) return AMBIGUOUS;
            if (c === INVALID) return null;
            if (c !== MISSING) expectedClose = c + days;
          } else {
            daysFromAsOf = days;
          }
        }
      }
    }
    return {
      lead: this.text(fields, 'lead'),
      client: this.text(fields, 'client'),
      amount,
      currency,
      expectedClose,
      daysFromAsOf,
      status,
      manager: this.text(fields, 'manager'),
      line,
    };
  }
}
