import { says } from '../codes/error-fields.js';
import { checkDoc, checkTables, githubAnnotations } from '../present/check.js';
import { formatDay } from '../normalize/dates.js';
import { warningJson } from '../present/messages/warnings.js';
import { type Warning, warning } from '../codes/warnings.js';
import {
  type CheckResult,
  type Finding,
  type RuleFinding,
  type SkippedRule,
  CHECK_RULES,
  type CheckRule,
  findings,
} from '../analyses/check.js';
import type { Role } from '../load/inputs.js';
import { FolioError } from '../folio-error.js';
import type { Problem } from '../normalize/problems.js';
import { periodJson } from '../normalize/period.js';
import { FINDINGS, RULE_GAP } from '../present/messages/check.js';
import { cellText, unusedWhy } from '../present/messages/error-words.js';
import { say } from '../present/messages/entry.js';
import type { RuleGap } from '../codes/findings.js';
import { buildEnvelope } from '../schema/build.js';
import type { InputOptions } from '../load/input-options.js';
import type { InputReport } from '../schema/envelope.js';
import type { CommandOutput } from './output.js';
import type { ReportResult } from '../analyses/report.js';
import { computeReport, type ReportOptions } from './report.js';

export interface CheckOptions extends ReportOptions {
  failOn: CheckRule[];
  /** Report a rule of the policy whose input is absent as skipped instead of stopping with exit 2. */
  allowMissing: boolean;
}

/** The inputs each rule reads: every group needs one of its roles. */
const FEEDS: Record<CheckRule, Role[][]> = {
  invalid: [],
  golden: [['deals']],
  critical: [['deals']],
  mono: [['deals']],
  // The activity log is checked for the key clients, told by the deals or the clients file
  // (or named with --key-client / --all-clients, see `unfed`).
  cadence: [['activities'], ['deals', 'clients']],
  cooloff: [['activities'], ['deals', 'clients']],
  dossier: [['activities'], ['clients']],
  overload: [['deals', 'leads']],
  // Follow-up is judged against the personal contacts of the activity log.
  followup: [['offers'], ['activities']],
  expired: [['offers']],
  // Calls and meetings from the log, won deals from the deals.
  funnel: [['activities'], ['deals']],
  'dormant-key': [['deals']],
  'manager-share': [['deals']],
};

/** Why a rule cannot check anything with these inputs, or null when it is fed. */
export function unfed(
  rule: CheckRule,
  o: Pick<CheckOptions, 'files' | 'folder' | 'leads' | 'keyClients' | 'allClients'>,
): RuleGap | null {
  const named = o.keyClients.length > 0 || o.allClients;
  const keyGroup = (group: Role[]): boolean =>
    named && (rule === 'cadence' || rule === 'cooloff') && group.includes('deals');
  const missing = FEEDS[rule].find((group) => !keyGroup(group) && !group.some((role) => o.files[role] !== undefined));
  if (missing) return { rule, lack: 'input', roles: [...missing], folder: o.folder };
  // Open leads per manager are counted against --max-leads, which has no default.
  if (rule === 'overload' && !o.files.deals && o.leads.maxLeads === null)
    return { rule, lack: 'overload-input', folder: o.folder };
  return null;
}

/**
 * Why a rule whose files are present still checked nothing, told from the columns the
 * inputs were read with and from what the analyses could judge (so after reading), or null.
 */
export function blind(
  rule: CheckRule,
  inputs: InputReport[],
  o: Pick<CheckOptions, 'leads'>,
  report: Pick<ReportResult, 'cadence' | 'offers'>,
  warnings: readonly Warning[] = [],
): RuleGap | null {
  if (rule === 'overload') return overloadBlind(inputs, o);
  if (rule === 'funnel') return funnelBlind(inputs, warnings);
  const c = report.cadence;
  // The days of the window the log does not reach were not checked: none of them, nothing was.
  if ((rule === 'cadence' || rule === 'cooloff') && c) {
    const until = c.window.to < c.asOf ? c.window.to : c.asOf;
    if (c.logFrom === null || c.logFrom > until)
      return { rule, lack: 'log-coverage', logFrom: c.logFrom, window: c.window };
  }
  const offers = report.offers;
  if (rule === 'followup' && offers?.followUpNotChecked === 'before-log')
    return { rule, lack: 'offers-before-log', count: offers.counts.beforeLog, logFrom: offers.logFrom };
  if (rule === 'manager-share') {
    const deals = inputs.filter((i) => i.role === 'deals');
    if (deals.length > 0 && !deals.every((i) => i.columns.manager !== undefined))
      return { rule, lack: 'manager-column', files: deals.map((i) => i.file), role: 'deals' };
  }
  if (rule === 'dossier') {
    const clients = inputs.find((i) => i.role === 'clients');
    if (clients && clients.columns.dossier === undefined) return { rule, lack: 'dossier-column', file: clients.file };
  }
  return null;
}

/** The funnel is drawn from the log's channels: a log without them, or without calls or meetings, feeds it nothing. */
function funnelBlind(inputs: InputReport[], warnings: readonly Warning[]): RuleGap | null {
  const logs = inputs.filter((i) => i.role === 'activities');
  if (logs.length === 0 || !inputs.some((i) => i.role === 'deals')) return null;
  const files = logs.map((i) => i.file);
  if (!logs.every((i) => i.columns.channel !== undefined)) return { rule: 'funnel', lack: 'channel-column', files };
  for (const w of warnings)
    if (w.code === 'FUNNEL_SKIPPED' && w.fields.why === 'no-calls-or-meetings')
      return { rule: 'funnel', lack: 'funnel-channels', files, missing: w.fields.missing };
  return null;
}

/** Overload is counted per manager: inputs without a manager column feed it nothing. */
function overloadBlind(inputs: InputReport[], o: Pick<CheckOptions, 'leads'>): RuleGap | null {
  const withManagers = (role: string) =>
    inputs.filter((i) => i.role === role && i.columns.manager !== undefined).length > 0;
  if (withManagers('deals') || (o.leads.maxLeads !== null && withManagers('leads'))) return null;
  const read = inputs.filter((i) => i.role === 'deals' || (i.role === 'leads' && o.leads.maxLeads !== null));
  if (read.length === 0) return null;
  return { rule: 'overload', lack: 'manager-column', files: read.map((i) => i.file), role: read[0]?.role ?? 'deals' };
}

/** A rule that checked nothing, with its reason in English for the JSON. */
const skippedRule = (rule: CheckRule, gap: RuleGap): SkippedRule => ({ rule, reason: RULE_GAP.en.text(gap), gap });

/** The rules of the policy with no input: exit 2, or skipped and reported under --allow-missing. */
function unfedRules(o: CheckOptions): SkippedRule[] {
  const out: SkippedRule[] = [];
  for (const rule of o.failOn) {
    const gap = unfed(rule, o);
    if (gap !== null) out.push(skippedRule(rule, gap));
  }
  return settle(out, o);
}

/** Stop with exit 2 on rules that check nothing, unless --allow-missing lets them be skipped. */
function settle(out: SkippedRule[], o: CheckOptions): SkippedRule[] {
  if (out.length > 0 && !o.allowMissing) {
    throw new FolioError({
      code: 'RULE_WITHOUT_INPUT',
      says: says('RULE_WITHOUT_INPUT', { gaps: out.map((s) => s.gap), unused: o.unused }),
    });
  }
  return out;
}

/** A finding with its English details (the JSON's, the same under every locale). */
function worded(f: RuleFinding): Finding {
  const { rule, fields, ...where } = f;
  return { rule, ...where, details: say(FINDINGS, rule, fields as never, 'en').text, fields } as Finding;
}

/** Read every input, collect every bad row, run every analysis, and apply the policy. */
export async function runCheck(o: CheckOptions): Promise<CommandOutput> {
  const skipped = unfedRules(o);
  const problems: Problem[] = [];
  const files: Partial<Record<Role, InputOptions[]>> = {};
  for (const [role, list] of Object.entries(o.files) as [Role, InputOptions[]][])
    files[role] = list.map((input) => ({ ...input, skipInvalid: true, collect: problems }));
  const { result: report, inputs, warnings } = await computeReport({ ...o, files });
  const unchecked: SkippedRule[] = [];
  for (const rule of o.failOn) {
    const gap = skipped.some((s) => s.rule === rule) ? null : blind(rule, inputs, o, report, warnings);
    if (gap !== null) unchecked.push(skippedRule(rule, gap));
  }
  skipped.push(...settle(unchecked, o));
  const invalid = problems.map((p) => ({ ...p, problem: cellText(p.says, 'en').text }));
  const found = findings(report, invalid, o.leads.maxLeads).map(worded);
  for (const s of skipped) warnings.push(warning('RULE_SKIPPED', { gap: s.gap }));
  // The report lists these among its inputs; the check has no such section.
  if (o.unused.length > 0) {
    warnings.push(
      warning('FILES_NOT_USED', {
        folder: o.folder,
        files: o.unused.map((u) => ({ file: u.file, why: unusedWhy(u, 'en') })),
      }),
    );
  }
  if (o.failOn.includes('overload') && o.files.leads && o.files.deals && o.leads.maxLeads === null) {
    warnings.push(warning('LEADS_LOAD_UNCHECKED', {}));
  }
  const summary = CHECK_RULES.map((rule) => {
    const count = found.filter((f) => f.rule === rule).length;
    const gap = unfed(rule, o) ?? blind(rule, inputs, o, report, warnings);
    return {
      rule,
      count,
      failing: count > 0 && o.failOn.includes(rule),
      skipped: gap !== null,
      ...(gap ? { gap } : {}),
    };
  });
  const passed = !summary.some((s) => s.failing);
  const result: CheckResult = {
    policy: o.failOn,
    passed,
    summary,
    skipped,
    findings: found,
    ...(report.offers ? { holidays: report.offers.holidays } : {}),
  };
  const checked = { from: formatDay(o.period.from), to: formatDay(o.period.to) };
  const asOf = formatDay(o.asOf);
  return {
    envelope: buildEnvelope('check', periodJson(o.period), inputs, result, warnings.map(warningJson)),
    doc: () => checkDoc(result, o.lang, checked, asOf),
    tables: (lang) => checkTables(result, lang, checked, asOf),
    sectioned: false,
    exitCode: passed ? 0 : 1,
    github: () => githubAnnotations(result, o.lang),
  };
}
