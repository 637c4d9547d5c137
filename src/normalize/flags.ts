import { nameKey } from './text.js';

/** yes/no as CRMs and spreadsheets write it; `x` is yes and an empty cell is "not known". */
export const YES_WORDS = [
  'yes',
  'y',
  'true',
  't',
  '1',
  '+',
  'x',
  '✓',
  '✔',
  '☑',
  'on',
  'да',
  'д',
  'есть',
  'истина',
] as const;
export const NO_WORDS = [
  'no',
  'n',
  'false',
  'f',
  '0',
  '-',
  '–',
  '—',
  '✗',
  '✘',
  '☐',
  'off',
  'нет',
  'н',
  'ложь',
] as const;
const YES = new Set<string>(YES_WORDS);
const NO = new Set<string>(NO_WORDS);

export type FlagRead = boolean | 'missing' | 'score' | 'unreadable';

/**
 * Read a yes/no cell. With a threshold, a number at or above it is yes; without one, a
 * number other than 0 or 1 is a score and the caller asks for a threshold.
 */
export function readFlag(raw: string, threshold: number | null): FlagRead {
  const t = nameKey(raw);
  if (t === '') return 'missing';
  if (threshold !== null) {
    const n = Number(t.replace(',', '.').replace(/%$/, ''));
    if (t !== '' && Number.isFinite(n) && /\d/.test(t)) return n >= threshold;
  }
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  if (/^-?\d+([.,]\d+)?%?$/.test(t)) return 'score';
  return 'unreadable';
}
