import { says } from '../codes/errors.js';
import { RevenueLedger } from '../analyses/ledger.js';
import type { DealHistory } from '../analyses/history.js';
import { FolioError } from '../errors.js';
import { DealRepeats } from '../normalize/deal-repeats.js';
import { DEAL_NEEDS, DealConverter } from '../normalize/deals.js';
import type { Period } from '../normalize/period.js';
import type { Vocabulary } from '../normalize/vocabulary.js';
import { clientNamesOf, type InputOptions } from './input-options.js';
import type { InputReport } from '../schema/envelope.js';
import { type Warning, warning } from '../codes/warnings.js';
import { inputReport, loadRows, readWarnings, SameFields, type LoadedRows } from './rows.js';
import type { ColumnMapping } from '../normalize/columns.js';
import { DealSink } from './deal-sink.js';
import { partCuts, readDealsInParts, type DealFileRead, type DealInputTotals } from './deal-threads.js';
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

/**
 * Read one or more deals exports into revenue per client: won rows in the period, in one
 * currency. The files are one table: they must map the same fields, a line repeated whole
 * folds whichever file held it first, and the currencies of all of them are one question.
 * Every row of each file ends up in exactly one count of that file's input report.
 */
export async function loadDeals(files: readonly InputOptions[], filter: DealFilter): Promise<LoadedDeals> {
  const names = clientNamesOf(files);
  const totals: DealInputTotals = {
    names,
    ledger: new RevenueLedger(names),
    previous: filter.previous ? new RevenueLedger(names) : null,
    trailing: filter.trailing ? new RevenueLedger(names) : null,
    currencies: new Map(),
    repeats: new DealRepeats(),
    fields: new SameFields('deals'),
  };
  const inputs: InputReport[] = [];
  const warnings: Warning[] = [];
  for (const [i, options] of files.entries()) {
    const one = await loadDealFile(options, filter, totals, i < files.length - 1);
    inputs.push(one.input);
    warnings.push(...one.warnings);
  }
  // Every row is read: each client's spelling shown is the most frequent one now.
  for (const ledger of [totals.ledger, totals.previous, totals.trailing]) ledger?.nameClients();
  filter.history?.nameClients();
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

/** `more`: a later file of the input follows (its lines are compared with this one's). */
async function loadDealFile(
  options: InputOptions,
  filter: DealFilter,
  totals: DealInputTotals,
  more: boolean,
): Promise<{ input: InputReport; warnings: Warning[] }> {
  const file = options.source.name;
  const checkMapping = (map: ColumnMapping): void => {
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
  };
  const plan = await partCuts(options, filter);
  const inParts = plan
    ? await readDealsInParts(options, filter, totals, { ...plan, keepIds: more }, checkMapping)
    : null;
  const { loaded, sink } = inParts ?? (await readDealsInOne(options, filter, totals, checkMapping));
  return dealFileReport(file, loaded, sink, filter.history ?? null);
}

/** Read a deals file on this thread, row after row, straight into the input's totals. */
async function readDealsInOne(
  options: InputOptions,
  filter: DealFilter,
  totals: DealInputTotals,
  checkMapping: (map: ColumnMapping) => void,
): Promise<DealFileRead> {
  const file = options.source.name;
  const sink = new DealSink(filter, file, { ...totals, history: filter.history ?? null });
  const loaded = await loadRows(
    options,
    DEAL_NEEDS,
    (map, problems) => {
      checkMapping(map);
      return new DealConverter(
        map,
        {
          file,
          decimal: options.decimal,
          dayOrder: options.dayOrder,
          vocabulary: filter.vocabulary,
          fold: options.fold,
          repeats: totals.repeats,
        },
        problems,
      );
    },
    sink.accept,
  );
  return { loaded, sink };
}

/** A deals file's warnings and input report, from its rows as read and the deals' counts. */
function dealFileReport(
  file: string,
  loaded: LoadedRows<DealConverter>,
  sink: DealSink,
  history: DealHistory | null,
): { input: InputReport; warnings: Warning[] } {
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
    warnings.push(
      warning('PRODUCT_ROW_AMOUNTS', {
        file,
        count: conv.productRowsCounted,
        disagree: conv.amountDisagrees,
        price: h.price ?? '',
        quantity: h.quantity ?? '',
        amount: h.amount ?? '',
      }),
    );
  }
  if (conv.repeatedIdCount > 0) {
    warnings.push(warning('REPEATED_IDS', { file, count: conv.repeatedIdCount, across: conv.repeatedAcross.size }));
  }
  if (sink.undated > 0) {
    warnings.push(warning('UNDATED_ROWS', { file, count: sink.undated }));
  }
  const statuses = mapping.index.status === undefined ? null : unknownValuesWarning(file, 'status', conv.statuses);
  if (statuses) warnings.push(statuses);

  return {
    warnings,
    input: inputReport(loaded, 'deals', {
      used: sink.used,
      excluded: sink.excluded,
      folded: conv.folded + conv.amountRepeats,
    }),
  };
}
