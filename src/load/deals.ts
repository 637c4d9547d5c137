import { says } from '../codes/error-fields.js';
import { RevenueLedger } from '../analyses/ledger.js';
import type { DealHistory } from '../analyses/history.js';
import { FolioError } from '../folio-error.js';
import { DealRepeats } from '../normalize/deal-repeats.js';
import { DEAL_NEEDS, DealConverter } from '../normalize/deals.js';
import type { Period } from '../normalize/period.js';
import type { Vocabulary } from '../normalize/vocabulary.js';
import { clientNamesOf, type InputOptions } from './input-options.js';
import type { InputReport } from '../schema/envelope.js';
import { type Warning, warning } from '../codes/warnings.js';
import { inputReport, loadRows, readWarnings, SameFields, type LoadedRows } from './rows.js';
import type { ColumnMapping } from '../normalize/columns.js';
import { mixedCurrencies } from './currencies.js';
import { formatDay } from '../normalize/dates.js';
import type { ReportShape } from './table-source.js';
import { DealSink } from './deal-sink.js';
import { partCuts, readDealsInParts, type DealFileRead, type DealInputTotals } from './deal-threads.js';
import { dealStatusWarnings, statusCounts } from './statuses.js';

export interface DealFilter {
  period: Period | null;
  /** False when the period is the command's default (the report's last full month), not the user's. */
  periodGiven?: boolean;
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
  /** The first and last day of the won, dated rows of the files, whatever the period (null: none). */
  covers: { from: number; to: number } | null;
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
    fields: new SameFields('deals', ['contact']),
  };
  const inputs: InputReport[] = [];
  const warnings: Warning[] = [];
  let from = Infinity;
  let to = -Infinity;
  for (const [i, options] of files.entries()) {
    const one = await loadDealFile(options, filter, totals, i < files.length - 1);
    inputs.push(one.input);
    warnings.push(...one.warnings);
    from = Math.min(from, one.from);
    to = Math.max(to, one.to);
  }
  // Every row is read: each client's spelling shown is the most frequent one now.
  for (const ledger of [totals.ledger, totals.previous, totals.trailing]) ledger?.nameClients();
  filter.history?.nameClients();
  const { currencies } = totals;
  const mixed = mixedCurrencies(currencies, filter.currency, files[0]?.source.name ?? '');
  if (mixed) throw mixed;
  return {
    ledger: totals.ledger,
    previous: totals.previous,
    trailing: totals.trailing,
    currency: currencies.size === 1 ? ([...currencies.keys()][0] ?? null) : (filter.currency ?? null),
    warnings,
    inputs,
    covers: from <= to ? { from, to } : null,
  };
}

/** `more`: a later file of the input follows (its lines are compared with this one's). */
async function loadDealFile(
  options: InputOptions,
  filter: DealFilter,
  totals: DealInputTotals,
  more: boolean,
): Promise<{ input: InputReport; warnings: Warning[]; from: number; to: number }> {
  const file = options.source.name;
  /** The checks of the header: it returns the day every row is dated when the file has no date column but its title prints a period. */
  const checkMapping = (map: ColumnMapping, shape: ReportShape): number | null => {
    totals.fields.check(file, map);
    if (map.index.date !== undefined) return null;
    const title = shape.titlePeriod;
    const asked = filter.period;
    if (title === null) {
      if (asked !== null) {
        const given = filter.periodGiven !== false;
        throw new FolioError({
          code: 'MISSING_COLUMN',
          file,
          line: map.line,
          says: says('NO_DATE_FOR_PERIOD', { columns: map.headers, given }),
        });
      }
      return null;
    }
    // The rows are known only to fall in the title's period: inside the period asked for, or
    // outside it, but never split between the two.
    const inside = asked === null || (title.from >= asked.from && title.to <= asked.to);
    const outside = asked !== null && (title.to < asked.from || title.from > asked.to);
    if (!inside && !outside) {
      const from = formatDay(title.from);
      const to = formatDay(title.to);
      throw new FolioError({
        code: 'MISSING_COLUMN',
        file,
        line: shape.titlePeriodLine,
        says: says('TITLE_PERIOD_STRADDLES', { from, to }),
      });
    }
    return title.to;
  };
  const plan = await partCuts(options, filter);
  const inParts = plan
    ? await readDealsInParts(options, filter, totals, { ...plan, keepIds: more }, checkMapping)
    : null;
  const { loaded, sink } = inParts ?? (await readDealsInOne(options, filter, totals, checkMapping));
  return { ...dealFileReport(file, loaded, sink, filter.history ?? null), from: sink.firstDay, to: sink.lastDay };
}

/** Read a deals file on this thread, row after row, straight into the input's totals. */
async function readDealsInOne(
  options: InputOptions,
  filter: DealFilter,
  totals: DealInputTotals,
  checkMapping: (map: ColumnMapping, shape: ReportShape) => number | null,
): Promise<DealFileRead> {
  const file = options.source.name;
  const sink = new DealSink(filter, file, { ...totals, history: filter.history ?? null });
  const loaded = await loadRows(
    options,
    DEAL_NEEDS,
    (map, problems, _format, shape) => {
      const undatedDay = checkMapping(map, shape);
      return new DealConverter(
        map,
        {
          file,
          decimal: options.decimal,
          dayOrder: options.dayOrder,
          vocabulary: filter.vocabulary,
          fold: options.fold,
          repeats: totals.repeats,
          undatedDay,
        },
        problems,
      );
    },
    sink.accept,
  );
  return { loaded, sink };
}

/** Rows whose empty client cell was filled from the contact column: how many, and whether all of them were. */
export function contactWarning(file: string, mapping: ColumnMapping, conv: DealConverter): Warning | null {
  if (conv.contactClients === 0) return null;
  return warning('CONTACT_AS_CLIENT', {
    file,
    client: mapping.header.client ?? '',
    contact: mapping.header.contact ?? '',
    count: conv.contactClients,
    won: conv.wonRows,
  });
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
  const byContact = contactWarning(file, mapping, conv);
  if (byContact) warnings.push(byContact);
  if (conv.blankAmounts > 0) {
    warnings.push(warning('BLANK_AMOUNTS', { file, count: conv.blankAmounts, line: conv.firstBlankAmount }));
  }
  if (sink.undated > 0) {
    warnings.push(warning('UNDATED_ROWS', { file, count: sink.undated }));
  }
  const title = loaded.shape.titlePeriod;
  if (title !== null && mapping.index.date === undefined) {
    warnings.push(
      warning('TITLE_PERIOD', {
        file,
        line: loaded.shape.titlePeriodLine,
        from: formatDay(title.from),
        to: formatDay(title.to),
      }),
    );
  }
  warnings.push(...dealStatusWarnings(file, conv, mapping.header, loaded.rows));

  const input = inputReport(loaded, 'deals', {
    used: sink.used,
    // A reason is listed once it happened: files without blank amounts keep the keys they had.
    excluded: conv.blankAmounts > 0 ? { ...sink.excluded, blankAmount: conv.blankAmounts } : sink.excluded,
    folded: conv.folded + conv.amountRepeats,
  });
  if (conv.statusField !== null) input.statuses = statusCounts(conv.statuses);
  return { warnings, input };
}
