import { formatDay } from '../normalize/dates.js';
import { periodJson, type Period } from '../normalize/period.js';
import { phraseWords } from '../normalize/phrase-classifier.js';
import { detach, displayName, nameKey } from '../normalize/text.js';
import type { StatusKind } from '../normalize/vocabulary.js';
import { compareNames } from './name-order.js';

/** The steps of the funnel by contact channel (docs/rules.md, "Funnel"). */
export const CHANNEL_STEPS = ['consulted', 'met', 'won'] as const;

export const DEFAULT_FUNNEL = { confidence: 0.9 } as const;

export interface FunnelOptions {
  /** Two-sided confidence of the Wilson interval that tells a weak step from chance (0.9). */
  confidence: number;
}

/** The step where a manager falls furthest behind the team, beyond chance. */
export interface WeakStep {
  from: string;
  to: string;
  /** The manager's rate of the step. */
  rate: number;
  teamRate: number;
  /** The upper end of the Wilson interval of `rate`: below `teamRate`. */
  upper: number;
}

/** Counts at each step (`counts[i]` at `steps[i]`) and the rate of each step (`rates[i]` = `counts[i + 1] / counts[i]`, null from 0). */
export interface FunnelFigures {
  counts: number[];
  rates: (number | null)[];
}

export interface FunnelManager extends FunnelFigures {
  manager: string;
  weakest: WeakStep | null;
}

export interface FunnelResult {
  /** `channels`: clients consulted by phone, met, won; `stages`: deals by pipeline stage. */
  mode: 'channels' | 'stages';
  asOf: string;
  /** The window the funnel starts in: first calls, or deals created (an open end is null); null: every deal of the export. */
  window: { from: string | null; to: string | null } | null;
  confidence: number;
  steps: string[];
  /** Every client or deal, the unassigned included. */
  team: FunnelFigures;
  managers: FunnelManager[];
  /** Clients or deals with no manager: in the team's counts only. */
  unassigned: FunnelFigures;
  /** By channel: the log's spellings read as calls and as face-to-face contacts, with their rows (every row of the log); null by stage. */
  channels: { phone: ChannelCount[]; meeting: ChannelCount[] } | null;
}

export interface ChannelCount {
  value: string;
  rows: number;
}

/**
 * The error function, from the series erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)),
 * whose terms are all positive (no cancellation), summed until they stop adding anything.
 */
function erf(x: number): number {
  if (x < 0) return -erf(-x);
  if (x > 6) return 1;
  let term = x;
  let sum = x;
  for (let n = 1; term > sum * 1e-17; n++) {
    term *= (2 * x * x) / (2 * n + 1);
    sum += term;
  }
  return Math.min(1, (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum);
}

/** The standard normal quantile: the z with Φ(z) = p, by bisection on Φ (0 < p < 1). */
export function normalQuantile(p: number): number {
  let lo = -40;
  let hi = 40;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (0.5 * (1 + erf(mid / Math.SQRT2)) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The z of a two-sided interval of this confidence: 1.6449 for 0.9. */
export const zOf = (confidence: number): number => normalQuantile(1 - (1 - confidence) / 2);

/**
 * The upper end of the Wilson score interval of `x` successes in `n` trials:
 * (p + z²/2n + z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n). Unlike p ± z·√(p(1−p)/n) it stays within
 * 0..1 and is honest about small n: 0 of 4 still reaches 40% at z = 1.645.
 */
export function wilsonUpper(x: number, n: number, z: number): number {
  // Exactly 1 at x = n, where the formula's rounding can land a hair below it.
  if (x >= n) return 1;
  const p = x / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return Math.min(1, (centre + half) / denominator);
}

/** Clients or deals by manager, each counted at every step up to the furthest it reached. */
export class FunnelTally {
  private readonly managers = new Map<string, { name: string; counts: number[] }>();
  readonly team: number[];
  readonly unassigned: number[];

  constructor(readonly steps: readonly string[]) {
    this.team = steps.map(() => 0);
    this.unassigned = steps.map(() => 0);
  }

  /** `reach`: the index of the furthest step (0 for the first only). */
  add(manager: string, reach: number): void {
    const name = displayName(manager);
    let counts: number[];
    if (name === '') counts = this.unassigned;
    else {
      const key = nameKey(name);
      let m = this.managers.get(key);
      if (m === undefined) {
        m = { name: detach(name), counts: this.steps.map(() => 0) };
        this.managers.set(detach(key), m);
      }
      counts = m.counts;
    }
    for (let i = 0; i <= reach && i < this.steps.length; i++) {
      (counts[i] as number)++;
      (this.team[i] as number)++;
    }
  }

  get byManager(): { name: string; counts: number[] }[] {
    return [...this.managers.values()];
  }
}

const ratesOf = (counts: readonly number[]): (number | null)[] =>
  counts.slice(1).map((c, i) => {
    const from = counts[i] as number;
    return from === 0 ? null : c / from;
  });

/**
 * A manager's weak step: of the steps where the Wilson upper end of the manager's rate is
 * below the team's rate (below beyond chance), the one whose rate is lowest against the
 * team's (rate ÷ team rate; the earlier step on a tie). Null when no step is.
 */
export function weakestStep(
  steps: readonly string[],
  counts: readonly number[],
  team: readonly number[],
  z: number,
): WeakStep | null {
  let weakest: WeakStep | null = null;
  let lowest = Infinity;
  for (let i = 0; i + 1 < steps.length; i++) {
    const n = counts[i] as number;
    const teamN = team[i] as number;
    if (n === 0 || teamN === 0) continue;
    const rate = (counts[i + 1] as number) / n;
    const teamRate = (team[i + 1] as number) / teamN;
    const upper = wilsonUpper(counts[i + 1] as number, n, z);
    if (!(upper < teamRate)) continue;
    const relative = rate / teamRate;
    if (relative < lowest) {
      lowest = relative;
      weakest = { from: steps[i] as string, to: steps[i + 1] as string, rate, teamRate, upper };
    }
  }
  return weakest;
}

/** The funnel's figures: the team, each manager (most clients at the first step first) with the weak step. */
export function funnelResult(
  tally: FunnelTally,
  o: FunnelOptions & { mode: FunnelResult['mode']; asOf: number; window: Period | null },
): FunnelResult {
  const z = zOf(o.confidence);
  const steps = [...tally.steps];
  return {
    mode: o.mode,
    asOf: formatDay(o.asOf),
    window: periodJson(o.window),
    confidence: o.confidence,
    steps,
    team: { counts: [...tally.team], rates: ratesOf(tally.team) },
    managers: tally.byManager
      .map((m) => ({
        manager: m.name,
        counts: m.counts,
        rates: ratesOf(m.counts),
        weakest: weakestStep(steps, m.counts, tally.team, z),
      }))
      .sort((a, b) => (b.counts[0] ?? 0) - (a.counts[0] ?? 0) || compareNames(a.manager, b.manager)),
    unassigned: { counts: [...tally.unassigned], rates: ratesOf(tally.unassigned) },
    channels: null,
  };
}

interface ClientPath {
  /** The first call in the window, and its manager. */
  firstCall: number;
  manager: string;
  /** Face-to-face contacts from the window's first day up to as-of. */
  meetings: number[];
}

/**
 * The contacts the channel funnel needs, as a log is read in any order: per client, its first
 * call in the window with that call's manager, and its face-to-face contacts from the window's
 * first day up to as-of. Memory grows with the clients and meetings of that span, not the log.
 */
export class FunnelContacts {
  private readonly clients = new Map<string, ClientPath | { firstCall: null; meetings: number[] }>();
  /** Calls and meetings counted, for what the run says it counted. */
  calls = 0;
  meetings = 0;
  private readonly lastCallDay: number;

  constructor(
    readonly window: Period,
    readonly asOf: number,
  ) {
    this.lastCallDay = Math.min(window.to, asOf);
  }

  /** A call; false when it falls outside the window (not counted). */
  call(clientKey: string, day: number, manager: string): boolean {
    if (day < this.window.from || day > this.lastCallDay) return false;
    this.calls++;
    const c = this.clients.get(clientKey);
    if (c === undefined) {
      this.clients.set(detach(clientKey), { firstCall: day, manager: detach(manager), meetings: [] });
    } else if (c.firstCall === null || day < c.firstCall) {
      // On one day the earlier row of the log wins: only a strictly earlier call replaces it.
      this.clients.set(clientKey, { firstCall: day, manager: detach(manager), meetings: c.meetings });
    }
    return true;
  }

  /** A face-to-face contact; false before the window or after as-of (not counted). */
  meeting(clientKey: string, day: number): boolean {
    if (day < this.window.from || day > this.asOf) return false;
    this.meetings++;
    const c = this.clients.get(clientKey);
    if (c === undefined) this.clients.set(detach(clientKey), { firstCall: null, meetings: [day] });
    else c.meetings.push(day);
    return true;
  }

  /**
   * Each consulted client's manager and furthest step: met when a meeting falls on or after its
   * first call; won when a won deal is dated on or after the first such meeting (both up to as-of).
   */
  *paths(wonDays: (clientKey: string) => readonly number[]): Generator<{ manager: string; reach: number }> {
    for (const [key, c] of this.clients) {
      if (c.firstCall === null) continue;
      let met: number | null = null;
      for (const d of c.meetings) if (d >= c.firstCall && (met === null || d < met)) met = d;
      let reach = 0;
      if (met !== null) {
        reach = 1;
        if (wonDays(key).some((d) => d >= met && d <= this.asOf)) reach = 2;
      }
      yield { manager: c.manager, reach };
    }
  }
}

/** How a stage name is compared: by its words, whatever the case, punctuation and `ё`. */
export const stageKey = (stage: string): string => phraseWords(stage).join(' ');

/** The steps of a stage funnel, looked up by a stage as a CRM writes it. */
export class StageSteps {
  private readonly index = new Map<string, number>();

  constructor(readonly names: readonly string[]) {
    names.forEach((name, i) => {
      const key = stageKey(name);
      if (!this.index.has(key)) this.index.set(key, i);
    });
  }

  /** The step's index, or -1 when the stage is not a step. */
  of(stage: string): number {
    return this.index.get(stageKey(stage)) ?? -1;
  }
}

/** What a deal says of how far it went: its stages as steps (-1 when not one) and its status. */
export interface DealStages {
  /** The current stage's step. */
  stage: number;
  status: StatusKind;
  /** The step of the lost-at stage column. */
  lostAt: number;
  /** The furthest step of the stage log up to as-of. */
  logged: number;
}

/**
 * A deal's furthest step: the furthest of its current stage, its lost-at stage and its stage
 * log. A won deal whose stage is not a step went through all of them. `first-only`: a lost
 * deal, or one at a stage that is no step, with nothing else to place it: counted at the
 * first step only, and said.
 */
export function dealReach(d: DealStages, steps: number): { reach: number; firstOnly: 'lost' | 'unknown' | null } {
  if (d.stage < 0 && d.status === 'won') return { reach: steps - 1, firstOnly: null };
  const known = Math.max(d.stage, d.lostAt, d.logged);
  if (known >= 0) return { reach: known, firstOnly: null };
  return { reach: 0, firstOnly: d.status === 'lost' ? 'lost' : 'unknown' };
}
