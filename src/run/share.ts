import { says } from '../codes/error-fields.js';
import { shareDoc, shareTables } from '../present/share.js';
import { warningJson } from '../present/messages/warnings.js';
import { formatDay } from '../normalize/dates.js';
import { warning } from '../codes/warnings.js';
import { analyzeShare, type ShareJson, type ShareOptions, type ShareResult } from '../analyses/share.js';
import { percentToNumber } from '../normalize/money.js';
import { periodJson, type Period } from '../normalize/period.js';
import { type Lang } from '../present/i18n.js';
import { buildEnvelope } from '../schema/build.js';
import type { RevenueLedger } from '../analyses/ledger.js';
import { FolioError, isFolioError } from '../folio-error.js';
import { clientNamesOf, type InputOptions } from '../load/input-options.js';
import type { InputReport, Warning } from '../schema/envelope.js';
import { loadDeals, type DealFilter } from '../load/deals.js';
import type { CommandOutput } from './output.js';

export interface ShareRunOptions {
  /** One or more deals exports, read as one table. */
  inputs: InputOptions[];
  filter: DealFilter;
  share: ShareOptions;
  lang: Lang;
}

export interface ComputedShare {
  result: ShareJson;
  /** Revenue per client, exact, for the analyses that add it to their own clients. */
  ledger: RevenueLedger;
  /** The previous period's shares, when `filter.previous` was given and the period had revenue. */
  previous: ShareResult | null;
  /** Why `previous` is null though it was asked for: no won deal in it, or a net total not above zero. */
  noPrevious: 'no-won-deals' | 'no-positive-revenue' | null;
  /** Revenue of `filter.trailing`, read in the same pass. */
  trailing: RevenueLedger | null;
  inputs: InputReport[];
  warnings: Warning[];
}

/** Read deals and analyse shares: the data of `share`, reused by `report` and `check`. */
export async function computeShare(options: Omit<ShareRunOptions, 'lang'>): Promise<ComputedShare> {
  const loaded = await loadDeals(options.inputs, options.filter);
  if (loaded.inputs.every((i) => i.used === 0))
    throw noRevenue(loaded.inputs, options.filter.period, loaded.covers, options.filter.periodGiven === false);
  const analysis = analyzeShare(loaded.ledger.clients.values(), options.share);
  const result: ShareJson = {
    ...analysis,
    currency: loaded.currency,
    // Fractions, as every share in the JSON (0.1 for --key 10).
    thresholds: {
      golden: percentToNumber(options.share.golden),
      critical: percentToNumber(options.share.critical),
      key: percentToNumber(options.share.key),
      bands: {
        normal: percentToNumber(options.share.bands.normal),
        elevated: percentToNumber(options.share.bands.elevated),
        mono: percentToNumber(options.share.bands.mono),
      },
      maxKeyClients: options.share.maxKeyPerManager,
    },
  };
  const warnings = [...loaded.warnings, ...nonPositiveWarnings(analysis)];
  for (const m of analysis.managers) {
    if (m.overloaded) {
      warnings.push(
        warning('MANAGER_OVERLOAD', {
          manager: m.manager,
          keyClients: m.keyClients,
          limit: options.share.maxKeyPerManager,
          clients: [...m.clients],
        }),
      );
    }
  }
  // An empty previous period is no comparison, not an error.
  const previous =
    loaded.previous && loaded.previous.clients.size > 0 ? analyzeShareOrNull(loaded.previous, options.share) : null;
  const noPrevious =
    loaded.previous === null || previous !== null
      ? null
      : loaded.previous.clients.size === 0
        ? 'no-won-deals'
        : 'no-positive-revenue';
  return {
    result,
    ledger: loaded.ledger,
    previous,
    noPrevious,
    trailing: loaded.trailing,
    inputs: loaded.inputs,
    warnings,
  };
}

const MAX_NAMED = 10;

/** Clients whose refunds outweigh their sales: no share, no class; named with their net. */
export function nonPositiveWarnings(result: ShareResult): Warning[] {
  const clients = result.clients.filter((c) => c.share === null);
  if (clients.length === 0) return [];
  const named = clients.slice(0, MAX_NAMED).map((c) => ({ client: c.client, revenue: c.revenue }));
  return [
    warning('NON_POSITIVE_CLIENTS', { count: clients.length, shareBase: result.portfolio.shareBase, clients: named }),
  ];
}

/**
 * Why no row counted, with the numbers a user needs to fix the command (added up over the
 * files); when the period left every won row out, the days the files cover and the flags
 * that ask for them (`--as-of` too where the period was the command's default).
 */
function noRevenue(
  inputs: InputReport[],
  period: Period | null,
  dated: { from: number; to: number } | null,
  defaulted: boolean,
): FolioError {
  const p = periodJson(period);
  const excluded = new Map<string, number>();
  for (const i of inputs)
    for (const [reason, n] of Object.entries(i.excluded)) excluded.set(reason, (excluded.get(reason) ?? 0) + n);
  const why = [...excluded].filter(([, n]) => n > 0).map(([reason, rows]) => ({ reason, rows }));
  const rows = inputs.reduce((a, i) => a + i.rows, 0);
  const skipped = inputs.reduce((a, i) => a + i.skipped, 0);
  const outside = (excluded.get('period') ?? 0) > 0;
  const covers = p && outside && dated ? { from: formatDay(dated.from), to: formatDay(dated.to) } : null;
  const asOf = covers && dated && defaulted ? formatDay(dated.to + 1) : null;
  const said = says('NO_REVENUE', {
    where: p ? { from: p.from ?? '…', to: p.to ?? '…' } : null,
    rows,
    files: inputs.length,
    why,
    skipped,
    period: p !== null && p !== undefined,
    covers,
    asOf,
    unknown: unknownStatuses(inputs),
  });
  return new FolioError({ code: 'NO_REVENUE', file: inputs.map((i) => i.file).join(', '), says: said });
}

/** The status values no list knows, over the inputs, most rows first: what a file with no won row most likely needs. */
function unknownStatuses(inputs: InputReport[]): { value: string; rows: number }[] {
  const rows = new Map<string, number>();
  for (const i of inputs)
    for (const s of i.statuses ?? [])
      if (s.role === 'unknown' && s.value !== null && s.value.trim() !== '')
        rows.set(s.value, (rows.get(s.value) ?? 0) + s.rows);
  return [...rows]
    .map(([value, n]) => ({ value, rows: n }))
    .sort((a, b) => b.rows - a.rows || (a.value < b.value ? -1 : 1))
    .slice(0, 3);
}

function analyzeShareOrNull(ledger: RevenueLedger, options: ShareOptions): ShareResult | null {
  try {
    return analyzeShare(ledger.clients.values(), options);
  } catch (error) {
    if (isFolioError(error, 'NO_REVENUE_TOTAL', 'NON_POSITIVE_TOTAL')) return null;
    throw error;
  }
}

export async function runShare(options: ShareRunOptions): Promise<CommandOutput> {
  const { result, inputs, warnings } = await computeShare(options);
  warnings.push(...clientNamesOf(options.inputs).warnings());
  return {
    envelope: buildEnvelope('share', periodJson(options.filter.period), inputs, result, warnings.map(warningJson)),
    doc: () => shareDoc(result, options.filter.period, options.lang),
    tables: (lang) => shareTables(result, lang),
    sectioned: false,
    exitCode: 0,
  };
}
