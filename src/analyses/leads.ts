import { formatDay } from '../normalize/dates.js';
import { microsToNumber, MICROS_PER_UNIT } from './money.js';
import { compareNames } from './share.js';

export const LEAD_GROUPS = ['fast-big', 'fast-small', 'slow-big', 'slow-small', 'unclassified'] as const;
export type LeadGroup = (typeof LEAD_GROUPS)[number];

/** A non-negative amount: whole units and millionths (0 ≤ micro < 1e6). */
export interface Amount {
  whole: number;
  micro: number;
}

export interface LeadInput {
  lead: string;
  client: string;
  amount: Amount | null;
  expectedClose: number | null;
  daysFromAsOf: number | null;
  manager: string;
}

export interface LeadOptions {
  asOf: number;
  fastDays: number;
  /** The big threshold; null takes the median amount of the leads being ranked. */
  big: Amount | null;
  /** More open leads than this on one manager is a warning; null: no limit. */
  maxLeads: number | null;
}

export interface RankedLead {
  lead: string;
  client: string;
  amount: number | null;
  expectedClose: string | null;
  daysToClose: number | null;
  group: LeadGroup;
  priority: 1 | 2 | 3 | 4 | null;
  overdue: boolean;
  manager: string;
  reason?: string;
}

export interface ManagerLeads {
  manager: string;
  leads: number;
  groups: Record<LeadGroup, number>;
  overloaded: boolean;
}

export interface GroupSummary {
  group: LeadGroup;
  count: number;
  amount: number;
}

export interface LeadsResult {
  asOf: string;
  thresholds: { big: number | null; bigSource: 'median' | 'given'; fastDays: number };
  leads: RankedLead[];
  groups: GroupSummary[];
  managers: ManagerLeads[];
}

const MICRO = 1_000_000;

function compareAmounts(a: Amount, b: Amount): number {
  return a.whole - b.whole || a.micro - b.micro;
}

/** a + b, exact. */
function add(a: Amount, b: Amount): Amount {
  const micro = a.micro + b.micro;
  return micro >= MICRO ? { whole: a.whole + b.whole + 1, micro: micro - MICRO } : { whole: a.whole + b.whole, micro };
}

/** 2·a ≥ twice, exact, without allocating. */
function atLeastHalfOf(a: Amount, twice: Amount): boolean {
  const micro = 2 * a.micro;
  const whole = 2 * a.whole + (micro >= MICRO ? 1 : 0);
  const m = micro >= MICRO ? micro - MICRO : micro;
  return whole !== twice.whole ? whole > twice.whole : m >= twice.micro;
}

/**
 * The amount as the nearest float, like parsing its decimal text: one correctly rounded
 * division of two exact integers, where they are exact; the text otherwise.
 */
export function toNumber(a: Amount): number {
  const micros = a.whole * MICRO + a.micro;
  return Number.isSafeInteger(micros) ? micros / MICRO : microsToNumber(BigInt(a.whole) * MICROS_PER_UNIT + BigInt(a.micro));
}

/**
 * Twice the median, exact: the middle amount doubled, or the sum of the two middle ones.
 * Comparing 2·amount with it keeps "at or above the median" exact for an even count. The
 * order is found on a typed array of float keys (native sort); the exact amounts are then
 * taken from the leads whose keys sit in the middle.
 */
function twiceMedian(amounts: Amount[]): Amount | null {
  const n = amounts.length;
  if (n === 0) return null;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (amounts[i] as Amount).whole + (amounts[i] as Amount).micro / MICRO;
  keys.sort();
  const exact = (key: number): Amount => {
    // Several exact amounts may share a float key only beyond 15 significant digits; take the least.
    let best: Amount | null = null;
    for (const a of amounts) if (a.whole + a.micro / MICRO === key && (best === null || compareAmounts(a, best) < 0)) best = a;
    return best as Amount;
  };
  const hi = exact(keys[Math.floor(n / 2)] as number);
  const lo = n % 2 === 1 ? hi : exact(keys[n / 2 - 1] as number);
  return add(lo, hi);
}

/**
 * Lead priority fast/slow × big/small (docs/rules.md §5): fast = money expected within
 * `fastDays` of as-of (overdue leads are fast); big = amount at or above the threshold.
 * Work order: fast-big, fast-small, slow-big, slow-small; inside a group larger amount,
 * then earlier close, then name; unclassified (no amount or no date) last.
 */
export function analyzeLeads(leads: LeadInput[], options: LeadOptions): LeadsResult {
  // The median is over the leads that get a group: with an amount and a known close.
  const amounts = leads
    .filter((l) => l.amount !== null && (l.expectedClose !== null || l.daysFromAsOf !== null))
    .map((l) => l.amount as Amount);
  const twice = options.big !== null ? add(options.big, options.big) : twiceMedian(amounts);

  // Per-lead keys in typed arrays and an index sort: a million leads sort without a million
  // wrapper objects for the comparator to chase.
  const n = leads.length;
  const order = new Uint8Array(n);
  const amountKey = new Float64Array(n);
  const closeKey = new Float64Array(n);
  const reasons: (string | undefined)[] = new Array<string | undefined>(n);
  for (let i = 0; i < n; i++) {
    const l = leads[i] as LeadInput;
    const close = l.expectedClose ?? (l.daysFromAsOf !== null ? options.asOf + l.daysFromAsOf : null);
    let group: LeadGroup = 'unclassified';
    if (l.amount === null || close === null || twice === null) {
      reasons[i] = [l.amount === null ? 'no amount' : null, close === null ? 'no expected close date' : null].filter(Boolean).join('; ');
    } else {
      const fast = close - options.asOf <= options.fastDays;
      const big = atLeastHalfOf(l.amount, twice);
      group = fast ? (big ? 'fast-big' : 'fast-small') : big ? 'slow-big' : 'slow-small';
    }
    order[i] = LEAD_GROUPS.indexOf(group);
    // Distinct amounts of up to 15 significant digits keep their order as floats; equal
    // floats fall back to the exact pair.
    amountKey[i] = l.amount ? l.amount.whole + l.amount.micro / MICRO : -1;
    closeKey[i] = close ?? Number.MAX_SAFE_INTEGER;
  }
  const index = new Uint32Array(n);
  for (let i = 0; i < n; i++) index[i] = i;
  index.sort((a, b) => {
    const byGroup = (order[a] as number) - (order[b] as number);
    if (byGroup !== 0) return byGroup;
    const byAmount = (amountKey[b] as number) - (amountKey[a] as number);
    if (byAmount !== 0) return byAmount;
    const x = (leads[a] as LeadInput).amount;
    const y = (leads[b] as LeadInput).amount;
    if (x && y && (x.whole !== y.whole || x.micro !== y.micro)) return compareAmounts(y, x);
    const byClose = (closeKey[a] as number) - (closeKey[b] as number);
    if (byClose !== 0) return byClose;
    const la = leads[a] as LeadInput;
    const lb = leads[b] as LeadInput;
    return compareNames(la.lead, lb.lead) || compareNames(la.client, lb.client);
  });

  const out: RankedLead[] = new Array<RankedLead>(n);
  const sums: Amount[] = LEAD_GROUPS.map(() => ({ whole: 0, micro: 0 }));
  const counts = LEAD_GROUPS.map(() => 0);
  for (let k = 0; k < n; k++) {
    const i = index[k] as number;
    const l = leads[i] as LeadInput;
    const g = order[i] as number;
    const group = LEAD_GROUPS[g] as LeadGroup;
    const close = closeKey[i] === Number.MAX_SAFE_INTEGER ? null : (closeKey[i] as number);
    const days = close === null ? null : close - options.asOf;
    const lead: RankedLead = {
      lead: l.lead,
      client: l.client,
      amount: l.amount ? toNumber(l.amount) : null,
      expectedClose: close === null ? null : formatDay(close),
      daysToClose: days,
      group,
      priority: group === 'unclassified' ? null : ((g + 1) as 1 | 2 | 3 | 4),
      overdue: days !== null && days < 0,
      manager: l.manager,
    };
    const reason = reasons[i];
    if (reason) lead.reason = reason;
    out[k] = lead;
    counts[g] = (counts[g] ?? 0) + 1;
    if (l.amount) sums[g] = add(sums[g] as Amount, l.amount);
  }
  const groups: GroupSummary[] = LEAD_GROUPS.map((group, i) => ({ group, count: counts[i] ?? 0, amount: toNumber(sums[i] as Amount) }));

  const byManager = new Map<string, ManagerLeads>();
  for (const l of out) {
    const name = l.manager;
    if (name === '') continue;
    let m = byManager.get(name);
    if (!m) {
      m = { manager: name, leads: 0, groups: { 'fast-big': 0, 'fast-small': 0, 'slow-big': 0, 'slow-small': 0, unclassified: 0 }, overloaded: false };
      byManager.set(name, m);
    }
    m.leads++;
    m.groups[l.group]++;
  }
  const managers = [...byManager.values()]
    .map((m) => ({ ...m, overloaded: options.maxLeads !== null && m.leads > options.maxLeads }))
    .sort((a, b) => b.leads - a.leads || compareNames(a.manager, b.manager));

  return {
    asOf: formatDay(options.asOf),
    thresholds: {
      big: twice === null ? null : toNumber(twice) / 2,
      bigSource: options.big !== null ? 'given' : 'median',
      fastDays: options.fastDays,
    },
    leads: out,
    groups,
    managers,
  };
}
