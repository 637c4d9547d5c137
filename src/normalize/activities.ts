import { cell } from '../codes/error-fields.js';
import { ACTIVITY_ALIASES } from './aliases.js';
import type { ColumnMapping, FieldNeeds, FieldSpec } from './columns.js';
import { ACTIVITY_DATE_FALLBACKS, CLIENT_BY_ID } from './fallbacks.js';
import { ConverterBase, INVALID, MISSING, type ConverterOptions } from './converter-base.js';
import type { PhraseClassifier } from './phrase-classifier.js';
import { channelClassifier, outcomeClassifier, type ChannelKind, type Outcome, type Vocabulary } from './vocabulary.js';
import type { Problems } from './problems.js';
import { AMBIGUOUS, type RowConverter } from './row-feed.js';

export const ACTIVITY_FIELDS: readonly FieldSpec[] = [
  {
    field: 'date',
    aliases: ACTIVITY_ALIASES.date,
    required: true,
    description: 'when the contact happened',
    fallbacks: ACTIVITY_DATE_FALLBACKS,
    kind: 'date',
  },
  {
    field: 'client',
    aliases: ACTIVITY_ALIASES.client,
    required: true,
    description: 'the client contacted',
    fallbacks: [CLIENT_BY_ID],
  },
  { field: 'outcome', aliases: ACTIVITY_ALIASES.outcome, required: true, description: 'positive, neutral or negative' },
  { field: 'manager', aliases: ACTIVITY_ALIASES.manager, required: false, description: 'who had the contact' },
  { field: 'channel', aliases: ACTIVITY_ALIASES.channel, required: false, description: 'meeting, call, email...' },
];

export const ACTIVITY_NEEDS: FieldNeeds = { specs: ACTIVITY_FIELDS };

export interface Activity {
  client: string;
  day: number;
  outcome: Outcome;
  manager: string;
  /** Personal (in person or by voice); true for every contact when the log has no channel column. */
  personal: boolean;
  /** The channel as written ('' without a channel column), for readers with lists of their own (the funnel). */
  channel: string;
  line: number;
}

export interface ActivityOptions extends ConverterOptions {
  vocabulary: Vocabulary;
}

export class ActivityConverter extends ConverterBase implements RowConverter<Activity> {
  readonly outcomes: PhraseClassifier<Outcome>;
  readonly channels: PhraseClassifier<ChannelKind>;

  constructor(mapping: ColumnMapping, options: ActivityOptions, problems: Problems) {
    super(mapping, options, problems);
    this.outcomes = outcomeClassifier(options.vocabulary);
    this.channels = channelClassifier(options.vocabulary);
  }

  get hasManager(): boolean {
    return this.has('manager');
  }

  get hasChannel(): boolean {
    return this.has('channel');
  }

  convert(fields: string[], line: number): Activity | null | typeof AMBIGUOUS {
    if (this.isTotalsRow(fields, line) || this.misshapen(fields, line)) return null;
    const client = this.text(fields, 'client');
    if (client.trim() === '') return this.invalid(line, 'client', client, cell('NO_CLIENT', {}), 'fill-contact-client');
    const day = this.readDateField(fields, 'date', line);
    if (day === AMBIGUOUS) return AMBIGUOUS;
    if (day === INVALID) return null;
    if (day === MISSING)
      return this.invalid(line, 'date', this.text(fields, 'date'), cell('NO_DATE', {}), 'fill-contact-date');
    return {
      client,
      day,
      outcome: this.outcomes.classify(this.text(fields, 'outcome')),
      manager: this.text(fields, 'manager'),
      personal: this.has('channel') ? this.channels.classify(this.text(fields, 'channel')) === 'personal' : true,
      channel: this.text(fields, 'channel'),
      line,
    };
  }
}
