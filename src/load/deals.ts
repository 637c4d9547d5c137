import { says } from '../codes/errors.js';
import { RevenueLedger } from '../analyses/ledger.js';
import type { DealHistory } from '../analyses/history.js';
import { FolioError } from '../errors.js';
import { DealRepeats } from '../normalize/deal-repeats.js';
import { DEAL_NEEDS, DealConverter, type Deal } from '../normalize/deals.js';
import type { Period } from '../normalize/period.js';
import type { Vocabulary } from '../normalize/vocabulary.js';
import type { InputOptions } from './input-options.js';
import type { InputReport } from '../schema/envelope.js';
import { type Warning, warning } from '../codes/warnings.js';
import { inputReport, loadRows, readWarnings, SameFields } from './rows.js';
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
  /**
   * Every won, dated deal of the currency, whatever the period, also goes here (the
   * dynamics: order dates and monthly revenue over the whole history).
   */
  history?: DealHistory | null;
  /** The history is all the caller uses: the period's ledger is left empty (`dynamics`, whose period is all up to as-of). */
  historyOnly?: boolean;
}

export interface LoadedDeals {
  ledger: RevenueLedger;
  /** Revenue of the previous period, when one was asked for. */
  previous: RevenueLedger | null;
  /** Revenue of the trailing window, when one was asked for. */
  trailing: RevenueLedger | null;
  /** One entry per file, in the order read. */
  inputs: InputReport[];
  warnings: Warning[];
  /** The one currency of the counted rows, if the files say. */
  currency: string | null;
}

/** What every file of one deals input adds to. */
interface DealTotals {
  ledger: RevenueLedger;
  previous: RevenueLedger | null;
  trailing: RevenueLedger | null;
  currencies: Map<string, { rows: number; file: string; line: number }>;
  repeats: DealRepeats;
  /** The first file's mapped fields: every further file must map the same. */
  fields: SameFields;
}

/**
 * Read one or more deals exports into revenue per client: won rows in the period, in one
 * currency. The files are one table: they must map the same fields, a line repeated whole
 * folds whichever file held it first, and the currencies of all of them are one question.
 * Every row of each file ends up in exactly one count of that file's input report.
 */
export async function loadDeals(files: readonly InputOptions[], filter: DealFilter): Promise<LoadedDeals> {
  const totals: DealTotals = {
    ledger: new RevenueLedger(),
    previous: filter.previous ? new RevenueLedger() : null,
    trailing: filter.trailing ? new RevenueLedger() : null,
    currencies: new Map(),
    repeats: new DealRepeats(),
    fields: new SameFields('deals'),
  };
  const inputs: InputReport[] = [];
  const warnings: Warning[] = [];
  for (const options of files) {
    const one = await loadDealFile(options, filter, totals);
    inputs.push(one.input);
    warnings.push(...one.warnings);
  }
  const { currencies } = totals;
  if (currencies.size > 1 && filter.currency === undefined) {
    const list = [...currencies].sort((a, b) => b[1].rows - a[1].rows);
    const second = list[1]?.[1];
    throw new FolioError({
      code: 'MIXED_CURRENCY',
      file: second?.file ?? files[0]?.source.name ?? '',
      line: second?.line,
      message: `amounts in ${list.length} currencies would be summed together: ${list.map(([c, s]) => `${c} (${s.rows} rows)`).join(', ')}`,
      hint: `pick one with --currency ${list[0]?.[0] ?? 'CODE'}`,
      says: says('MIXED_CURRENCY', { currencies: list.map(([currency, s]) => ({ currency, rows: s.rows })) }),
    });
  }
  return {
    ledger: totals.ledger,
    previous: totals.previous,
    trailing: totals.trailing,
    currency: currencies.size === 1 ? ([...currencies.keys()][0] ?? null) : (filter.currency ?? null),
    warnings,
    inputs,
  };
}

async function loadDealFile(options: InputOptions, filter: DealFilter, totals: DealTotals): Promise<{ input: InputReport; warnings: Warning[] }> {
  const file = options.source.name;
  const { ledger, previous, trailing, currencies } = totals;
  const history = filter.history ?? null;
  const historyOnly = history !== null && filter.historyOnly === true;
  const inPrevious = (day: number | null): boolean =>
    previous !== null && filter.previous != null && day !== null && day >= filter.previous.from && day <= filter.previous.to;
  const inTrailing = (deal: Deal): boolean =>
    filter.trailing != null &&
    deal.day !== null &&
    deal.day >= filter.trailing.from &&
    deal.day <= filter.trailing.to &&
    (filter.currency === undefined || deal.currency === '' || deal.currency === filter.currency);
  const excluded = { status: 0, period: 0, currency: 0 };
  let used = 0;
  let undated = 0;

  const accept = (deal: Deal): void => {
    if (deal.status !== 'won') {
      excluded.status++;
      return;
    }
    if (inTrailing(deal)) trailing?.add(deal.client, deal.manager, deal.whole, deal.micro);
    if (history && deal.day !== null && (filter.currency === undefined || deal.currency === '' || deal.currency === filter.currency)) {
      history.add(deal.client, deal.manager, deal.day, deal.whole, deal.micro, deal.discounted);
    }
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
      else currencies.set(deal.currency, { rows: 1, file, line: deal.line });
    }
    used++;
    if (!historyOnly) ledger.add(deal.client, deal.manager, deal.whole, deal.micro);
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
          says: says('NO_DATE_FOR_PERIOD', { columns: map.headers }),
        });
      }
      totals.fields.check(file, map);
      return new DealConverter(map, { file, decimal: options.decimal, dayOrder: options.dayOrder, vocabulary: filter.vocabulary, fold: options.fold, repeats: totals.repeats }, problems);
    },
    accept,
  );
  const { mapping, converter: conv } = loaded;
  if (history && conv.hasDiscount) history.discountsKnown = true;

  const warnings = readWarnings(file, loaded);
  if (conv.folded > 0) {
    warnings.push(warning('FOLDED_LINES', { file, count: conv.folded, across: conv.foldedAcross }));
  }
  if (conv.amountRepeats > 0) {
    warnings.push(warning('DEAL_AMOUNT_ONCE', { file, count: conv.amountRepeats, across: conv.foldedAcross }));
  }
  if (conv.amountDisagrees > 0) {
    const h = mapping.header;
    warnings.push(warning('PRODUCT_ROW_AMOUNTS', { file, count: conv.productRowsCounted, disagree: conv.amountDisagrees, price: h.price ?? '', quantity: h.quantity ?? '', amount: h.amount ?? '' }));
  }
  if (conv.repeatedIdCount > 0) {
    warnings.push(warning('REPEATED_IDS', { file, count: conv.repeatedIdCount, across: conv.repeatedAcross.size }));
  }
  if (undated > 0) {
    warnings.push(warning('UNDATED_ROWS', { file, count: undated }));
  }
  const statuses = mapping.index.status === undefined ? null : unknownValuesWarning(file, 'status', conv.statuses);
  if (statuses) warnings.push(statuses);

  return { warnings, input: inputReport(loaded, 'deals', { used, excluded, folded: conv.folded + conv.amountRepeats }) };
}
