import { DateRead, newParsedDate, readDate } from './dates.js';
import { newParsedAmount, NumberRead, readAmount } from './numbers.js';

/** What one cell reads as, before any column has settled a convention. */
export type CellKind = 'empty' | 'date' | 'number' | 'text';

const date = newParsedDate();
const amount = newParsedAmount();

/**
 * A cell as data: a date (either day order), a number (either decimal mark, with a currency
 * sign or code), empty, or else text. A date is tried first: `01.02.2026` is never a number.
 */
export function cellKind(raw: string): CellKind {
  if (raw.trim() === '') return 'empty';
  const d = readDate(raw, null, date);
  if (d === DateRead.Ok || d === DateRead.Ambiguous) return 'date';
  const n = readAmount(raw, null, amount);
  if (n === NumberRead.Ok || n === NumberRead.Ambiguous) return 'number';
  return 'text';
}

/**
 * A row that can be a header: text in every named cell, with empty cells allowed only after
 * the last named one (`Client,Amount,Date,,,`), and at least two named cells (a title line
 * above a table has one).
 */
export function looksLikeHeader(fields: readonly string[]): boolean {
  let last = fields.length - 1;
  while (last >= 0 && (fields[last] ?? '').trim() === '') last--;
  if (last < 1) return false;
  for (let i = 0; i <= last; i++) if (cellKind(fields[i] ?? '') !== 'text') return false;
  return true;
}

/** Named cells of a row: its cells up to the last non-empty one. */
export function namedCells(fields: readonly string[]): number {
  let last = fields.length - 1;
  while (last >= 0 && (fields[last] ?? '').trim() === '') last--;
  return last + 1;
}
