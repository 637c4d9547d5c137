import { analyzeMatrix, QUADRANTS, type MatrixInput, type MatrixResult, type Quadrant } from '../analyses/matrix.js';
import type { RevenueLedger } from '../analyses/ledger.js';
import { analyzeShare, type RevenueClass, type ShareOptions, type ShareResult } from '../analyses/share.js';
import { CLIENT_NEEDS, ClientConverter, MATRIX_NEEDS, type ClientRow } from '../normalize/clients.js';
import type { FlagRead } from '../normalize/flags.js';
import { periodJson } from '../normalize/period.js';
import { displayName, nameKey } from '../normalize/text.js';
import type { Cell, MachineRow, Section, Tone } from '../render/document.js';
import { money } from '../present/format.js';
import { t, type Lang, type MessageKey } from '../present/i18n.js';
import { buildEnvelope } from '../render/json.js';
import type { InputOptions, InputReport, Warning } from '../load/input-options.js';
import { loadDeals, type DealFilter } from '../load/deals.js';
import { nonPositiveWarnings } from './share.js';
import { inputReport, loadRows, readWarnings } from '../load/rows.js';
import type { CommandOutput } from './output.js';

export interface MatrixRunOptions {
  input: InputOptions;
  wantMin: number | null;
  canMin: number | null;
  deals: { input: InputOptions; filter: DealFilter; share: ShareOptions } | null;
  /** Revenue already computed from the deals (the report reads them once). */
  revenue?: ClientRevenueMap;
  /** The clients file already read (the report reads it once for the matrix and the cadence). */
  clients?: LoadedClients;
  lang: Lang;
}

export type MatrixJson = Omit<MatrixResult, 'clients'> & {
  clients: (MatrixResult['clients'][number] & { task: string })[];
  thresholds: { wantMin: number | null; canMin: number | null };
};

export interface LoadedClients {
  clients: ClientRow[];
  input: InputReport;
  warnings: Warning[];
}

/** A clients file, one row per client (a client listed twice keeps its first row). */
export async function loadClients(input: InputOptions, wantMin: number | null, canMin: number | null, needFlags: boolean): Promise<LoadedClients> {
  const file = input.source.name;
  const byKey = new Map<string, ClientRow>();
  let duplicates = 0;
  const loaded = await loadRows(
    input,
    needFlags ? MATRIX_NEEDS : CLIENT_NEEDS,
    (map, p) => new ClientConverter(map, { file, decimal: input.decimal, dayOrder: input.dayOrder, wantMin, canMin }, p),
    (row: ClientRow) => {
      const key = nameKey(row.client);
      if (byKey.has(key)) duplicates++;
      else byKey.set(key, { ...row, client: displayName(row.client) });
    },
  );
  const warnings = readWarnings(file, loaded);
  if (duplicates > 0) warnings.push({ code: 'DUPLICATE_CLIENTS', message: `${file}: ${duplicates} row(s) repeat a client already listed; the first row of each client is used` });
  return { clients: [...byKey.values()], warnings, input: inputReport(loaded, 'clients', { used: byKey.size, excluded: { duplicate: duplicates } }) };
}

function flagValue(flag: FlagRead): boolean | null {
  return typeof flag === 'boolean' ? flag : null;
}

function flagReason(name: string, flag: FlagRead, raw: string): string | null {
  if (flag === 'missing') return `${name}: empty`;
  if (flag === 'unreadable') return `${name}: cannot read ${JSON.stringify(raw.trim())} as yes/no`;
  return null;
}

/** Revenue and class per client key: what the matrix adds to each client when there are deals. */
export type ClientRevenueMap = Map<string, { micros: bigint; class: RevenueClass | null }>;

/** Every client of the ledger is in the share result (class null: a net refund, no share). */
export function revenueByClient(ledger: RevenueLedger, share: ShareResult): ClientRevenueMap {
  const classByName = new Map(share.clients.map((c) => [c.client, c.class]));
  const revenue: ClientRevenueMap = new Map();
  for (const [key, entry] of ledger.clients) revenue.set(key, { micros: entry.revenue.toMicros(), class: classByName.get(entry.name) ?? null });
  return revenue;
}

export interface ComputedMatrix {
  result: MatrixJson;
  inputs: InputReport[];
  warnings: Warning[];
}

/** Read clients (and deals) and place each client on the matrix: the data of `matrix`, reused by `report`. */
export async function computeMatrix(options: MatrixRunOptions): Promise<ComputedMatrix> {
  // A clients file the caller read itself is reported by the caller.
  const loaded = options.clients ?? (await loadClients(options.input, options.wantMin, options.canMin, true));
  const inputs = options.clients ? [] : [loaded.input];
  const warnings = options.clients ? [] : [...loaded.warnings];

  let revenue = options.revenue ?? null;
  if (options.deals && !revenue) {
    const deals = await loadDeals(options.deals.input, options.deals.filter);
    inputs.push(deals.input);
    warnings.push(...deals.warnings);
    const share = analyzeShare(deals.ledger.clients.values(), options.deals.share);
    warnings.push(...nonPositiveWarnings(share));
    revenue = revenueByClient(deals.ledger, share);
  }

  const rows: MatrixInput[] = loaded.clients.map((c) => {
    const reasons = [flagReason('want', c.want, c.wantRaw), flagReason('can', c.can, c.canRaw)].filter((r): r is string => r !== null);
    const row: MatrixInput = { client: c.client, want: flagValue(c.want), can: flagValue(c.can) };
    if (reasons.length > 0) row.reason = reasons.join('; ');
    if (c.manager.trim() !== '') row.manager = displayName(c.manager);
    if (c.segment.trim() !== '') row.segment = displayName(c.segment);
    if (revenue) {
      const r = revenue.get(nameKey(c.client));
      // A client of the clients file with no deal in the period brought nothing: regular.
      row.class = r === undefined ? 'regular' : r.class;
      row.revenueMicros = r?.micros ?? 0n;
    }
    return row;
  });
  const analysis = analyzeMatrix(rows, revenue !== null);
  if (analysis.atRisk.length > 0) {
    warnings.push({ code: 'KEY_CLIENTS_AT_RISK', message: `${analysis.atRisk.length} key client(s) do not want to buy: ${analysis.atRisk.join(', ')}` });
  }
  const result: MatrixJson = {
    ...analysis,
    clients: analysis.clients.map((c) => ({ ...c, task: t(options.lang, `task_${c.quadrant}` as MessageKey) })),
    thresholds: { wantMin: options.wantMin, canMin: options.canMin },
  };
  return { result, inputs, warnings };
}

export async function runMatrix(options: MatrixRunOptions): Promise<CommandOutput> {
  const { result, inputs, warnings } = await computeMatrix(options);
  const period = options.deals ? periodJson(options.deals.filter.period) : null;
  return {
    envelope: buildEnvelope('matrix', period, inputs, result, warnings),
    doc: () => ({ title: t(options.lang, 'matrixTitle'), sections: matrixSections(result, options.lang) }),
    rows: () => result.clients.map(
      (c): MachineRow => ({
        client: c.client,
        want: c.want,
        can: c.can,
        quadrant: c.quadrant,
        class: c.class ?? null,
        revenue: c.revenue ?? null,
        manager: c.manager ?? null,
        segment: c.segment ?? null,
        reason: c.reason ?? null,
        task: c.task,
      }),
    ),
    columns: ['client', 'want', 'can', 'quadrant', 'class', 'revenue', 'manager', 'segment', 'reason', 'task'],
    exitCode: 0,
  };
}

const QUADRANT_TONE: Record<Quadrant, Tone> = { want_can: 'good', want_only: 'key', can_only: 'warn', neither: 'bad', unclassified: 'muted' };

/** The 2×2 grid, the clients in effort order, the tasks, and the at-risk line. */
export function matrixSections(r: MatrixJson, lang: Lang): Section[] {
  const cell = (q: Quadrant): Cell => {
    const amount = r.revenue ? ` · ${money(r.revenue[q], lang)}` : '';
    return { text: `${t(lang, q)}: ${r.counts[q]}${amount}`, tone: QUADRANT_TONE[q] };
  };
  const yn = (v: boolean | null): string => (v === null ? t(lang, 'unknown') : t(lang, v ? 'yes' : 'no'));
  const hasRevenue = r.revenue !== null;
  const hasManager = r.clients.some((c) => c.manager !== undefined);
  const sections: Section[] = [
    {
      kind: 'table',
      columns: [{ label: '' }, { label: t(lang, 'gridCan') }, { label: t(lang, 'gridCannot') }],
      rows: [
        [t(lang, 'gridWants'), cell('want_can'), cell('want_only')],
        [t(lang, 'gridDoesNotWant'), cell('can_only'), cell('neither')],
      ],
    },
  ];
  if (r.counts.unclassified > 0) sections.push({ kind: 'notes', lines: [cell('unclassified')] });
  sections.push({
    kind: 'table',
    title: t(lang, 'clients'),
    columns: [
      { label: t(lang, 'quadrant') },
      { label: t(lang, 'client') },
      { label: t(lang, 'want') },
      { label: t(lang, 'can') },
      ...(hasRevenue ? [{ label: t(lang, 'class') }, { label: t(lang, 'revenue'), align: 'right' as const }] : []),
      ...(hasManager ? [{ label: t(lang, 'manager') }] : []),
      { label: t(lang, 'reason') },
    ],
    rows: r.clients.map((c) => [
      { text: t(lang, c.quadrant), tone: QUADRANT_TONE[c.quadrant] },
      c.class && c.class !== 'regular' ? { text: c.client, tone: c.class } : c.client,
      yn(c.want),
      yn(c.can),
      ...(hasRevenue ? [t(lang, c.class === null ? 'noShare' : (c.class ?? 'regular')), money(c.revenue ?? 0, lang)] : []),
      ...(hasManager ? [c.manager ?? ''] : []),
      c.reason ?? '',
    ]),
  });
  sections.push({
    kind: 'notes',
    title: t(lang, 'tasks'),
    lines: QUADRANTS.filter((q) => r.counts[q] > 0).map((q) => ({ text: `${t(lang, q)} (${r.counts[q]}): ${t(lang, `task_${q}` as MessageKey)}`, tone: QUADRANT_TONE[q] })),
  });
  if (r.atRisk.length > 0) sections.push({ kind: 'notes', lines: [{ text: `${t(lang, 'atRisk')}: ${r.atRisk.join(', ')}`, tone: 'bad' }] });
  return sections;
}
