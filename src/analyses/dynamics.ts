import { says } from '../codes/error-fields.js';
import { FolioError, isFolioError } from '../folio-error.js';
import { addMonths, dayNumber, dayParts, formatDay } from '../normalize/dates.js';
import {
  exceeds,
  MICROS_PER_UNIT,
  microsToNumber,
  MoneySum,
  percentFraction,
  ratio,
  type Fraction,
} from '../normalize/money.js';
import type { Period } from '../normalize/period.js';
import { monthOfDay, type ClientHistory, type DealHistory } from './history.js';
import type { ClientRevenue } from './ledger.js';
import { compareNames } from './name-order.js';
import { analyzeShare, type ClientShare, isKeyClass, type RevenueClass, type ShareOptions } from './share.js';

export type AbcClass = 'A' | 'B' | 'C';
export type XyzClass = 'X' | 'Y' | 'Z';
export type Stage = (typeof STAGES)[number];
export const STAGES = ['new', 'one-off', 'price-driven', 'occasional', 'regular', 'partner'] as const;
export const ABC: readonly AbcClass[] = ['A', 'B', 'C'];
export const XYZ: readonly XyzClass[] = ['X', 'Y', 'Z'];

export interface DynamicsOptions {
  /** Full calendar months in the window, ending with the month before as-of's. */
  months: number;
  /** Cumulative share bounds in percent: A while at most `a`, B while at most `b`. */
  abc: { a: number; b: number };
  /** Coefficient-of-variation bounds in percent: X at most `x`, Y at most `y`. */
  xyz: { x: number; y: number };
  /** Dormant: more days since the last order than `dormantFactor` × the median interval, and than `dormantDays`. */
  dormantFactor: number;
  dormantDays: number;
  /** A manager carrying more than this percentage of the window's revenue is a risk. */
  maxManagerShare: number;
  /** The revenue classes: a partner is of the key class (or above) over the window. */
  share: ShareOptions;
}

export const DEFAULT_DYNAMICS: Omit<DynamicsOptions, 'share'> = {
  months: 12,
  abc: { a: 80, b: 95 },
  xyz: { x: 10, y: 25 },
  dormantFactor: 2,
  dormantDays: 60,
  maxManagerShare: 40,
};

/** Fixed by the rules (docs/rules.md §11): a new client's first order is this recent, a lost one's last order this old. */
export const NEW_DAYS = 90;
export const LOST_DAYS = 365;

export interface ClientDynamics {
  client: string;
  revenue: number;
  /** Of the window's share base; null when the client's net revenue is not positive. */
  share: number | null;
  abc: AbcClass | null;
  xyz: XyzClass | null;
  /** Population standard deviation of the monthly revenues over their mean; null when the mean is not positive. */
  cv: number | null;
  /** The revenue class of the window (the share rules), null like `share`. */
  class: RevenueClass | null;
  /** The window's monthly revenues, oldest first. */
  monthly: number[];
  /** Order dates up to as-of, history before the window included. */
  orders: number;
  firstOrder: string | null;
  lastOrder: string | null;
  medianIntervalDays: number | null;
  daysSinceLast: number | null;
  dormant: boolean;
  lost: boolean;
  stage: Stage | null;
  /** Who brought most of the client's window revenue. */
  manager: string | null;
}

export interface GridCell {
  abc: AbcClass;
  xyz: XyzClass;
  clients: number;
  revenue: number;
}

export interface ManagerHold {
  manager: string;
  revenue: number;
  share: number;
  clients: number;
  keyClients: number;
  /** Of the key clients' revenue. */
  keyShare: number;
  overLimit: boolean;
}

export interface DynamicsResult {
  asOf: string;
  window: { from: string; to: string };
  /** The window's share base: the sum of the clients with positive net revenue. */
  total: number;
  clients: ClientDynamics[];
  grid: GridCell[];
  managers: ManagerHold[];
  /**
   * The clients of the share base that several managers sold to in the window, and their
   * revenue: each is counted whole under the manager who brought most of it.
   */
  sharedClients: { count: number; revenue: number };
  atRisk: number;
  /** Whether the deals had a manager column / a discount column (price-driven is assigned only then). */
  managersKnown: boolean;
  discountsKnown: boolean;
}

/** The result as JSON carries it: with the currency and the thresholds it was computed with. */
export type DynamicsJson = DynamicsResult & {
  currency: string | null;
  thresholds: {
    months: number;
    abc: [number, number];
    xyz: [number, number];
    dormantFactor: number;
    dormantDays: number;
    maxManagerShare: number;
    key: number;
  };
};

/** Clients per stage, in the order a base grows. */
export function stageCounts(r: DynamicsResult): Record<Stage, number> {
  const counts = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  for (const c of r.clients) if (c.stage !== null) counts[c.stage]++;
  return counts;
}

/** The window: the `months` full calendar months before the month of as-of. */
export function dynamicsWindow(asOf: number, months: number): Period {
  const p = dayParts(asOf);
  const firstOfMonth = dayNumber(p.year, p.month, 1);
  return { from: addMonths(firstOfMonth, -months), to: firstOfMonth - 1 };
}

interface Working {
  history: ClientHistory;
  monthly: bigint[];
  micros: bigint;
}

/**
 * ABC/XYZ, rhythm, dormancy, stage and the revenue each manager holds (docs/rules.md §11).
 * Pure: the history in, figures out; money exact to the end (shares and CV are floats only
 * once every boundary has been decided in integers). `managers`: the history's window is
 * this one, so its ledger says who carries each client; otherwise no manager figures.
 */
export function analyzeDynamics(
  history: DealHistory,
  asOf: number,
  o: DynamicsOptions,
  managers: boolean,
): DynamicsResult {
  const window = dynamicsWindow(asOf, o.months);
  const first = monthOfDay(window.from);
  const { working, revenues } = windowRevenues(history, first, o.months, managers);
  if (revenues.length === 0) throw noWindowRevenue(window, 'none', history.orderSpan());
  let share;
  try {
    share = analyzeShare(revenues, o.share);
  } catch (error) {
    if (isFolioError(error, 'NO_REVENUE_TOTAL', 'NON_POSITIVE_TOTAL'))
      throw noWindowRevenue(window, 'non-positive', null);
    throw error;
  }
  const base = share.clients.reduce(
    (s, c) => s + (c.share === null ? 0n : (working.get(c.client) as Working).micros),
    0n,
  );
  const a = percentFraction(o.abc.a);
  const b = percentFraction(o.abc.b);
  let cumulative = 0n;
  const clients: ClientDynamics[] = share.clients.map((s, i) => {
    const w = working.get(s.client) as Working;
    let abc: AbcClass | null = null;
    if (s.share !== null) {
      cumulative += w.micros;
      abc = i === 0 || !exceeds(cumulative, base, a) ? 'A' : !exceeds(cumulative, base, b) ? 'B' : 'C';
    }
    return clientDynamics(s, w, abc, { asOf, first, o, discountsKnown: history.discountsKnown });
  });
  const atRisk = clients
    .filter((c) => c.dormant && c.share !== null)
    .reduce((s, c) => s + (working.get(c.client) as Working).micros, 0n);
  return {
    asOf: formatDay(asOf),
    window: { from: formatDay(window.from), to: formatDay(window.to) },
    total: microsToNumber(base),
    clients,
    grid: abcXyzGrid(clients, working),
    managers: managers ? holds(clients, working, base, percentFraction(o.maxManagerShare)) : [],
    sharedClients: managers ? shared(clients, working) : { count: 0, revenue: 0 },
    atRisk: microsToNumber(atRisk),
    managersKnown: managers,
    discountsKnown: history.discountsKnown,
  };
}

/** The clients with revenue in the window's months: each one's months, and its revenue for the share classes. */
function windowRevenues(
  history: DealHistory,
  first: number,
  months: number,
  managers: boolean,
): { working: Map<string, Working>; revenues: ClientRevenue[] } {
  const working = new Map<string, Working>();
  const revenues: ClientRevenue[] = [];
  for (const h of history.clients.values()) {
    const monthly: bigint[] = [];
    let inWindow = false;
    for (let m = 0; m < months; m++) {
      const sum = h.months.get(first + m);
      if (sum !== undefined) inWindow = true;
      monthly.push(sum === undefined ? 0n : sum.toMicros());
    }
    if (!inWindow) continue;
    const micros = monthly.reduce((a, b) => a + b, 0n);
    working.set(h.name, { history: h, monthly, micros });
    revenues.push({
      name: h.name,
      revenue: moneyOf(micros),
      byManager: managers ? h.entry.byManager : new Map<string, MoneySum>(),
      lastManager: '',
      lastSum: null,
    });
  }
  return { working, revenues };
}

/** One client's row: its classes, variation, rhythm and stage. */
function clientDynamics(
  s: ClientShare,
  w: Working,
  abc: AbcClass | null,
  at: { asOf: number; first: number; o: DynamicsOptions; discountsKnown: boolean },
): ClientDynamics {
  const { asOf, o } = at;
  const variation = s.share === null ? null : xyzOf(w.monthly, percentFraction(o.xyz.x), percentFraction(o.xyz.y));
  const rhythm = rhythmOf(w.history.orderDays, asOf, o);
  const monthsOrdered = monthsWithOrders(w.history.orderDays, at.first, o.months, asOf);
  const row: ClientDynamics = {
    client: s.client,
    revenue: s.revenue,
    share: s.share,
    abc,
    xyz: variation?.xyz ?? null,
    cv: variation?.cv ?? null,
    class: s.class,
    monthly: w.monthly.map(microsToNumber),
    orders: rhythm.days.length,
    firstOrder: rhythm.first === null ? null : formatDay(rhythm.first),
    lastOrder: rhythm.last === null ? null : formatDay(rhythm.last),
    medianIntervalDays: rhythm.median,
    daysSinceLast: rhythm.last === null ? null : asOf - rhythm.last,
    dormant: rhythm.dormant,
    lost: rhythm.last !== null && asOf - rhythm.last > LOST_DAYS,
    stage: null,
    manager: s.manager ?? null,
  };
  row.stage = stageOf(row, rhythm, monthsOrdered, o, asOf, at.discountsKnown ? discounted(w.history, asOf) : null);
  return row;
}

/** The ABC × XYZ grid: clients and revenue in each cell. */
function abcXyzGrid(clients: ClientDynamics[], working: Map<string, Working>): GridCell[] {
  const grid: GridCell[] = [];
  for (const abc of ABC) {
    for (const xyz of XYZ) {
      const cell = clients.filter((c) => c.abc === abc && c.xyz === xyz);
      grid.push({
        abc,
        xyz,
        clients: cell.length,
        revenue: microsToNumber(cell.reduce((s, c) => s + (working.get(c.client) as Working).micros, 0n)),
      });
    }
  }
  return grid;
}

function moneyOf(micros: bigint): MoneySum {
  const sum = new MoneySum();
  sum.add(Number(micros / MICROS_PER_UNIT), Number(micros % MICROS_PER_UNIT));
  return sum;
}

/** `orders`: the days of the first and last won deal read; outside the window, they name the --as-of that would reach them. */
function noWindowRevenue(window: Period, why: 'none' | 'non-positive', orders: Period | null): FolioError {
  const from = formatDay(window.from);
  const to = formatDay(window.to);
  const covers = orders === null ? null : { from: formatDay(orders.from), to: formatDay(orders.to) };
  return new FolioError({
    code: 'NO_REVENUE',
    says: says('NO_WINDOW_REVENUE', { from, to, why, covers, asOf: orders === null ? null : formatDay(orders.to + 1) }),
  });
}

/**
 * X, Y or Z from the monthly revenues, decided exactly: with n months, S their sum and Q the
 * sum of their squares, CV² = (nQ − S²) / S², so CV ≤ p/q exactly when (nQ − S²)·q² ≤ p²·S².
 * Fewer than two months with revenue is Z whatever the figure.
 */
function xyzOf(monthly: bigint[], x: Fraction, y: Fraction): { xyz: XyzClass; cv: number } {
  const n = BigInt(monthly.length);
  let s = 0n;
  let q = 0n;
  let months = 0;
  for (const m of monthly) {
    s += m;
    q += m * m;
    if (m > 0n) months++;
  }
  const spread = n * q - s * s;
  const within = (f: Fraction): boolean => spread * f.den * f.den <= f.num * f.num * s * s;
  const cv = Math.sqrt(ratio(spread, s * s));
  const xyz: XyzClass = months < 2 ? 'Z' : within(x) ? 'X' : within(y) ? 'Y' : 'Z';
  return { xyz, cv: Math.round(cv * 1e6) / 1e6 };
}

interface Rhythm {
  /** Order days up to as-of, in order. */
  days: number[];
  first: number | null;
  last: number | null;
  median: number | null;
  dormant: boolean;
}

function rhythmOf(orderDays: Set<number>, asOf: number, o: DynamicsOptions): Rhythm {
  const days = [...orderDays].filter((d) => d <= asOf).sort((p, q) => p - q);
  const first = days[0] ?? null;
  const last = days[days.length - 1] ?? null;
  const gaps: number[] = [];
  for (let i = 1; i < days.length; i++) gaps.push((days[i] as number) - (days[i - 1] as number));
  gaps.sort((p, q) => p - q);
  const mid = gaps.length >> 1;
  const median =
    gaps.length === 0
      ? null
      : gaps.length % 2 === 1
        ? (gaps[mid] as number)
        : ((gaps[mid - 1] as number) + (gaps[mid] as number)) / 2;
  const threshold = Math.max(median === null ? 0 : o.dormantFactor * median, o.dormantDays);
  return { days, first, last, median, dormant: last !== null && asOf - last > threshold };
}

/** How many of the window's months hold an order date. */
function monthsWithOrders(orderDays: Set<number>, first: number, months: number, asOf: number): number {
  const seen = new Set<number>();
  for (const d of orderDays) {
    if (d > asOf) continue;
    const m = monthOfDay(d);
    if (m >= first && m < first + months) seen.add(m);
  }
  return seen.size;
}

/** How many of the client's orders up to as-of carry a discount. */
function discounted(h: ClientHistory, asOf: number): number {
  let n = 0;
  for (const d of h.discountDays) if (d <= asOf) n++;
  return n;
}

/**
 * The stage (docs/rules.md §11), first rule that holds: new, one-off, partner, regular,
 * price-driven (only with a discount column), occasional.
 */
function stageOf(
  c: ClientDynamics,
  r: Rhythm,
  monthsOrdered: number,
  o: DynamicsOptions,
  asOf: number,
  discountedOrders: number | null,
): Stage | null {
  if (r.first === null) return null;
  if (asOf - r.first < NEW_DAYS) return 'new';
  if (r.days.length === 1) return 'one-off';
  const regular = monthsOrdered * 2 >= o.months || ((c.xyz === 'X' || c.xyz === 'Y') && r.days.length >= 4);
  if (regular && isKeyClass(c.class) && r.first <= addMonths(asOf, -12)) return 'partner';
  if (regular) return 'regular';
  if (discountedOrders !== null && discountedOrders * 2 > r.days.length) return 'price-driven';
  return 'occasional';
}

/** The clients of the share base with more than one manager in the window, and their revenue. */
function shared(clients: ClientDynamics[], working: Map<string, Working>): { count: number; revenue: number } {
  let count = 0;
  let micros = 0n;
  for (const c of clients) {
    const w = working.get(c.client) as Working;
    if (c.share === null || w.history.entry.byManager.size < 2) continue;
    count++;
    micros += w.micros;
  }
  return { count, revenue: microsToNumber(micros) };
}

/** Each manager's clients (by who carries them), their revenue and key clients, largest first. */
function holds(clients: ClientDynamics[], working: Map<string, Working>, base: bigint, limit: Fraction): ManagerHold[] {
  const by = new Map<string, { micros: bigint; key: bigint; clients: number; keyClients: number }>();
  let keyTotal = 0n;
  for (const c of clients) {
    const micros = c.share === null ? 0n : (working.get(c.client) as Working).micros;
    const key = isKeyClass(c.class);
    if (key) keyTotal += micros;
    if (c.manager === null) continue;
    const m = by.get(c.manager) ?? { micros: 0n, key: 0n, clients: 0, keyClients: 0 };
    m.micros += micros;
    m.clients++;
    if (key) {
      m.key += micros;
      m.keyClients++;
    }
    by.set(c.manager, m);
  }
  return [...by]
    .sort((p, q) => (p[1].micros === q[1].micros ? compareNames(p[0], q[0]) : p[1].micros > q[1].micros ? -1 : 1))
    .map(([manager, m]) => ({
      manager,
      revenue: microsToNumber(m.micros),
      share: ratio(m.micros, base),
      clients: m.clients,
      keyClients: m.keyClients,
      keyShare: ratio(m.key, keyTotal),
      overLimit: exceeds(m.micros, base, limit),
    }));
}
