import type { FindingFields, RuleGap } from '../codes/findings.js';
import type { OffersHolidays } from './offers.js';
import type { ReportResult } from './report.js';
import { isKeyClass } from './share.js';

/** The rules `folio check` can fail on. */
export const CHECK_RULES = [
  'invalid',
  'golden',
  'critical',
  'mono',
  'cadence',
  'cooloff',
  'dossier',
  'overload',
  'followup',
  'expired',
  'funnel',
  'dormant-key',
  'manager-share',
] as const;
export type CheckRule = (typeof CHECK_RULES)[number];

/** Where a finding is: the client, manager, or the file's line and column it names. */
export interface FindingPlace {
  client?: string;
  manager?: string;
  file?: string;
  line?: number;
  column?: number;
}

/** What a rule found: where, and the rule's fields (data; the present layer words them). */
export type RuleFinding = { [R in CheckRule]: { rule: R; fields: FindingFields[R] } }[CheckRule] & FindingPlace;

/** A finding as JSON gives it: with `details`, its fields said in English. */
export type Finding = RuleFinding & { details: string };

/** A rule of the policy that had no input to check, under --allow-missing. */
export interface SkippedRule {
  rule: CheckRule;
  reason: string;
  /** The same, as data. */
  gap: RuleGap;
}

export interface CheckResult {
  policy: CheckRule[];
  passed: boolean;
  /** `skipped`: the rule checked nothing, whether or not it is in the policy; `gap` says why. */
  summary: { rule: CheckRule; count: number; failing: boolean; skipped: boolean; gap?: RuleGap }[];
  /** Rules of the policy that checked nothing for want of an input (--allow-missing). */
  skipped: SkippedRule[];
  findings: Finding[];
  /** With offers: the calendar of the follow-up's business days (null: holidays not known). */
  holidays?: OffersHolidays | null;
}

/** A finding of one rule, where it is. */
function finding<R extends CheckRule>(rule: R, fields: FindingFields[R], where: FindingPlace = {}): RuleFinding {
  return { rule, ...where, fields } as RuleFinding;
}

/** Findings of every rule, whether or not the policy fails on it. Pure. */
export function findings(report: ReportResult, problems: InvalidRow[], maxLeads: number | null): RuleFinding[] {
  return [
    ...problems.map(invalidFinding),
    ...shareFindings(report),
    ...cadenceFindings(report),
    ...offerFindings(report),
    ...managerFindings(report, maxLeads),
  ];
}

/** A bad cell or row of an input as the check lists it: where, and what is wrong, said in English by the runner. */
export interface InvalidRow {
  file: string;
  line: number;
  column?: number;
  header?: string;
  problem: string;
}

/** A bad cell or row of an input. */
function invalidFinding(p: InvalidRow): RuleFinding {
  return finding(
    'invalid',
    { header: p.header ?? null, problem: p.problem },
    { file: p.file, line: p.line, ...(p.column !== undefined ? { column: p.column } : {}) },
  );
}

/** Golden and critical clients, and a mono-dependent portfolio. */
function shareFindings(report: ReportResult): RuleFinding[] {
  const share = report.share;
  if (!share) return [];
  const out: RuleFinding[] = [];
  for (const c of share.clients) {
    if (c.class === 'golden')
      out.push(finding('golden', { share: c.share ?? 0, threshold: share.thresholds.golden }, { client: c.client }));
    if (c.class === 'golden' || c.class === 'critical')
      out.push(
        finding('critical', { share: c.share ?? 0, threshold: share.thresholds.critical }, { client: c.client }),
      );
  }
  if (share.portfolio.band === 'mono') out.push(finding('mono', { keyShare: share.portfolio.keyShare }));
  return out;
}

/** Contact gaps, contacts inside a cool-off, and dossiers due. */
function cadenceFindings(report: ReportResult): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const v of report.cadence?.violations ?? []) {
    if (v.rule === 'gap')
      out.push(
        finding(
          'cadence',
          { days: v.days, from: v.from, to: v.to, open: v.open, fromLogStart: v.fromLogStart },
          { client: v.client },
        ),
      );
    else
      out.push(
        finding(
          'cooloff',
          { date: v.date, days: v.days, negativeDate: v.negativeDate },
          { client: v.client, ...(v.manager ? { manager: v.manager } : {}) },
        ),
      );
  }
  for (const d of report.cadence?.dossier ?? [])
    out.push(finding('dossier', { reviewed: d.reviewed, dueBy: d.dueBy }, { client: d.client }));
  return out;
}

/** Offers not followed up by their due day, and offers past their expiry. */
function offerFindings(report: ReportResult): RuleFinding[] {
  const followups = (report.offers?.violations ?? []).map((v) =>
    finding(
      'followup',
      { offer: v.offer, sent: v.sent, due: v.due, contact: v.contact },
      { client: v.client, ...(v.manager ? { manager: v.manager } : {}) },
    ),
  );
  const expired = (report.offers?.expired ?? []).map((x) =>
    finding(
      'expired',
      { offer: x.offer, expires: x.expires, amount: x.amount },
      { client: x.client, ...(x.manager ? { manager: x.manager } : {}) },
    ),
  );
  return [...followups, ...expired];
}

/** What managers and their key clients show: overload, dormant key clients, the weakest funnel step, a manager's share; in this order. */
function managerFindings(report: ReportResult, maxLeads: number | null): RuleFinding[] {
  const out: RuleFinding[] = [];
  const share = report.share;
  for (const m of share?.managers ?? []) {
    if (m.overloaded)
      out.push(
        finding(
          'overload',
          { keyClients: m.keyClients, limit: share?.thresholds.maxKeyClients ?? 0, clients: [...m.clients] },
          { manager: m.manager },
        ),
      );
  }
  for (const c of report.dynamics?.clients ?? []) {
    if (c.dormant && isKeyClass(c.class))
      out.push(
        finding(
          'dormant-key',
          { lastOrder: c.lastOrder, daysSinceLast: c.daysSinceLast, revenue: c.revenue },
          { client: c.client, ...(c.manager ? { manager: c.manager } : {}) },
        ),
      );
  }
  out.push(...funnelFindings(report));
  for (const m of report.dynamics?.managers ?? []) {
    if (m.overLimit)
      out.push(
        finding(
          'manager-share',
          { share: m.share, limit: report.dynamics?.thresholds.maxManagerShare ?? 0, clients: m.clients },
          { manager: m.manager },
        ),
      );
  }
  for (const m of report.leads?.managers ?? []) {
    if (m.overloaded) out.push(finding('overload', { leads: m.leads, limit: maxLeads }, { manager: m.manager }));
  }
  return out;
}

/** Each manager's weakest funnel step. */
function funnelFindings(report: ReportResult): RuleFinding[] {
  const funnel = report.funnel;
  if (funnel === null) return [];
  return funnel.managers.flatMap((m) => {
    if (m.weakest === null) return [];
    const at = funnel.steps.indexOf(m.weakest.from);
    return [
      finding(
        'funnel',
        {
          mode: funnel.mode,
          from: m.weakest.from,
          to: m.weakest.to,
          entered: m.counts[at] ?? 0,
          reached: m.counts[at + 1] ?? 0,
          rate: m.weakest.rate,
          teamRate: m.weakest.teamRate,
          upper: m.weakest.upper,
          confidence: funnel.confidence,
        },
        { manager: m.manager },
      ),
    ];
  });
}
