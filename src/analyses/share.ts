import { says } from '../codes/error-fields.js';
import { compareNames } from './name-order.js';
import { FolioError } from '../folio-error.js';
import type { ClientRevenue } from './ledger.js';
import { exceeds, microsToNumber, percentFraction, ratio, type Fraction } from '../normalize/money.js';

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

/**
 * One client's line. A client whose net revenue is zero or negative (refunds larger than its
 * sales) holds no part of the share base: its share, cumulative share and class are null,
 * and it is ranked after every client with positive revenue.
 */
export interface ClientShare {
  client: string;
  revenue: number;
  share: number | null;
  class: RevenueClass | null;
  rank: number;
  cumulativeShare: number | null;
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
  /** What shares are taken of: the sum of the clients with positive net revenue (≥ the net total). */
  shareBase: number;
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
 * Revenue-share classes and concentration (docs/rules.md §1–3). Pure: exact sums in, figures out.
 * Shares are of the share base, the sum of the clients with positive net revenue, so that no
 * share, cumulative share, key share or top-N can pass 100% when refunds make a client's net
 * negative; the net total is reported beside it.
 */
export function analyzeShare(revenues: Iterable<ClientRevenue>, options: ShareOptions): ShareResult {
  const ranked: Ranked[] = [];
  for (const c of revenues) ranked.push({ name: c.name, micros: c.revenue.toMicros(), manager: carrier(c) });
  // Largest first: the clients with positive revenue come before all the others.
  ranked.sort((a, b) => (a.micros === b.micros ? compareNames(a.name, b.name) : a.micros > b.micros ? -1 : 1));

  const totalMicros = ranked.reduce((sum, c) => sum + c.micros, 0n);
  const positive = ranked.filter((c) => c.micros > 0n);
  const base = positive.reduce((sum, c) => sum + c.micros, 0n);
  if (base === 0n) {
    // Nothing to share out: no won deal at all, or a net total not above zero.
    throw ranked.length === 0
      ? new FolioError({ code: 'NO_REVENUE', says: says('NO_REVENUE_TOTAL', {}) })
      : new FolioError({
          code: 'NON_POSITIVE_TOTAL',
          says: says('NON_POSITIVE_TOTAL', { total: microsToNumber(totalMicros) }),
        });
  }

  const golden = percentFraction(options.golden);
  const critical = percentFraction(options.critical);
  const key = percentFraction(options.key);
  let cumulative = 0n;
  let keyMicros = 0n;
  let hhi = 0;
  const clients: ClientShare[] = ranked.map((c, i) => {
    const row: ClientShare = {
      client: c.name,
      revenue: microsToNumber(c.micros),
      share: null,
      class: null,
      rank: i + 1,
      cumulativeShare: null,
    };
    if (c.micros > 0n) {
      cumulative += c.micros;
      const cls = classify(c.micros, base, golden, critical, key);
      if (cls !== 'regular') keyMicros += c.micros;
      const share = ratio(c.micros, base);
      hhi += (share * 100) ** 2;
      row.share = share;
      row.class = cls;
      row.cumulativeShare = ratio(cumulative, base);
    }
    if (c.manager !== undefined) row.manager = c.manager;
    return row;
  });

  const top5 = positive.slice(0, 5).reduce((s, c) => s + c.micros, 0n);
  const keyClients = clients.filter((c) => isKeyClass(c.class));
  return {
    total: microsToNumber(totalMicros),
    clients,
    portfolio: {
      clients: clients.length,
      shareBase: microsToNumber(base),
      keyClients: keyClients.length,
      keyShare: ratio(keyMicros, base),
      band: band(keyMicros, base, options.bands),
      top1: ratio(positive[0]?.micros ?? 0n, base),
      top5: ratio(top5, base),
      hhi: Math.round(hhi * 100) / 100,
    },
    managers: managerLoads(keyClients, options.maxKeyPerManager),
  };
}

/** Key, critical or golden: the classes a key-account plan is for. */
export function isKeyClass(cls: RevenueClass | null | undefined): cls is 'golden' | 'critical' | 'key' {
  return cls === 'golden' || cls === 'critical' || cls === 'key';
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

/** The share result as JSON carries it: with the currency and the thresholds it was computed with. */
export type ShareJson = ShareResult & {
  currency: string | null;
  thresholds: { golden: number; critical: number; key: number; bands: ShareOptions['bands']; maxKeyClients: number };
};
