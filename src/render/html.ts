import type { Cell, Doc, Section } from './document.js';
import { escapeHtml, renderChart } from './svg.js';

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;max-width:1000px;margin:2em auto;padding:0 1em}
h1{font-size:1.5em}h2{font-size:1.25em;border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:2em}h3{font-size:1.05em}
table{border-collapse:collapse;margin:.5em 0}td,th{padding:.2em .7em;border-bottom:1px solid #eee;text-align:left}
td.r,th.r{text-align:right}th{background:#f6f6f6}
.golden{color:#b8860b;font-weight:600}.critical,.bad{color:#c0392b;font-weight:600}.key{color:#1f77b4}.good{color:#2e8b57}.warn{color:#d68910}.muted{color:#888}
dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{color:#555}dd{margin:0}
svg.chart{width:100%;height:auto;font-size:11px;margin:.5em 0}
.bar{fill-opacity:.8}.bar-label{font-size:10px}.cumulative{fill:none;stroke:#c0392b;stroke-width:2}.threshold{stroke:#888;stroke-dasharray:4 3}
.funnels{display:flex;flex-wrap:wrap;gap:.5em 1.5em}svg.chart.funnel{width:240px}
.track{stroke:#ccc}.spark{fill:none;stroke:#1f77b4;stroke-width:1.5}.positive{fill:#2e8b57}.negative{fill:#c0392b}.cell-title{font-weight:600}.cell-value{font-size:13px}.axis-label{font-weight:600}
`;

function cell(c: Cell): string {
  if (typeof c === 'string') return escapeHtml(c);
  return c.tone ? `<span class="${c.tone}">${escapeHtml(c.text)}</span>` : escapeHtml(c.text);
}

function section(s: Section): string {
  if (s.kind === 'heading') return `<h2>${escapeHtml(s.title)}</h2>`;
  const title = s.title ? `<h3>${escapeHtml(s.title)}</h3>` : '';
  if (s.kind === 'chart') return `${title}${renderChart(s.chart)}`;
  if (s.kind === 'facts')
    return `${title}<dl>${s.facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${cell(v)}</dd>`).join('')}</dl>`;
  if (s.kind === 'notes') return `${title}<ul>${s.lines.map((l) => `<li>${cell(l)}</li>`).join('')}</ul>`;
  if (s.rows.length === 0) return `${title}<p class="muted">${escapeHtml(s.empty ?? '—')}</p>`;
  const align = (i: number): string => (s.columns[i]?.align === 'right' ? ' class="r"' : '');
  const head = `<tr>${s.columns.map((c, i) => `<th${align(i)}>${escapeHtml(c.label)}</th>`).join('')}</tr>`;
  const rows = s.rows.map((r) => `<tr>${r.map((c, i) => `<td${align(i)}>${cell(c)}</td>`).join('')}</tr>`).join('');
  return `${title}<table>${head}${rows}</table>`;
}

/**
 * One self-contained HTML file: inline style, inline SVG charts, no scripts, fonts or
 * links to anything outside it. Every value from the data is escaped.
 */
export function renderHtml(doc: Doc): string {
  return `<!doctype html>
<html lang="${escapeHtml(doc.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(doc.title)}</h1>
${doc.sections.map(section).join('\n')}
</body>
</html>
`;
}
