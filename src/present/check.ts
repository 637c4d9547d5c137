import type { CheckResult, Finding } from '../analyses/check.js';
import type { Doc } from '../render/document.js';
import { describeProblem } from '../errors.js';
import type { Section } from '../render/document.js';
import type { Lang } from './i18n.js';

function skippedNote(r: CheckResult): string {
  const n = r.skipped.length;
  return n === 0 ? '' : `, ${n} rule${n === 1 ? '' : 's'} of the policy skipped (${r.skipped.map((s) => s.rule).join(', ')})`;
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
      rows: r.summary.map((s) => [
        s.rule,
        s.skipped ? '—' : String(s.count),
        s.failing
          ? { text: 'FAIL', tone: 'bad' }
          : s.skipped
            ? r.policy.includes(s.rule)
              ? { text: 'SKIPPED (no input)', tone: 'warn' }
              : { text: 'not checked (no input)', tone: 'muted' }
            : s.count > 0 ? { text: 'reported', tone: 'warn' } : { text: 'ok', tone: 'good' },
      ]),
    },
    ...(r.skipped.length > 0 ? [{ kind: 'notes' as const, title: 'Skipped (--allow-missing)', lines: r.skipped.map((s) => ({ text: s.reason, tone: 'warn' as const })) }] : []),
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
  for (const s of r.skipped) lines.push(`::warning title=${prop(`folio ${s.rule} skipped`)}::${escape(s.reason)}`);
  const failing = r.summary.filter((s) => s.failing).map((s) => `${s.rule} (${s.count})`);
  lines.push(`${r.passed ? `folio check passed (${r.findings.length} finding(s) reported, none in the policy)` : `folio check failed: ${failing.join(', ')}`}${skippedNote(r)}`);
  return `${lines.join('\n')}\n`;
}

export function checkDoc(r: CheckResult, lang: Lang): Doc {
  return { title: `folio check · ${r.passed ? 'passed' : 'FAILED'}${skippedNote(r)}`, sections: checkSections(r, lang) };
}
