import type { CheckResult, Finding } from '../analyses/check.js';
import type { DataTable, Doc, Section } from '../render/document.js';
import { dataTable, type Audience } from './tables.js';
import { isoDate } from './format.js';
import { describeProblem } from '../folio-error.js';
import { t, type Lang } from './i18n.js';

/** The days a command covered (ISO; an open end is null). */
export interface PeriodDays {
  from: string | null;
  to: string | null;
}
import { CHECK_WORDS, FINDINGS, RULE_GAP } from './messages/check.js';
import { say } from './messages/entry.js';
import { calendarText } from './offers.js';
import { annotation } from './github.js';

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
  const lines = r.findings.map((f) => {
    const subject = where(f);
    return annotation(
      r.policy.includes(f.rule) ? 'error' : 'warning',
      { file: f.file, line: f.line, col: f.column, title: `folio ${f.rule}` },
      `${subject ? `${subject}: ` : ''}${details(f, lang)}`,
    );
  });
  for (const s of r.skipped)
    lines.push(annotation('warning', { title: w.skippedAnnotation(s.rule) }, RULE_GAP[lang].text(s.gap)));
  const failing = r.summary.filter((s) => s.failing).map((s) => `${s.rule} (${s.count})`);
  lines.push(`${r.passed ? w.passedLine(r.findings.length) : w.failedLine(failing.join(', '))}${skippedNote(r, lang)}`);
  return `${lines.join('\n')}\n`;
}

/** The summary, skipped rules and findings, under the period checked and the day it was checked as of. */
export function checkDoc(r: CheckResult, lang: Lang, period: PeriodDays, asOf: string): Doc {
  const w = CHECK_WORDS[lang];
  const day = (d: string | null): string => (d === null ? '…' : isoDate(d, lang));
  return {
    title: `folio check · ${r.passed ? w.passed : w.failed}${skippedNote(r, lang)}`,
    sections: [
      {
        kind: 'facts',
        facts: [
          [t(lang, 'period'), `${day(period.from)} — ${day(period.to)}`],
          [t(lang, 'asOf'), day(asOf)],
        ],
      },
      ...checkSections(r, lang),
    ],
  };
}

/**
 * The findings (the rules skipped first, `skipped: …`), as the CSV and NDJSON always were;
 * then the summary per rule and the period checked.
 */
export function checkTables(r: CheckResult, lang: Audience, period: PeriodDays, asOf: string): DataTable[] {
  const say = lang ?? 'en';
  const w = CHECK_WORDS[say];
  return [
    dataTable(
      'findings',
      lang,
      [
        ['rule', 'text'],
        ['client', 'text'],
        ['manager', 'text'],
        ['file', 'text'],
        ['line', 'integer'],
        ['details', 'text'],
      ],
      [
        ...r.skipped.map((s) => ({
          rule: s.rule,
          client: null,
          manager: null,
          file: null,
          line: null,
          details:
            lang === null
              ? `skipped: ${s.reason}`
              : `${w.skipped(w.gapShort[s.gap.lack])}: ${RULE_GAP[lang].text(s.gap)}`,
        })),
        ...r.findings.map((f) => ({
          rule: f.rule,
          client: f.client ?? null,
          manager: f.manager ?? null,
          file: f.file ?? null,
          line: f.line ?? null,
          details: lang === null ? f.details : details(f, lang),
        })),
      ],
    ),
    dataTable(
      'checkSummary',
      lang,
      [
        ['rule', 'text'],
        ['count', 'integer'],
        ['failing', 'boolean'],
        ['skipped', 'boolean'],
      ],
      r.summary.map((s) => ({ rule: s.rule, count: s.count, failing: s.failing, skipped: s.skipped })),
    ),
    dataTable(
      'check',
      lang,
      [
        ['periodFrom', 'date'],
        ['periodTo', 'date'],
        ['asOf', 'date'],
        ['passed', 'boolean'],
      ],
      [{ periodFrom: period.from, periodTo: period.to, asOf, passed: r.passed }],
      true,
    ),
  ];
}
