import { type Warning, warning } from '../codes/warnings.js';
import type { DealConverter } from '../normalize/deals.js';
import type { PhraseClassifier } from '../normalize/phrase-classifier.js';
import { CLOSED_TAG, type StatusKind, type WonTag } from '../normalize/vocabulary.js';
import type { StatusCount } from '../schema/build.js';
import { unknownValuesWarning } from './unknown-values.js';

/** Values listed in a warning; the rest are counted. */
const SHOWN = 6;
/** Status values listed in an input report, most rows first; the rest are summed in one line. */
const LISTED = 100;

/**
 * Each status value of a file with its role and rows: what made revenue and what did not.
 * Past LISTED values, or past the spellings the classifier keeps, the rest are summed in one
 * entry per role, whose value is null.
 */
export function statusCounts(classifier: PhraseClassifier<StatusKind>): StatusCount[] {
  const values = classifier.values();
  const listed: StatusCount[] = values
    .slice(0, LISTED)
    .map((v) => ({ value: v.value, role: v.known ? v.kind : 'unknown', rows: v.rows }));
  const rest = new Map<StatusCount['role'], number>();
  for (const v of values.slice(LISTED)) {
    const role = v.known ? v.kind : 'unknown';
    rest.set(role, (rest.get(role) ?? 0) + v.rows);
  }
  // Spellings past the classifier's cache: counted by role, their values not kept.
  const overflow = classifier.overflow();
  const more: [StatusCount['role'], number][] = [...overflow.kinds, ['unknown', overflow.unknown]];
  for (const [role, rows] of more) if (rows > 0) rest.set(role, (rest.get(role) ?? 0) + rows);
  for (const [role, rows] of rest) listed.push({ value: null, role, rows });
  return listed;
}

/**
 * What a deals file's statuses call for: no status column at all; values no list knows, or
 * that say only closed; won values that are partial payments or stages; a won column read as
 * the status, or disagreeing with the status words.
 */
export function dealStatusWarnings(
  file: string,
  conv: DealConverter,
  header: Record<string, string>,
  rows: number,
): Warning[] {
  if (conv.statusField === null) return [warning('NO_STATUS_COLUMN', { file, rows })];
  const out: Warning[] = [];
  if (conv.statusField === 'won') out.push(warning('STATUS_FROM_WON_COLUMN', { file, header: header.won ?? '' }));
  const unknown = unknownValuesWarning(file, 'status', conv.statuses);
  if (unknown) out.push(unknown);
  const closed = conv.statuses.unknown().filter((u) => u.tag === CLOSED_TAG);
  if (closed.length > 0) out.push(warning('CLOSED_STATUS', { file, ...listOf(closed) }));
  const won = conv.statuses.values().filter((v) => v.known && v.kind === 'won');
  const tagged = (tag: WonTag) => won.filter((v) => v.tag === tag);
  if (tagged('partial').length > 0) out.push(warning('PARTIAL_STATUS', { file, ...listOf(tagged('partial')) }));
  if (tagged('stage').length > 0) out.push(warning('STAGE_AS_WON', { file, ...listOf(tagged('stage')) }));
  if (conv.statusOnlyWon + conv.flagOnlyWon > 0) {
    out.push(
      warning('WON_COLUMN_DISAGREES', {
        file,
        status: header.status ?? '',
        flag: header.won ?? '',
        statusOnly: conv.statusOnlyWon,
        flagOnly: conv.flagOnlyWon,
      }),
    );
  }
  if (conv.refundsFlipped > 0) out.push(warning('REFUNDS_NEGATED', { file, count: conv.refundsFlipped }));
  return out;
}

function listOf(values: readonly { value: string; rows: number }[]): {
  rows: number;
  values: { value: string; rows: number }[];
  more: number;
} {
  return {
    rows: values.reduce((n, v) => n + v.rows, 0),
    values: values.slice(0, SHOWN).map((v) => ({ value: v.value, rows: v.rows })),
    more: Math.max(0, values.length - SHOWN),
  };
}
