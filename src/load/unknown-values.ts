import type { PhraseClassifier } from '../normalize/phrase-classifier.js';
import type { Warning } from '../schema/envelope.js';

const SHOWN = 6;

const COLUMNS = {
  status: { code: 'UNKNOWN_STATUS', readAs: 'open (not revenue)', flags: '--won, --lost or --open' },
  outcome: { code: 'UNKNOWN_OUTCOME', readAs: 'neutral', flags: '--positive, --negative or --neutral' },
  channel: { code: 'UNKNOWN_CHANNEL', readAs: 'not personal', flags: '--personal-channels or --other-channels' },
  'offer status': { code: 'UNKNOWN_STATUS', readAs: 'undecided (the offer needs follow-up)', flags: '--won (accepted), --lost (declined) or --open' },
} as const;

/**
 * The values of a column that matched none of the vocabulary's lists (or two equally), with
 * their row counts, what they were read as and the flags that classify them; null when
 * every value was known.
 */
export function unknownValuesWarning(file: string, column: keyof typeof COLUMNS, classifier: PhraseClassifier<string>): Warning | null {
  const unknown = classifier.unknown();
  const rows = classifier.unknownRows;
  if (rows === 0) return null;
  const { code, readAs, flags } = COLUMNS[column];
  const shown = unknown
    .slice(0, SHOWN)
    .map((u) => `${u.value.trim() === '' ? 'empty' : `"${u.value}"`} (${u.rows}${u.tied.length > 1 ? `, matches ${u.tied.join(' and ')} equally` : ''})`)
    .join(', ');
  const listed = unknown.reduce((n, u) => n + u.rows, 0);
  // Past the classifier's cache of spellings, rows are counted but their values not kept.
  const more = `${unknown.length > SHOWN ? `, and ${unknown.length - SHOWN} more` : ''}${rows > listed ? `, and ${rows - listed} row(s) of spellings not kept` : ''}`;
  return {
    code,
    message: `${file}: ${rows} row(s) whose ${column} no list knows, read as ${readAs}: ${shown}${more}; classify one with ${flags} "VALUE"`,
  };
}
