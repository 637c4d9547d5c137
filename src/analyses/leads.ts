import { formatDay } from '../normalize/dates.js';
import {
  addAmounts,
  amountKey,
  amountToNumber,
  atLeastHalfOf,
  compareAmounts,
  type Amount,
} from '../normalize/money.js';
import { compareNames } from './name-order.js';

export const LEAD_GROUPS = ['fast-big', 'fast-small', 'slow-big', 'slow-small', 'unclassified'] as const;
export type LeadGroup = (typeof LEAD_GROUPS)[number];

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
  /** Why it is unclassified (English, the same under every locale; added by the runner). */
  reason?: string;
}

export interface ManagerLeads {
  manager: string;
  leads: number;
  groups: Record<LeadGroup, number>;
  /** The sum of the amounts of the manager's leads in each group (a lead without an amount adds nothing). */
  amounts: Record<LeadGroup, number>;
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

/**
 * Twice the median, exact: the middle amount doubled, or the sum of the two middle ones.
 * Comparing 2·amount with it keeps "at or above the median" exact for an even count. The
 * order is found on a typed array of float keys (native sort); the exact amounts are then
 * taken from the leads whose keys sit in the middle. `counted` says which leads count.
 */
function twiceMedian(leads: readonly LeadInput[], amountKeys: Float64Array, counted: Uint8Array): Amount | null {
  let n = 0;
  for (let i = 0; i < counted.length; i++) n += counted[i] as number;
  if (n === 0) return null;
  const keys = new Float64Array(n);
  for (let i = 0, k = 0; i < counted.length; i++) if (counted[i] === 1) keys[k++] = amountKeys[i] as number;
  keys.sort();
  const exact = (key: number): Amount => {
    // Several exact amounts may share a float key only beyond 15 significant digits; take the least.
    let best: Amount | null = null;
    for (let i = 0; i < counted.length; i++) {
      if (counted[i] !== 1 || amountKeys[i] !== key) continue;
      const a = (leads[i] as LeadInput).amount as Amount;
      if (best === null || compareAmounts(a, best) < 0) best = a;
    }
    return best as Amount;
  };
  const hi = exact(keys[Math.floor(n / 2)] as number);
  const lo = n % 2 === 1 ? hi : exact(keys[n / 2 - 1] as number);
  return addAmounts(lo, hi);
}

/**
 * Lead priority fast/slow × big/small (docs/rules.md §5): fast = money expected within
 * `fastDays` of as-of (overdue leads are fast); big = amount at or above the threshold.
 * Work order: fast-big, fast-small, slow-big, slow-small; inside a group larger amount,
 * then earlier close, then name; unclassified (no amount or no date) last.
 */
export function analyzeLeads(leads: LeadInput[], options: LeadOptions): LeadsResult {
  const keys = leadKeys(leads, options.asOf);
  const twice =
    options.big !== null ? addAmounts(options.big, options.big) : twiceMedian(leads, keys.amount, keys.grouped);
  const order = groupOrder(leads, keys, twice, options);
  const index = rankOrder(leads, keys, order);
  const { ranked, counts, sums, byManager } = rankLeads(leads, keys, order, options.asOf);
  const out: RankedLead[] = new Array<RankedLead>(leads.length);
  for (let k = 0; k < leads.length; k++) out[k] = ranked[index[k] as number] as RankedLead;
  const groups: GroupSummary[] = LEAD_GROUPS.map((group, i) => ({
    group,
    count: counts[i] ?? 0,
    amount: amountToNumber(sums[i] as Amount),
  }));
  return {
    asOf: formatDay(options.asOf),
    thresholds: {
      big: twice === null ? null : amountToNumber(twice) / 2,
      bigSource: options.big !== null ? 'given' : 'median',
      fastDays: options.fastDays,
    },
    leads: out,
    groups,
    managers: managerLeads(byManager, options.maxLeads),
  };
}

/**
 * Per-lead keys in typed arrays, for an index sort: a million leads sort without a million
 * wrapper objects for the comparator to chase. `grouped` is 1 for a lead with an amount and a
 * known close: those get a group, and the median is theirs.
 */
interface LeadKeys {
  amount: Float64Array;
  close: Float64Array;
  grouped: Uint8Array;
}

function leadKeys(leads: LeadInput[], asOf: number): LeadKeys {
  const n = leads.length;
  const keys: LeadKeys = { amount: new Float64Array(n), close: new Float64Array(n), grouped: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    const l = leads[i] as LeadInput;
    const close = l.expectedClose ?? (l.daysFromAsOf !== null ? asOf + l.daysFromAsOf : null);
    // Distinct amounts of up to 15 significant digits keep their order as floats; equal
    // floats fall back to the exact pair.
    keys.amount[i] = l.amount ? amountKey(l.amount) : -1;
    keys.close[i] = close ?? Number.MAX_SAFE_INTEGER;
    keys.grouped[i] = l.amount !== null && close !== null ? 1 : 0;
  }
  return keys;
}

/** Each lead's group, as its index in LEAD_GROUPS: fast or slow by its close, big or small against half of `twice`. */
function groupOrder(leads: LeadInput[], keys: LeadKeys, twice: Amount | null, options: LeadOptions): Uint8Array {
  const order = new Uint8Array(leads.length);
  for (let i = 0; i < leads.length; i++) {
    let group: LeadGroup = 'unclassified';
    if (keys.grouped[i] === 1 && twice !== null) {
      const fast = (keys.close[i] as number) - options.asOf <= options.fastDays;
      const big = atLeastHalfOf((leads[i] as LeadInput).amount as Amount, twice);
      group = fast ? (big ? 'fast-big' : 'fast-small') : big ? 'slow-big' : 'slow-small';
    }
    order[i] = LEAD_GROUPS.indexOf(group);
  }
  return order;
}

/** The leads' indexes in work order: group, larger amount, earlier close, then name. */
function rankOrder(leads: LeadInput[], keys: LeadKeys, order: Uint8Array): Uint32Array {
  const index = new Uint32Array(leads.length);
  for (let i = 0; i < leads.length; i++) index[i] = i;
  return index.sort((a, b) => {
    const byGroup = (order[a] as number) - (order[b] as number);
    if (byGroup !== 0) return byGroup;
    const byAmount = (keys.amount[b] as number) - (keys.amount[a] as number);
    if (byAmount !== 0) return byAmount;
    const x = (leads[a] as LeadInput).amount;
    const y = (leads[b] as LeadInput).amount;
    if (x && y && (x.whole !== y.whole || x.micro !== y.micro)) return compareAmounts(y, x);
    const byClose = (keys.close[a] as number) - (keys.close[b] as number);
    if (byClose !== 0) return byClose;
    const la = leads[a] as LeadInput;
    const lb = leads[b] as LeadInput;
    return compareNames(la.lead, lb.lead) || compareNames(la.client, lb.client);
  });
}

/** A manager's leads as counted, with the exact sums of each group. */
interface HeldManager {
  m: ManagerLeads;
  sums: Amount[];
}

/**
 * Each lead as ranked, in the order the leads were read, with the count and sum of each group
 * overall and per manager. Made from memory read in order and only then placed by rank: made
 * in rank order, every lead was a jump to a far place.
 */
function rankLeads(
  leads: LeadInput[],
  keys: LeadKeys,
  order: Uint8Array,
  asOf: number,
): { ranked: RankedLead[]; counts: number[]; sums: Amount[]; byManager: Map<string, HeldManager> } {
  const n = leads.length;
  const ranked: RankedLead[] = new Array<RankedLead>(n);
  const sums: Amount[] = LEAD_GROUPS.map(() => ({ whole: 0, micro: 0 }));
  const counts = LEAD_GROUPS.map(() => 0);
  // A queue's closes fall on a few hundred days: each day's text is made once and shared.
  const dayText = new Map<number, string>();
  const byManager = new Map<string, HeldManager>();
  for (let i = 0; i < n; i++) {
    const l = leads[i] as LeadInput;
    const g = order[i] as number;
    const group = LEAD_GROUPS[g] as LeadGroup;
    const close = keys.close[i] === Number.MAX_SAFE_INTEGER ? null : (keys.close[i] as number);
    const days = close === null ? null : close - asOf;
    let closeText: string | null = null;
    if (close !== null) {
      closeText = dayText.get(close) ?? null;
      if (closeText === null) {
        closeText = formatDay(close);
        dayText.set(close, closeText);
      }
    }
    ranked[i] = {
      lead: l.lead,
      client: l.client,
      amount: l.amount ? amountToNumber(l.amount) : null,
      expectedClose: closeText,
      daysToClose: days,
      group,
      priority: group === 'unclassified' ? null : ((g + 1) as 1 | 2 | 3 | 4),
      overdue: days !== null && days < 0,
      manager: l.manager,
    };
    counts[g] = (counts[g] ?? 0) + 1;
    if (l.amount) sums[g] = addAmounts(sums[g] as Amount, l.amount);
    if (l.manager === '') continue;
    let held = byManager.get(l.manager);
    if (!held) {
      held = {
        m: {
          manager: l.manager,
          leads: 0,
          groups: { 'fast-big': 0, 'fast-small': 0, 'slow-big': 0, 'slow-small': 0, unclassified: 0 },
          amounts: { 'fast-big': 0, 'fast-small': 0, 'slow-big': 0, 'slow-small': 0, unclassified: 0 },
          overloaded: false,
        },
        sums: LEAD_GROUPS.map(() => ({ whole: 0, micro: 0 })),
      };
      byManager.set(l.manager, held);
    }
    held.m.leads++;
    held.m.groups[group]++;
    if (l.amount) held.sums[g] = addAmounts(held.sums[g] as Amount, l.amount);
  }
  return { ranked, counts, sums, byManager };
}

/** Each manager's leads per group, the most loaded first; over `maxLeads` open leads is overloaded. */
function managerLeads(byManager: Map<string, HeldManager>, maxLeads: number | null): ManagerLeads[] {
  return [...byManager.values()]
    .map(({ m, sums }) => ({
      ...m,
      amounts: Object.fromEntries(LEAD_GROUPS.map((group, i) => [group, amountToNumber(sums[i] as Amount)])) as Record<
        LeadGroup,
        number
      >,
      overloaded: maxLeads !== null && m.leads > maxLeads,
    }))
    .sort((a, b) => b.leads - a.leads || compareNames(a.manager, b.manager));
}
