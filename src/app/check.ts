import type { CheckRule } from '../config/rules.js';
import type { Role } from '../config/settings.js';
import { describeProblem } from '../errors.js';
import type { Problem } from '../normalize/problems.js';
import { periodJson } from '../normalize/period.js';
import type { Section } from '../render/document.js';
import { percent } from '../render/format.js';
import type { Lang } from '../render/i18n.js';
import { buildEnvelope } from '../render/json.js';
import type { InputOptions } from './input-options.js';
import type { CommandOutput } from './output.js';
import { computeReport, type ReportOptions, type ReportResult } from './report.js';

export interface Finding {
  rule: CheckRule;
  client?: string;
  manager?: string;
  file?: string;
  line?: number;
  column?: number;
  details: string;
}

export interface CheckResult {
  policy: CheckRule[];
  passed: boolean;
  summary: { rule: CheckRule; count: number; failing: boolean }[];
  findings: Finding[];
}

export interface CheckOptions extends ReportOptions {
  failOn: CheckRule[];
}

const RULES: CheckRule[] = ['invalid', 'golden', 'critical', 'mono', 'cadence', 'cooloff', 'dossier', 'overload'];

/** Findings of every rule, whether or not the policy fails on it. Pure. */
export function findings(report: ReportResult, problems: Problem[], maxLeads: number | null): Finding[] {
  const out: Finding[] = [];
  for (const p of problems) {
    out.push({ rule: 'invalid', file: p.file, line: p.line, ...(p.column !== undefined ? { column: p.column } : {}), details: `${p.header ? `${p.header}: ` : ''}${p.message}` });
  }
  const share = report.share;
  if (share) {
    for (const c of share.clients) {
      if (c.class === 'golden') out.push({ rule: 'golden', client: c.client, details: `share ${percent(c.share, 'en')} is above ${share.thresholds.golden}%` });
      if (c.class === 'golden' || c.class === 'critical') out.push({ rule: 'critical', client: c.client, details: `share ${percent(c.share, 'en')} is above ${share.thresholds.critical}%` });
    }
    if (share.portfolio.band === 'mono') out.push({ rule: 'mono', details: `key clients hold ${percent(share.portfolio.keyShare, 'en')} of revenue` });
  }
  for (const v of report.cadence?.violations ?? []) {
    if (v.rule === 'gap') out.push({ rule: 'cadence', client: v.client, details: `${v.days} days without a positive contact (${v.from} → ${v.to}${v.open ? ', still open' : ''})` });
    else out.push({ rule: 'cooloff', client: v.client, ...(v.manager ? { manager: v.manager } : {}), details: `personal contact on ${v.date}, ${v.days} days after a negative one on ${v.negativeDate}` });
  }
  for (const d of report.cadence?.dossier ?? []) {
    out.push({ rule: 'dossier', client: d.client, details: d.reviewed ? `dossier last reviewed ${d.reviewed}, due by ${d.dueBy}` : 'no dossier review on record' });
  }
  for (const m of report.leads?.managers ?? []) {
    if (m.overloaded) out.push({ rule: 'overload', manager: m.manager, details: `${m.leads} open leads, more than ${maxLeads ?? '?'}` });
  }
  return out;
}

/** Read every input, collect every bad row, run every analysis, and apply the policy. */
export async function runCheck(o: CheckOptions): Promise<CommandOutput> {
  const problems: Problem[] = [];
  const files: Partial<Record<Role, InputOptions>> = {};
  for (const [role, input] of Object.entries(o.files) as [Role, InputOptions][]) files[role] = { ...input, skipInvalid: true, collect: problems };
  const { result: report, inputs, warnings } = await computeReport({ ...o, files });
  const found = findings(report, problems, o.leads.maxLeads);
  const summary = RULES.map((rule) => {
    const count = found.filter((f) => f.rule === rule).length;
    return { rule, count, failing: count > 0 && o.failOn.includes(rule) };
  });
  const passed = !summary.some((s) => s.failing);
  const result: CheckResult = { policy: o.failOn, passed, summary, findings: found };
  return {
    envelope: buildEnvelope('check', periodJson(o.period), inputs, result, warnings),
    doc: () => ({ title: `folio check · ${passed ? 'passed' : 'FAILED'}`, sections: checkSections(result, o.lang) }),
    rows: () => found.map((f) => ({ rule: f.rule, client: f.client ?? null, manager: f.manager ?? null, file: f.file ?? null, line: f.line ?? null, details: f.details })),
    columns: ['rule', 'client', 'manager', 'file', 'line', 'details'],
    exitCode: passed ? 0 : 1,
    github: () => githubAnnotations(result),
  };
}

function where(f: Finding): string {
  return [f.client, f.manager].filter(Boolean).join(' · ');
}

function checkSections(r: CheckResult, _lang: Lang): Section[] {
  return [
    {
      kind: 'table',
      title: `Policy: fail on ${r.policy.length > 0 ? r.policy.join(', ') : 'nothing (report only)'}`,
      columns: [{ label: 'rule' }, { label: 'findings', align: 'right' }, { label: 'result' }],
      rows: r.summary.map((s) => [s.rule, String(s.count), s.failing ? { text: 'FAIL', tone: 'bad' } : s.count > 0 ? { text: 'reported', tone: 'warn' } : { text: 'ok', tone: 'good' }]),
    },
    {
      kind: 'table',
      title: 'Findings',
      columns: [{ label: 'rule' }, { label: 'where' }, { label: 'details' }],
      rows: r.findings.map((f) => [
        r.policy.includes(f.rule) ? { text: f.rule, tone: 'bad' } : f.rule,
        f.file ? describeProblem({ file: f.file, line: f.line, column: f.column, message: '' }).replace(/: $/, '') : where(f),
        f.details,
      ]),
      empty: 'none',
    },
  ];
}

/** GitHub Actions workflow commands: an error per failing finding, a warning per reported one, then a summary. */
export function githubAnnotations(r: CheckResult): string {
  const escape = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string): string => escape(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const lines = r.findings.map((f) => {
    const level = r.policy.includes(f.rule) ? 'error' : 'warning';
    const props = [f.file ? `file=${prop(f.file)}` : null, f.line !== undefined ? `line=${f.line}` : null, f.column !== undefined ? `col=${f.column}` : null, `title=${prop(`folio ${f.rule}`)}`].filter(Boolean);
    const subject = where(f);
    return `::${level} ${props.join(',')}::${escape(`${subject ? `${subject}: ` : ''}${f.details}`)}`;
  });
  const failing = r.summary.filter((s) => s.failing).map((s) => `${s.rule} (${s.count})`);
  lines.push(r.passed ? `folio check passed (${r.findings.length} finding(s) reported, none in the policy)` : `folio check failed: ${failing.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
