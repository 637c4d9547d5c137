import type { InspectResult } from '../load/inspect.js';
import type { Doc } from '../render/document.js';
import { t, type Lang } from './i18n.js';
import { warningText } from './messages/warnings.js';

const KIND_WORDS: Record<string, 'kindCsv' | 'kindXlsx' | 'kindHtml' | 'kindParquet'> = { csv: 'kindCsv', xlsx: 'kindXlsx', html: 'kindHtml', parquet: 'kindParquet' };
const DELIMITER_NAMES: Record<string, string> = { ',': 'comma (,)', ';': 'semicolon (;)', '\t': 'tab', '|': 'pipe (|)' };

export function inspectDoc(r: InspectResult, lang: Lang): Doc {
  const keys = [...new Set(r.sample.flatMap((s) => Object.keys(s)))];
  return {
    title: `${t(lang, 'inspectTitle')}: ${r.file}`,
    sections: [
      {
        kind: 'facts',
        facts: [
          ['read as', r.role],
          [t(lang, 'tableKind'), t(lang, KIND_WORDS[r.kind] ?? 'kindCsv')],
          ...(r.sheet !== null ? [[t(lang, 'sheet'), r.sheet] as [string, string], [t(lang, 'sheets'), r.sheets.map((s, i) => `${i + 1} ${s}`).join(', ')] as [string, string]] : []),
          ...(r.kind === 'csv' || r.kind === 'html' ? [[t(lang, 'encoding'), `${r.encoding} (${r.encodingReason})`] as [string, string]] : []),
          ...(r.kind === 'csv' ? [[t(lang, 'delimiter'), `${DELIMITER_NAMES[r.delimiter] ?? r.delimiter}${r.sepLine ? ' (from the sep= line)' : ''}`] as [string, string]] : []),
          ['header line', r.header ? String(r.headerLine) : 'none (--no-header)'],
          [t(lang, 'rows'), String(r.rows)],
          ...(r.totals.rows > 0 ? [[t(lang, 'totalsRows'), `${r.totals.rows} (line ${r.totals.lines.join(', ')}${r.totals.rows > r.totals.lines.length ? ', …' : ''})`] as [string, string]] : []),
          ...(r.blank > 0 ? [['blank lines', String(r.blank)] as [string, string]] : []),
          ...Object.entries(r.conventions).map(([field, convention]): [string, string] => [field, convention]),
        ],
      },
      {
        kind: 'table',
        title: t(lang, 'mapping'),
        columns: [{ label: '#', align: 'right' }, { label: t(lang, 'header') }, { label: t(lang, 'field') }],
        rows: r.columns.map((c) => [String(c.position), c.header, c.field === null ? { text: '—', tone: 'muted' } : { text: c.field, tone: 'good' }]),
      },
      ...(r.warnings.length > 0 ? [{ kind: 'notes' as const, lines: r.warnings.map((w) => (w.code === 'COLUMN_CHOICE' ? warningText(w, lang) : `${w.code}: ${warningText(w, lang)}`)) }] : []),
      ...(r.missing.length > 0
        ? [
            {
              kind: 'notes' as const,
              title: `Missing (${r.missing.length})`,
              lines: r.missing.map((m) => ({ text: `${m.field} (${m.description}): no column; map one with ${m.map}`, tone: 'bad' as const })),
            },
          ]
        : []),
      {
        kind: 'table',
        title: t(lang, 'firstRows'),
        columns: keys.map((k) => ({ label: k, ...(k === 'line' || k === 'amount' ? { align: 'right' as const } : {}) })),
        rows: r.sample.map((s) => keys.map((k) => s[k] ?? '')),
      },
      {
        kind: 'notes',
        title: `${t(lang, 'problems')} (${r.problemCount})`,
        lines: r.problems.length > 0 ? r.problems.map((p) => ({ text: p, tone: 'bad' as const })) : [t(lang, 'noProblems')],
      },
    ],
  };
}
