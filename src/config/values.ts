import type { ShareOptions } from '../analyses/share.js';

/**
 * The one check per kind of setting. A flag, a FOLIO_* variable and folio.config.json all
 * pass their value through these, so that `--key 0` fails the same way everywhere.
 */

/** What a percentage setting accepts, in words for error messages. */
export const PERCENT_RULE = 'a percentage above 0 and below 100';

/**
 * Strict bounds: a class threshold or band boundary of 0% or 100% would make a class that
 * holds everyone or no one.
 */
export const PERCENT_BOUNDS = { above: 0, below: 100 } as const;

export function isPercent(n: number): boolean {
  return Number.isFinite(n) && n > PERCENT_BOUNDS.above && n < PERCENT_BOUNDS.below;
}

/** Days, months and counts of clients or leads: a whole number above 0. */
export function isCount(n: number): boolean {
  return Number.isInteger(n) && n > 0;
}

/** `10`, `10%`, `12,5` or `12.5` as a number, or null when it is no number at all. */
export function readNumber(text: string): number | null {
  const t = text.trim().replace(',', '.').replace(/%$/, '');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Concentration bands of the key clients' share, in percent: normal from, elevated above, mono above. */
export type Bands = ShareOptions['bands'];

export const BANDS_RULE = `three ${PERCENT_RULE.replace('a percentage', 'percentages')}, rising: normal from, elevated above, mono above (e.g. 30,55,75)`;

/** Bands from three numbers, or the reason they are not bands. */
export function toBands(list: readonly number[]): Bands | string {
  if (list.length !== 3) return `${list.length} value${list.length === 1 ? '' : 's'} instead of three`;
  const bad = list.find((n) => !isPercent(n));
  if (bad !== undefined) return `${bad} is not ${PERCENT_RULE}`;
  const [normal, elevated, mono] = list as [number, number, number];
  if (!(normal < elevated && elevated < mono)) return `${list.join(', ')} do not rise`;
  return { normal, elevated, mono };
}

/** `30,55,75` (or `30;55;75`, `30 55 75`; decimals with a dot) as bands, or the reason it is not. */
export function readBands(text: string): Bands | string {
  const parts = text.split(/[,;\s]+/).filter((p) => p !== '');
  const numbers = parts.map(readNumber);
  const bad = parts.find((_, i) => numbers[i] === null);
  if (bad !== undefined) return `"${bad}" is not a number`;
  return toBands(numbers as number[]);
}

/** `--abc 80,95`, `--xyz 10,25`: two rising bounds above 0; ABC's are shares, so below 100 too. */
export type Bounds = [number, number];

export const BOUNDS_RULE = 'two rising percentages above 0 (e.g. 80,95)';

export function toBounds(list: readonly number[], share: boolean): Bounds | string {
  if (list.length !== 2) return `${list.length} value${list.length === 1 ? '' : 's'} instead of two`;
  const ok = (n: number): boolean => (share ? isPercent(n) : Number.isFinite(n) && n > 0);
  const bad = list.find((n) => !ok(n));
  if (bad !== undefined) return `${bad} is not ${share ? PERCENT_RULE : 'a percentage above 0'}`;
  const [low, high] = list as [number, number];
  if (!(low < high)) return `${list.join(', ')} do not rise`;
  return [low, high];
}

export function readBounds(text: string, share: boolean): Bounds | string {
  const parts = text.split(/[,;\s]+/).filter((p) => p !== '');
  const numbers = parts.map(readNumber);
  const bad = parts.find((_, i) => numbers[i] === null);
  if (bad !== undefined) return `"${bad}" is not a number`;
  return toBounds(numbers as number[], share);
}

/** A multiple such as the dormancy factor: a number above 0. */
export function isFactor(n: number): boolean {
  return Number.isFinite(n) && n > 0;
}
