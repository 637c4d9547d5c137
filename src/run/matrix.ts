import { matrixDoc, matrixTables } from '../present/matrix.js';
import { warningJson } from '../present/messages/warnings.js';
import { warning } from '../codes/warnings.js';
import { loadClients, type LoadedClients } from '../load/clients.js';
import { analyzeMatrix, type MatrixInput, type MatrixJson, type UnreadFlag } from '../analyses/matrix.js';
import { unreadText } from '../present/messages/cells.js';
import type { RevenueLedger } from '../analyses/ledger.js';
import { analyzeShare, type RevenueClass, type ShareOptions, type ShareResult } from '../analyses/share.js';
import type { FlagRead } from '../normalize/flags.js';
import { periodJson } from '../normalize/period.js';
import { displayName } from '../normalize/text.js';
import { type Lang } from '../present/i18n.js';
import { buildEnvelope } from '../schema/build.js';
import { clientNamesOf, type InputOptions } from '../load/input-options.js';
import type { InputReport, Warning } from '../schema/envelope.js';
import { loadDeals, type DealFilter } from '../load/deals.js';
import { nonPositiveWarnings } from './share.js';
import type { CommandOutput } from './output.js';

export interface MatrixRunOptions {
  /** One or more clients files, read as one list. */
  inputs: InputOptions[];
  wantMin: number | null;
  canMin: number | null;
  deals: { inputs: InputOptions[]; filter: DealFilter; share: ShareOptions } | null;
  /** Revenue already computed from the deals (the report reads them once). */
  revenue?: ClientRevenueMap;
  /** The clients file already read (the report reads it once for the matrix and the cadence). */
  clients?: LoadedClients;
  lang: Lang;
}

function flagValue(flag: FlagRead): boolean | null {
  return typeof flag === 'boolean' ? flag : null;
}

function unreadFlag(flag: UnreadFlag['flag'], read: FlagRead, raw: string): UnreadFlag | null {
  if (read === 'missing') return { flag, value: null };
  if (read === 'unreadable') return { flag, value: raw.trim() };
  return null;
}

/** Revenue and class per client key: what the matrix adds to each client when there are deals. */
export type ClientRevenueMap = Map<string, { micros: bigint; class: RevenueClass | null }>;

/** Every client of the ledger is in the share result (class null: a net refund, no share). */
export function revenueByClient(ledger: RevenueLedger, share: ShareResult): ClientRevenueMap {
  const classByName = new Map(share.clients.map((c) => [c.client, c.class]));
  const revenue: ClientRevenueMap = new Map();
  for (const [key, entry] of ledger.clients)
    revenue.set(key, { micros: entry.revenue.toMicros(), class: classByName.get(entry.name) ?? null });
  return revenue;
}

export interface ComputedMatrix {
  result: MatrixJson;
  inputs: InputReport[];
  warnings: Warning[];
}

/** Read clients (and deals) and place each client on the matrix: the data of `matrix`, reused by `report`. */
export async function computeMatrix(options: MatrixRunOptions): Promise<ComputedMatrix> {
  const names = clientNamesOf(options.inputs, options.deals?.inputs);
  // The deals are read first, as every command reads them: a client is shown as they spell it.
  let revenue = options.revenue ?? null;
  const deals = options.deals && !revenue ? await loadDeals(options.deals.inputs, options.deals.filter) : null;
  // A clients file the caller read itself is reported by the caller.
  const loaded = options.clients ?? (await loadClients(options.inputs, options.wantMin, options.canMin, true));
  const inputs = options.clients ? [] : [...loaded.inputs];
  const warnings = options.clients ? [] : [...loaded.warnings];
  if (options.deals && deals) {
    inputs.push(...deals.inputs);
    warnings.push(...deals.warnings);
    const share = analyzeShare(deals.ledger.clients.values(), options.deals.share);
    warnings.push(...nonPositiveWarnings(share));
    revenue = revenueByClient(deals.ledger, share);
  }

  const rows: MatrixInput[] = loaded.clients.map((c) => {
    const unread = [unreadFlag('want', c.want, c.wantRaw), unreadFlag('can', c.can, c.canRaw)].filter(
      (r): r is UnreadFlag => r !== null,
    );
    const row: MatrixInput = { client: c.client, want: flagValue(c.want), can: flagValue(c.can) };
    if (unread.length > 0) Object.assign(row, { reason: unreadText(unread, 'en'), unread });
    if (c.manager.trim() !== '') row.manager = displayName(c.manager);
    if (c.segment.trim() !== '') row.segment = displayName(c.segment);
    if (revenue) {
      const r = revenue.get(names.key(c.client));
      // A client of the clients file with no deal in the period brought nothing: regular.
      row.class = r === undefined ? 'regular' : r.class;
      row.revenueMicros = r?.micros ?? 0n;
    }
    return row;
  });
  const analysis = analyzeMatrix(rows, revenue !== null);
  if (analysis.atRisk.length > 0) {
    warnings.push(warning('KEY_CLIENTS_AT_RISK', { clients: [...analysis.atRisk] }));
  }
  const result: MatrixJson = {
    ...analysis,
    thresholds: { wantMin: options.wantMin, canMin: options.canMin },
  };
  return { result, inputs, warnings };
}

export async function runMatrix(options: MatrixRunOptions): Promise<CommandOutput> {
  const { result, inputs, warnings } = await computeMatrix(options);
  warnings.push(...clientNamesOf(options.inputs).warnings());
  const period = options.deals ? periodJson(options.deals.filter.period) : null;
  return {
    envelope: buildEnvelope('matrix', period, inputs, result, warnings.map(warningJson)),
    doc: () => matrixDoc(result, options.lang),
    tables: (lang) => matrixTables(result, lang),
    sectioned: false,
    exitCode: 0,
  };
}
