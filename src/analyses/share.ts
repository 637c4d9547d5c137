import { FolioError } from '../errors.js';
import type { ClientRevenue } from './ledger.js';
import { exceeds, microsToNumber, percentFraction, ratio, type Fraction } from './money.js';

export type RevenueClass = 'golden' | 'critical' | 'key' | 'regular';
export type ConcentrationBand = 'low' | 'normal' | 'elevated' | 'mono';

/** Thresholds in percent; every boundary is strict ("more than"). */
export interface ShareOptions {
  golden: number;
  critical: number;
  key: number;
  /** keyShare bands: below `normal` is low, up to `elevated` normal, up to `mono` elevated, above mono. */
  bands: { normal: number; elevated: number; mono: number };
  /** More key clients than this on one manager is a workload warning. */
  maxKeyPerManager: number;
}

export const DEFAULT_SHARE_OPTIONS: ShareOptions = {
  golden: 50,
  critical: 20,
  key: 10,
  bands: { normal: 30, elevated: 55, mono: 75 },
  maxKeyPerManager: 3,
};

export interface ClientShare {
  client: string;
  revenue: number;
  share: number;
  class: RevenueClass;
  rank: number;
  cumulativeShare: number;
  /** The manager who brought most of this client's revenue. */
  manager?: string;
}

export interface ManagerLoad {
  manager: string;
  keyClients: number;
  clients: string[];
  overloaded: boolean;
}

export interface Portfolio {
  clients: number;
  keyClients: number;
  keyShare: number;
  band: ConcentrationBand;
  top1: number;
  top5: number;
  hhi: number;
}

export interface ShareResult {
  total: number;
  clients: ClientShare[];
  portfolio: Portfolio;
  managers: ManagerLoad[];
}

interface Ranked {
  name: string;
  micros: bigint;
  manager: string | undefined;
}

/**
 * Revenue-share classes and concentration (DOMAIN.md §1). Pure: exact sums in, figures out.
 */
export function analyzeShare(revenues: Iterable<ClientRevenue>, options: ShareOptions): ShareResult {
  const ranked: Ranked[] = [];
  for (const c of revenues) ranked.push({ name: c.name, micros: c.revenue.toMicros(), manager: carrier(c) });
  ranked.sort((a, b) => (a.micros === b.micros ? compareNames(a.name, b.name) : a.micros > b.micros ? -1 : 1));

  const totalMicros = ranked.reduce((sum, c) => sum + c.micros, 0n);
  if (totalMicros <= 0n) {
    throw new FolioError({
      code: 'NON_POSITIVE_TOTAL',
      message: ranked.length === 0 ? 'no revenue to analyse: no won deal in the input' : `the total revenue is ${microsToNumber(totalMicros)}, so shares have no meaning`,
      hint: 'check the period (--period, --from, --to) and which statuses count as won (--won)',
    });
  }

  const golden = percentFraction(options.golden);
  const critical = percentFraction(options.critical);
  const key = percentFraction(options.key);
  let cumulative = 0n;
  let keyMicros = 0n;
  let hhi = 0;
  const clients: ClientShare[] = ranked.map((c, i) => {
    cumulative += c.micros;
    const cls = classify(c.micros, totalMicros, golden, critical, key);
    if (cls !== 'regular') keyMicros += c.micros;
    const share = ratio(c.micros, totalMicros);
    if (share > 0) hhi += (share * 100) ** 2;
    const row: ClientShare = {
      client: c.name,
      revenue: microsToNumber(c.micros),
      share,
      class: cls,
      rank: i + 1,
      cumulativeShare: ratio(cumulative, totalMicros),
    };
    if (c.manager !== undefined) row.manager = c.manager;
    return row;
  });

  const positive = (m: bigint): bigint => (m > 0n ? m : 0n);
  const top5 = ranked.slice(0, 5).reduce((s, c) => s + positive(c.micros), 0n);
  const keyClients = clients.filter((c) => c.class !== 'regular');
  return {
    total: microsToNumber(totalMicros),
    clients,
    portfolio: {
      clients: clients.length,
      keyClients: keyClients.length,
      keyShare: ratio(keyMicros, totalMicros),
      band: band(keyMicros, totalMicros, options.bands),
      top1: ratio(positive(ranked[0]?.micros ?? 0n), totalMicros),
      top5: ratio(top5, totalMicros),
      hhi: Math.round(hhi * 100) / 100,
    },
    managers: managerLoads(keyClients, options.maxKeyPerManager),
  };
}

function classify(micros: bigint, total: bigint, golden: Fraction, critical: Fraction, key: Fraction): RevenueClass {
  if (exceeds(micros, total, golden)) return 'golden';
  if (exceeds(micros, total, critical)) return 'critical';
  if (exceeds(micros, total, key)) return 'key';
  return 'regular';
}

function band(keyMicros: bigint, total: bigint, bands: ShareOptions['bands']): ConcentrationBand {
  if (exceeds(keyMicros, total, percentFraction(bands.mono))) return 'mono';
  if (exceeds(keyMicros, total, percentFraction(bands.elevated))) return 'elevated';
  const normal = percentFraction(bands.normal);
  return keyMicros * normal.den < total * normal.num ? 'low' : 'normal';
}

/** The manager who brought the most revenue from a client (ties by name), if any is named. */
function carrier(c: ClientRevenue): string | undefined {
  let best: string | undefined;
  let bestMicros = 0n;
  for (const [manager, sum] of c.byManager) {
    if (manager === '') continue;
    const micros = sum.toMicros();
    if (best === undefined || micros > bestMicros || (micros === bestMicros && compareNames(manager, best) < 0)) {
      best = manager;
      bestMicros = micros;
    }
  }
  return best;
}

function managerLoads(keyClients: ClientShare[], max: number): ManagerLoad[] {
  const byManager = new Map<string, string[]>();
  for (const c of keyClients) {
    if (c.manager === undefined) continue;
    const list = byManager.get(c.manager) ?? [];
    list.push(c.client);
    byManager.set(c.manager, list);
  }
  return [...byManager]
    .map(([manager, clients]) => ({ manager, keyClients: clients.length, clients, overloaded: clients.length > max }))
    .sort((a, b) => b.keyClients - a.keyClients || compareNames(a.manager, b.manager));
}

/** Deterministic name order, independent of the machine's locale. */
export function compareNames(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
