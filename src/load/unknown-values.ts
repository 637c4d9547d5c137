import type { PhraseClassifier } from '../normalize/phrase-classifier.js';
import { type Warning, warning } from '../codes/warnings.js';

const SHOWN = 6;

const CODES = {
  status: 'UNKNOWN_STATUS',
  'offer status': 'UNKNOWN_STATUS',
  outcome: 'UNKNOWN_OUTCOME',
  channel: 'UNKNOWN_CHANNEL',
  'contact channel': 'UNKNOWN_CONTACT_CHANNEL',
} as const;

/**
 * The values of a column that matched none of the vocabulary's lists (or two equally), with
 * their row counts, what they were read as and the flags that classify them; null when
 * every value was known. Values an undecided phrase tagged (a bare `Closed`) have a warning
 * of their own.
 */
export function unknownValuesWarning(
  file: string,
  column: keyof typeof CODES,
  classifier: PhraseClassifier<string>,
): Warning | null {
  const all = classifier.unknown();
  const unknown = all.filter((u) => u.tag === null);
  const rows = classifier.unknownRows - all.reduce((n, u) => n + (u.tag === null ? 0 : u.rows), 0);
  if (rows === 0) return null;
  const values = unknown
    .slice(0, SHOWN)
    .map((u) => ({ value: u.value, rows: u.rows, tied: u.tied.length > 1 ? [...u.tied] : [] }));
  const listed = unknown.reduce((n, u) => n + u.rows, 0);
  // Past the classifier's cache of spellings, rows are counted but their values not kept.
  const fields = { file, rows, values, more: Math.max(0, unknown.length - SHOWN), unkept: Math.max(0, rows - listed) };
  const code = CODES[column];
  return code === 'UNKNOWN_STATUS'
    ? warning(code, { ...fields, column: column as 'status' | 'offer status' })
    : warning(code, fields);
}
