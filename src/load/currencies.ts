import { says } from '../codes/error-fields.js';
import { FolioError } from '../folio-error.js';

/** The first row of each currency the counted rows name, and how many name it. */
export type Currencies = Map<string, { rows: number; file: string; line: number }>;

/** Count one row of `currency` ('' says none), first seen in `file` at `line`. */
export function tallyCurrency(currencies: Currencies, currency: string, file: string, line: number): void {
  if (currency === '') return;
  const seen = currencies.get(currency);
  if (seen) seen.rows++;
  else currencies.set(currency, { rows: 1, file, line });
}

/**
 * Amounts in several currencies with no --currency would be summed, ranked or compared as
 * one: the error that names the currencies, their rows, and the flag. Null when they are one.
 */
export function mixedCurrencies(
  currencies: Currencies,
  chosen: string | undefined,
  fallbackFile: string,
): FolioError | null {
  if (currencies.size <= 1 || chosen !== undefined) return null;
  const list = [...currencies].sort((a, b) => b[1].rows - a[1].rows);
  const second = list[1]?.[1];
  return new FolioError({
    code: 'MIXED_CURRENCY',
    file: second?.file ?? fallbackFile,
    line: second?.line,
    says: says('MIXED_CURRENCY', { currencies: list.map(([currency, s]) => ({ currency, rows: s.rows })) }),
  });
}
