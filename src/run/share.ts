import { says } from '../codes/errors.js';
import { shareDoc } from '../present/share.js';
import { warningJson } from '../present/messages/warnings.js';
import { warning } from '../codes/warnings.js';
import { analyzeShare, type ShareJson, type ShareOptions, type ShareResult } from '../analyses/share.js';
import { periodJson, type Period } from '../normalize/period.js';
import type { MachineRow } from '../render/document.js';
import { type Lang } from '../present/i18n.js';
import { buildEnvelope } from '../schema/build.js';
import type { RevenueLedger } from '../analyses/ledger.js';
import { FolioError } from '../errors.js';
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
  /** The previous period's shares, when `filter.previous` was given. */
  previous: ShareResult | null;
  /** Revenue of `filter.trailing`, read in the same pass. */
  trailing: RevenueLedger | null;
  inputs: InputReport[];
  warnings: Warning[];
}

/** Read deals and analyse shares: the data of `share`, reused by `report` and `check`. */
export async function computeShare(options: Omit<ShareRunOptions, 'lang'>): Promise<ComputedShare> {
  const loaded = await loadDeals(options.inputs, options.filter);
  if (loaded.inputs.every((i) => i.used === 0)) throw noRevenue(loaded.inputs, options.filter.period);
  const analysis = analyzeShare(loaded.ledger.clients.values(), options.share);
  const result: ShareJson = {
    ...analysis,
    currency: loaded.currency,
    thresholds: {
      golden: options.share.golden,
      critical: options.share.critical,
      key: options.share.key,
      bands: options.share.bands,
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
  // An empty previous period is a comparison with nothing, not an error.
  const previous =
    loaded.previous && loaded.previous.clients.size > 0 ? analyzeShareOrNull(loaded.previous, options.share) : null;
  return { result, ledger: loaded.ledger, previous, trailing: loaded.trailing, inputs: loaded.inputs, warnings };
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

/** Why no row counted, with the numbers a user needs to fix the command (added up over the files). */
function noRevenue(inputs: InputReport[], period: Period | null): FolioError {
  const p = periodJson(period);
  const where = p ? ` in ${p.from ?? '…'} — ${p.to ?? '…'}` : '';
  const excluded = new Map<string, number>();
  for (const i of inputs)
    for (const [reason, n] of Object.entries(i.excluded)) excluded.set(reason, (excluded.get(reason) ?? 0) + n);
  const why = [...excluded]
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${n} by ${reason}`)
    .join(', ');
  const rows = inputs.reduce((a, i) => a + i.rows, 0);
  const skipped = inputs.reduce((a, i) => a + i.skipped, 0);
  const files = inputs.length > 1 ? ` of ${inputs.length} files` : '';
  return new FolioError({
    code: 'NO_REVENUE',
    file: inputs.map((i) => i.file).join(', '),
    message: `no won deal${where}: of ${rows} rows${files}, ${why || 'none'} excluded, ${skipped} skipped`,
    hint: p
      ? 'check the period (--period, --from, --to); `folio inspect` shows the dates as read'
      : 'check which statuses count as won (--won); `folio inspect` shows them as read',
    says: says('NO_REVENUE', { where, rows, files, why, skipped, period: p !== null && p !== undefined }),
  });
}

function analyzeShareOrNull(ledger: RevenueLedger, options: ShareOptions): ShareResult | null {
  try {
    return analyzeShare(ledger.clients.values(), options);
  } catch (error) {
    if (error instanceof FolioError && error.code === 'NON_POSITIVE_TOTAL') return null;
    throw error;
  }
}

export async function runShare(options: ShareRunOptions): Promise<CommandOutput> {
  const { result, inputs, warnings } = await computeShare(options);
  warnings.push(...clientNamesOf(options.inputs).warnings());
  return {
    envelope: buildEnvelope('share', periodJson(options.filter.period), inputs, result, warnings.map(warningJson)),
    doc: () => shareDoc(result, options.filter.period, options.lang),
    rows: () => shareRows(result),
    columns: ['rank', 'client', 'revenue', 'share', 'cumulativeShare', 'class', 'manager'],
    exitCode: 0,
  };
}

export function shareRows(result: ShareResult): MachineRow[] {
  return result.clients.map((c) => ({
    rank: c.rank,
    client: c.client,
    revenue: c.revenue,
    share: c.share,
    cumulativeShare: c.cumulativeShare,
    class: c.class,
    manager: c.manager ?? null,
  }));
}
