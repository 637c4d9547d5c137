import type { CheckResult, Finding } from '../analyses/check.js';
import type { Doc, Section } from '../render/document.js';
import { describeProblem } from '../errors.js';
import type { Lang } from './i18n.js';
import { CHECK_WORDS, FINDINGS, RULE_GAP } from './messages/check.js';
import { say } from './messages/entry.js';
import { calendarText } from './offers.js';

function skippedNote(r: CheckResult, lang: Lang): string {
  const n = r.skipped.length;
  return n === 0 ? '' : CHECK_WORDS[lang].skippedNote(n, r.skipped.map((s) => s.rule).join(', '));
}

function where(f: Finding): string {
  return [f.client, f.manager].filter(Boolean).join(' · ');
}

/** A finding's details in one language (`rule` and `fields` go together, see `Finding`). */
const details = (f: Finding, lang: Lang): string => say(FINDINGS, f.rule, f.fields as never, lang).text;

function checkSections(r: CheckResult, lang: Lang): Section[] {
  const w = CHECK_WORDS[lang];
  return [
    {
      kind: 'table',
      title: w.policy(r.policy.length > 0 ? r.policy.join(', ') : w.nothing),
      columns: [{ label: w.rule }, { label: w.findings, align: 'right' }, { label: w.result }],
      rows: r.summary.map((s) => [
        s.rule,
        s.skipped ? '—' : String(s.count),
        s.failing
          ? { text: w.fail, tone: 'bad' }
          : s.skipped
            ? r.policy.includes(s.rule)
              ? { text: w.skipped(w.gapShort[s.gap?.lack ?? 'input']), tone: 'warn' }
              : { text: w.notChecked(w.gapShort[s.gap?.lack ?? 'input']), tone: 'muted' }
            : s.count > 0
              ? { text: w.reported, tone: 'warn' }
              : { text: w.ok, tone: 'good' },
      ]),
    },
    ...(r.holidays !== undefined
      ? [{ kind: 'notes' as const, lines: [`${w.businessDays}: ${calendarText(r.holidays, lang)}`] }]
      : []),
    ...(r.skipped.length > 0
      ? [
          {
            kind: 'notes' as const,
            title: w.skippedTitle,
            lines: r.skipped.map((s) => ({ text: RULE_GAP[lang].text(s.gap), tone: 'warn' as const })),
          },
        ]
      : []),
    {
      kind: 'table',
      title: w.findingsTitle,
      columns: [{ label: w.rule }, { label: w.where }, { label: w.details }],
      rows: r.findings.map((f) => [
        r.policy.includes(f.rule) ? { text: f.rule, tone: 'bad' } : f.rule,
        f.file
          ? describeProblem({ file: f.file, line: f.line, column: f.column, message: '' }).replace(/: $/, '')
          : where(f),
        details(f, lang),
      ]),
      empty: w.none,
    },
  ];
}

/** GitHub Actions workflow commands: an error per failing finding, a warning per reported one, then a summary. */
export function githubAnnotations(r: CheckResult, lang: Lang): string {
  const w = CHECK_WORDS[lang];
  const escape = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string): string => escape(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const lines = r.findings.map((f) => {
    const level = r.policy.includes(f.rule) ? 'error' : 'warning';
    const props = [
      f.file ? `file=${prop(f.file)}` : null,
      f.line !== undefined ? `line=${f.line}` : null,
      f.column !== undefined ? `col=${f.column}` : null,
      `title=${prop(`folio ${f.rule}`)}`,
    ].filter(Boolean);
    const subject = where(f);
    return `::${level} ${props.join(',')}::${escape(`${subject ? `${subject}: ` : ''}${details(f, lang)}`)}`;
  });
  for (const s of r.skipped)
    lines.push(`::warning title=${prop(w.skippedAnnotation(s.rule))}::${escape(RULE_GAP[lang].text(s.gap))}`);
  const failing = r.summary.filter((s) => s.failing).map((s) => `${s.rule} (${s.count})`);
  lines.push(`${r.passed ? w.passedLine(r.findings.length) : w.failedLine(failing.join(', '))}${skippedNote(r, lang)}`);
  return `${lines.join('\n')}\n`;
}

export function checkDoc(r: CheckResult, lang: Lang): Doc {
  const w = CHECK_WORDS[lang];
  return {
    title: `folio check · ${r.passed ? w.passed : w.failed}${skippedNote(r, lang)}`,
    sections: checkSections(r, lang),
  };
}
