import { RevenueLedger } from '../analyses/ledger.js';
import { FolioError } from '../errors.js';
import { DEAL_NEEDS, DealConverter, type Deal } from '../normalize/deals.js';
import type { Period } from '../normalize/period.js';
import type { Vocabulary } from '../normalize/vocabulary.js';
import type { InputOptions } from './input-options.js';
import type { InputReport } from '../schema/envelope.js';
import { type Warning, warning } from '../codes/warnings.js';
import { inputReport, loadRows, readWarnings } from './rows.js';
import { unknownValuesWarning } from './unknown-values.js';

export interface DealFilter {
  period: Period | null;
  /** The user's additions to the status lists. */
  vocabulary: Vocabulary;
  /** Keep only this currency; rows that name no currency are taken to be in it. */
  currency: string | undefined;
  /** A second period whose revenue goes to `previous` (the report's comparison). */
  previous?: Period | null;
  /**
   * A window whose revenue goes to `trailing` in the same pass (the 12 months that decide
   * the report's key clients), so that no file is read twice.
   */
  trailing?: Period | null;
}

export interface LoadedDeals {
  ledger: RevenueLedger;
  /** Revenue of the previous period, when one was asked for. */
  previous: RevenueLedger | null;
  /** Revenue of the trailing window, when one was asked for. */
  trailing: RevenueLedger | null;
  input: InputReport;
  warnings: Warning[];
  /** The one currency of the counted rows, if the file says. */
  currency: string | null;
}

/**
 * Read a deals export into revenue per client: won rows in the period, in one currency.
 * Every row ends up in exactly one count of the input report.
 */
export async function loadDeals(options: InputOptions, filter: DealFilter): Promise<LoadedDeals> {
  const file = options.source.name;
  const ledger = new RevenueLedger();
  const previous = filter.previous ? new RevenueLedger() : null;
  const inPrevious = (day: number | null): boolean =>
    previous !== null && filter.previous != null && day !== null && day >= filter.previous.from && day <= filter.previous.to;
  const trailing = filter.trailing ? new RevenueLedger() : null;
  const inTrailing = (deal: Deal): boolean =>
    filter.trailing != null &&
    deal.day !== null &&
    deal.day >= filter.trailing.from &&
    deal.day <= filter.trailing.to &&
    (filter.currency === undefined || deal.currency === '' || deal.currency === filter.currency);
  const excluded = { status: 0, period: 0, currency: 0 };
  const currencies = new Map<string, { rows: number; line: number }>();
  let used = 0;
  let undated = 0;

  const accept = (deal: Deal): void => {
    if (deal.status !== 'won') {
      excluded.status++;
      return;
    }
    if (inTrailing(deal)) trailing?.add(deal.client, deal.manager, deal.whole, deal.micro);
    if (filter.period !== null) {
      if (deal.day === null) {
        undated++;
        excluded.period++;
        return;
      }
      if (deal.day < filter.period.from || deal.day > filter.period.to) {
        excluded.period++;
        if (inPrevious(deal.day) && (filter.currency === undefined || deal.currency === '' || deal.currency === filter.currency)) {
          previous?.add(deal.client, deal.manager, deal.whole, deal.micro);
        }
        return;
      }
    }
    if (deal.currency !== '') {
      if (filter.currency !== undefined && deal.currency !== filter.currency) {
        excluded.currency++;
        return;
      }
      const seen = currencies.get(deal.currency);
      if (seen) seen.rows++;
      else currencies.set(deal.currency, { rows: 1, line: deal.line });
    }
    used++;
    ledger.add(deal.client, deal.manager, deal.whole, deal.micro);
  };

  const loaded = await loadRows(
    options,
    DEAL_NEEDS,
    (map, problems) => {
      if (filter.period !== null && map.index.date === undefined) {
        throw new FolioError({
          code: 'MISSING_COLUMN',
          file,
          line: map.line,
          message: 'a period was asked for, but the file has no date column',
          hint: `columns found: ${map.headers.map((h) => `"${h}"`).join(', ')}; map one with --map date=HEADER, or drop --period/--from/--to`,
        });
      }
      return new DealConverter(map, { file, decimal: options.decimal, dayOrder: options.dayOrder, vocabulary: filter.vocabulary, fold: options.fold }, problems);
    },
    accept,
  );
  const { mapping, converter: conv } = loaded;

  if (currencies.size > 1 && filter.currency === undefined) {
    const list = [...currencies].sort((a, b) => b[1].rows - a[1].rows);
    throw new FolioError({
      code: 'MIXED_CURRENCY',
      file,
      line: list[1]?.[1].line,
      message: `amounts in ${list.length} currencies would be summed together: ${list.map(([c, s]) => `${c} (${s.rows} rows)`).join(', ')}`,
      hint: `pick one with --currency ${list[0]?.[0] ?? 'CODE'}`,
    });
  }

  const warnings = readWarnings(file, loaded);
  if (conv.folded > 0) {
    warnings.push(warning('FOLDED_LINES', { file, count: conv.folded }));
  }
  if (conv.amountRepeats > 0) {
    warnings.push(warning('DEAL_AMOUNT_ONCE', { file, count: conv.amountRepeats }));
  }
  if (conv.amountDisagrees > 0) {
    const h = mapping.header;
    warnings.push(warning('PRODUCT_ROW_AMOUNTS', { file, count: conv.productRowsCounted, disagree: conv.amountDisagrees, price: h.price ?? '', quantity: h.quantity ?? '', amount: h.amount ?? '' }));
  }
  if (conv.repeatedIdCount > 0) {
    warnings.push(warning('REPEATED_IDS', { file, count: conv.repeatedIdCount }));
  }
  if (undated > 0) {
    warnings.push(warning('UNDATED_ROWS', { file, count: undated }));
  }
  const statuses = mapping.index.status === undefined ? null : unknownValuesWarning(file, 'status', conv.statuses);
  if (statuses) warnings.push(statuses);

  return {
    ledger,
    previous,
    trailing,
    currency: currencies.size === 1 ? ([...currencies.keys()][0] ?? null) : (filter.currency ?? null),
    warnings,
    input: inputReport(loaded, 'deals', { used, excluded, folded: conv.folded + conv.amountRepeats }),
  };
}
