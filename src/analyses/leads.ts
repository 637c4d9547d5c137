import { formatDay } from '../normalize/dates.js';
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

function toNumber(a: Amount): number {
  return Number(`${a.whole}.${String(a.micro).padStart(6, '0')}`);
}

/**
 * Twice the median, exact: the middle amount doubled, or the sum of the two middle ones.
 * Comparing 2·amount with it keeps "at or above the median" exact for an even count.
 */
function twiceMedian(sorted: Amount[]): Amount | null {
  const n = sorted.length;
  if (n === 0) return null;
  const hi = sorted[Math.floor(n / 2)] as Amount;
  const lo = n % 2 === 1 ? hi : (sorted[n / 2 - 1] as Amount);
  return add(lo, hi);
}

/**
 * Lead priority fast/slow × big/small (DOMAIN.md §3): fast = money expected within
 * `fastDays` of as-of (overdue leads are fast); big = amount at or above the threshold.
 * Work order: fast-big, fast-small, slow-big, slow-small; inside a group larger amount,
 * then earlier close, then name; unclassified (no amount or no date) last.
 */
export function analyzeLeads(leads: LeadInput[], options: LeadOptions): LeadsResult {
  // The median is over the leads that get a group: with an amount and a known close.
  const amounts = leads
    .filter((l) => l.amount !== null && (l.expectedClose !== null || l.daysFromAsOf !== null))
    .map((l) => l.amount as Amount);
  amounts.sort(compareAmounts);
  const twice = options.big !== null ? add(options.big, options.big) : twiceMedian(amounts);

  const ranked = leads.map((l) => {
    const close = l.expectedClose ?? (l.daysFromAsOf !== null ? options.asOf + l.daysFromAsOf : null);
    const days = close === null ? null : close - options.asOf;
    let group: LeadGroup = 'unclassified';
    let reason: string | undefined;
    if (l.amount === null || days === null || twice === null) {
      reason = [l.amount === null ? 'no amount' : null, days === null ? 'no expected close date' : null].filter(Boolean).join('; ');
    } else {
      const fast = days <= options.fastDays;
      const big = atLeastHalfOf(l.amount, twice);
      group = fast ? (big ? 'fast-big' : 'fast-small') : big ? 'slow-big' : 'slow-small';
    }
    // Sort keys computed once per lead, not once per comparison. Distinct amounts of up to 15
    // significant digits keep their order as floats; equal floats fall back to the exact pair.
    const amountKey = l.amount ? l.amount.whole + l.amount.micro / MICRO : -1;
    return { input: l, close, days, group, reason, order: LEAD_GROUPS.indexOf(group), amountKey, closeKey: close ?? Number.MAX_SAFE_INTEGER };
  });

  ranked.sort((a, b) => {
    if (a.order !== b.order) return a.order - b.order;
    if (a.amountKey !== b.amountKey) return b.amountKey - a.amountKey;
    const x = a.input.amount;
    const y = b.input.amount;
    if (x && y && (x.whole !== y.whole || x.micro !== y.micro)) return compareAmounts(y, x);
    if (a.closeKey !== b.closeKey) return a.closeKey - b.closeKey;
    return compareNames(a.input.lead, b.input.lead) || compareNames(a.input.client, b.input.client);
  });

  const out: RankedLead[] = ranked.map((r) => {
    const lead: RankedLead = {
      lead: r.input.lead,
      client: r.input.client,
      amount: r.input.amount ? toNumber(r.input.amount) : null,
      expectedClose: r.close === null ? null : formatDay(r.close),
      daysToClose: r.days,
      group: r.group,
      priority: r.group === 'unclassified' ? null : ((r.order + 1) as 1 | 2 | 3 | 4),
      overdue: r.days !== null && r.days < 0,
      manager: r.input.manager,
    };
    if (r.reason) lead.reason = r.reason;
    return lead;
  });

  const sums: Amount[] = LEAD_GROUPS.map(() => ({ whole: 0, micro: 0 }));
  const counts = LEAD_GROUPS.map(() => 0);
  for (const r of ranked) {
    counts[r.order] = (counts[r.order] ?? 0) + 1;
    if (r.input.amount) sums[r.order] = add(sums[r.order] as Amount, r.input.amount);
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
