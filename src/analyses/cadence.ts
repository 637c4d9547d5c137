import type { KeyChoiceJson } from './key-clients.js';
import { addMonths, formatDay } from '../normalize/dates.js';
import type { Outcome } from '../normalize/vocabulary.js';
import type { Period } from '../normalize/period.js';
import { nameKey } from '../normalize/text.js';
import { compareNames } from './name-order.js';

export interface CadenceOptions {
  asOf: number;
  /** The days whose violations are reported (finite ends). */
  window: Period;
  /** Most days allowed between two positive contacts. */
  maxGap: number;
  /** Days without personal contact by the same manager after a negative one. */
  cooloff: number;
  /** A contact due within this many days is "due soon". */
  dueSoon: number;
  dossierMonths: number;
}

export const DEFAULT_CADENCE = { maxGap: 10, cooloff: 14, dueSoon: 3, dossierMonths: 3 } as const;

interface Contact {
  day: number;
  /** Manager name key ('' when the log has none). */
  manager: string;
  managerName: string;
}

/** What the rules need of one key client's contacts; nothing else is kept. */
export interface ClientContacts {
  lastPositiveBefore: number | null;
  positivesInWindow: Set<number>;
  firstPositiveAfter: number | null;
  lastPositive: number | null;
  negatives: Contact[];
  personal: Contact[];
  /** Manager of the latest contact, for an agenda that has no other source. */
  lastManager: { day: number; name: string } | null;
}

/**
 * Keeps, per key client, the contacts the cadence rules need: positive contacts around the
 * window, negative ones whose cool-off can reach into it, and personal ones inside it. A log
 * of millions of rows is never held; only these days are.
 */
export class CadenceLog {
  readonly clients = new Map<string, ClientContacts>();
  /**
   * The first day of the log up to as-of, any client's: before it nothing is known, so no gap
   * begins earlier. Null while the log holds no activity up to as-of.
   */
  from: number | null = null;
  private readonly until: number;

  constructor(private readonly options: CadenceOptions) {
    this.until = Math.min(options.window.to, options.asOf);
  }

  /** Any activity of the log, key client or not: it extends what the log covers. */
  covers(day: number): void {
    if (day <= this.options.asOf && (this.from === null || day < this.from)) this.from = day;
  }

  add(clientKey: string, day: number, outcome: Outcome, manager: string, personal: boolean): void {
    const { window, asOf, cooloff } = this.options;
    if (day > asOf) return; // planned activities are not contacts yet
    this.covers(day);
    let c = this.clients.get(clientKey);
    if (!c) {
      c = emptyContacts();
      this.clients.set(clientKey, c);
    }
    const name = manager.trim();
    if (name !== '' && (c.lastManager === null || day >= c.lastManager.day)) c.lastManager = { day, name };
    if (outcome === 'positive') {
      if (c.lastPositive === null || day > c.lastPositive) c.lastPositive = day;
      if (day < window.from) {
        if (c.lastPositiveBefore === null || day > c.lastPositiveBefore) c.lastPositiveBefore = day;
      } else if (day <= this.until) {
        c.positivesInWindow.add(day);
      } else if (c.firstPositiveAfter === null || day < c.firstPositiveAfter) {
        c.firstPositiveAfter = day;
      }
    }
    const contact = { day, manager: nameKey(manager), managerName: name };
    if (outcome === 'negative' && day >= window.from - cooloff) c.negatives.push(contact);
    if (personal && day >= window.from && day <= this.until) c.personal.push(contact);
  }
}

function emptyContacts(): ClientContacts {
  return {
    lastPositiveBefore: null,
    positivesInWindow: new Set(),
    firstPositiveAfter: null,
    lastPositive: null,
    negatives: [],
    personal: [],
    lastManager: null,
  };
}

/** `unknown`: the log holds no activity up to as-of, so nothing is known of the client's contacts. */
export type AgendaStatus = 'overdue' | 'cooling_off' | 'due_soon' | 'ok' | 'unknown';

export interface AgendaItem {
  client: string;
  manager: string | null;
  lastPositive: string | null;
  /** The day the next contact is counted from: the last positive contact, else the log's first day. */
  countedFrom: string | null;
  nextDue: string | null;
  daysUntilDue: number | null;
  personalAllowed: boolean;
  allowedFrom: string | null;
  cooloffManager: string | null;
  status: AgendaStatus;
}

export interface GapViolation {
  client: string;
  rule: 'gap';
  /** The day the gap broke the rule: the first day past the allowed gap (it may precede the window). */
  date: string;
  from: string;
  to: string;
  days: number;
  open: boolean;
  /** No positive contact is known before `from`: it is the log's first day, not a contact. */
  fromLogStart: boolean;
}

export interface CooloffViolation {
  client: string;
  rule: 'cooloff';
  date: string;
  negativeDate: string;
  days: number;
  manager: string | null;
}

export type Violation = GapViolation | CooloffViolation;

export interface DossierItem {
  client: string;
  reviewed: string | null;
  dueBy: string | null;
  status: 'missing' | 'stale';
}

export interface KeyClient {
  key: string;
  name: string;
  manager: string | null;
  /** Day of the last dossier review: a number, null if the cell is empty, undefined if unknown. */
  dossier?: number | null;
}

export interface TimelineRow {
  client: string;
  positives: string[];
  negatives: string[];
}

export interface CadenceResult {
  asOf: string;
  window: { from: string; to: string };
  /** The log's first day up to as-of (any client's), or null when it holds none: nothing before it is checked. */
  logFrom: string | null;
  thresholds: { maxGap: number; cooloff: number; dueSoon: number; dossierMonths: number };
  agenda: AgendaItem[];
  violations: Violation[];
  dossier: DossierItem[];
  /** Positive and negative contact days in the window, per key client (the report's timeline). */
  timeline: TimelineRow[];
}

const STATUS_ORDER: AgendaStatus[] = ['overdue', 'cooling_off', 'due_soon', 'ok', 'unknown'];

/**
 * The contact rules with key clients (docs/rules.md §6): a positive contact at least every
 * `maxGap` days; no personal contact by the same manager for `cooloff` days after a
 * negative one; the dossier reviewed every `dossierMonths` months. Pure.
 */
export function analyzeCadence(
  keyClients: KeyClient[],
  log: CadenceLog,
  options: CadenceOptions,
  dossierKnown: boolean,
): CadenceResult {
  const agenda: AgendaItem[] = [];
  const violations: Violation[] = [];
  const dossier: DossierItem[] = [];
  const timeline: TimelineRow[] = [];
  const until = Math.min(options.window.to, options.asOf);
  for (const k of keyClients) {
    const c = log.clients.get(k.key) ?? emptyContacts();
    timeline.push({
      client: k.name,
      positives: [...c.positivesInWindow].sort((a, b) => a - b).map(formatDay),
      negatives: [...new Set(c.negatives.map((n) => n.day))]
        .filter((d) => d >= options.window.from && d <= until)
        .sort((a, b) => a - b)
        .map(formatDay),
    });
    violations.push(...gaps(k.name, c, log.from, options), ...cooloffs(k.name, c, options));
    agenda.push(agendaItem(k, c, log.from, options));
    if (dossierKnown) {
      const item = dossierItem(k, options);
      if (item) dossier.push(item);
    }
  }

  agenda.sort(
    (a, b) =>
      STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
      (a.daysUntilDue ?? -Infinity) - (b.daysUntilDue ?? -Infinity) ||
      compareNames(a.client, b.client),
  );
  violations.sort(
    (a, b) =>
      compareNames(a.client, b.client) ||
      (a.rule === 'gap' ? a.from : a.date).localeCompare(b.rule === 'gap' ? b.from : b.date) ||
      a.rule.localeCompare(b.rule),
  );
  dossier.sort((a, b) => (a.reviewed ?? '').localeCompare(b.reviewed ?? '') || compareNames(a.client, b.client));
  return {
    asOf: formatDay(options.asOf),
    window: { from: formatDay(options.window.from), to: formatDay(options.window.to) },
    logFrom: log.from === null ? null : formatDay(log.from),
    thresholds: {
      maxGap: options.maxGap,
      cooloff: options.cooloff,
      dueSoon: options.dueSoon,
      dossierMonths: options.dossierMonths,
    },
    agenda,
    violations,
    dossier,
    timeline: timeline.sort((a, b) => compareNames(a.client, b.client)),
  };
}

/**
 * Intervals between positive contacts longer than allowed. An interval breaks the rule on its
 * first day past `maxGap` and stays in breach to its end (the next positive contact, or as-of
 * while open); it is a finding of every window that overlaps those days, so a client silent
 * since before the window fails it whichever month the silence began in. The first interval
 * starts at the last positive contact before the window, or at the log's first day when the
 * log holds none: no gap begins before the log does.
 */
function gaps(client: string, c: ClientContacts, logFrom: number | null, o: CadenceOptions): GapViolation[] {
  const start = c.lastPositiveBefore ?? logFrom;
  if (start === null) return []; // the log holds nothing up to as-of: nothing is known
  const days = [...c.positivesInWindow].filter((d) => d > start).sort((a, b) => a - b);
  const points = [start, ...days];
  const end = c.firstPositiveAfter ?? o.asOf;
  const until = Math.min(o.window.to, o.asOf);
  const out: GapViolation[] = [];
  for (let i = 0; i < points.length; i++) {
    const from = points[i] as number;
    const last = i === points.length - 1;
    const to = last ? end : (points[i + 1] as number);
    const broke = from + o.maxGap + 1;
    // In breach from `broke` to `to`, both included: the contact on `to` came a day or more too late.
    if (to - from > o.maxGap && broke <= until && to >= o.window.from) {
      out.push({
        client,
        rule: 'gap',
        date: formatDay(broke),
        from: formatDay(from),
        to: formatDay(to),
        days: to - from,
        open: last && c.firstPositiveAfter === null,
        fromLogStart: i === 0 && c.lastPositiveBefore === null && !c.positivesInWindow.has(start),
      });
    }
  }
  return out;
}

/** Personal contacts by the manager of a negative contact, 1 to cooloff−1 days after it. */
function cooloffs(client: string, c: ClientContacts, o: CadenceOptions): CooloffViolation[] {
  const out: CooloffViolation[] = [];
  for (const p of c.personal) {
    let latest: Contact | null = null;
    for (const n of c.negatives) {
      const days = p.day - n.day;
      // Same day: without times the order is unknown, and the negative contact is one of them.
      if (days < 1 || days >= o.cooloff || n.manager !== p.manager) continue;
      if (latest === null || n.day > latest.day) latest = n;
    }
    if (latest) {
      out.push({
        client,
        rule: 'cooloff',
        date: formatDay(p.day),
        negativeDate: formatDay(latest.day),
        days: p.day - latest.day,
        manager: p.managerName || null,
      });
    }
  }
  return out;
}

function agendaItem(k: KeyClient, c: ClientContacts, logFrom: number | null, o: CadenceOptions): AgendaItem {
  // With no positive contact in the log, the next one is counted from the log's first day.
  const countedFrom = c.lastPositive ?? logFrom;
  const nextDue = countedFrom === null ? null : countedFrom + o.maxGap;
  const daysUntilDue = nextDue === null ? null : nextDue - o.asOf;
  let cooling: Contact | null = null;
  for (const n of c.negatives) {
    if (o.asOf - n.day < o.cooloff && (cooling === null || n.day > cooling.day)) cooling = n;
  }
  const status: AgendaStatus =
    daysUntilDue === null
      ? 'unknown'
      : daysUntilDue < 0
        ? 'overdue'
        : cooling
          ? 'cooling_off'
          : daysUntilDue <= o.dueSoon
            ? 'due_soon'
            : 'ok';
  return {
    client: k.name,
    manager: k.manager ?? c.lastManager?.name ?? null,
    lastPositive: c.lastPositive === null ? null : formatDay(c.lastPositive),
    countedFrom: countedFrom === null ? null : formatDay(countedFrom),
    nextDue: nextDue === null ? null : formatDay(nextDue),
    daysUntilDue,
    personalAllowed: cooling === null,
    allowedFrom: cooling ? formatDay(cooling.day + o.cooloff) : null,
    cooloffManager: cooling ? cooling.managerName || null : null,
    status,
  };
}

function dossierItem(k: KeyClient, o: CadenceOptions): DossierItem | null {
  if (k.dossier === undefined || k.dossier === null)
    return { client: k.name, reviewed: null, dueBy: null, status: 'missing' };
  const dueBy = addMonths(k.dossier, o.dossierMonths);
  if (dueBy >= o.asOf) return null;
  return { client: k.name, reviewed: formatDay(k.dossier), dueBy: formatDay(dueBy), status: 'stale' };
}

/** The cadence result with the account of how its key clients were chosen. */
export type CadenceJson = CadenceResult & { keyClients: KeyChoiceJson };
