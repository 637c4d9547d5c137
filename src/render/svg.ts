import type { Chart, GridCell, Tone } from './document.js';

/** Text made safe for HTML and SVG, in content and in attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const COLOURS: Record<Tone, string> = {
  golden: '#b8860b',
  critical: '#c0392b',
  key: '#1f77b4',
  good: '#2e8b57',
  warn: '#d68910',
  bad: '#c0392b',
  muted: '#888888',
  strong: '#222222',
};

const DAY = 86_400_000;

/** The chart's frame: an image to assistive technology, named by its `aria-label` and its `<title>`. */
function svg(kind: string, width: number, height: number, name: string, body: string): string {
  const label = escapeHtml(name);
  return `<svg class="chart ${kind}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}"><title>${label}</title>${body}</svg>`;
}

/** Bars of the regular class are grey; the upper classes take their tone's colour. */
const barColour = (tone: Tone | undefined): string => (tone ? COLOURS[tone] : '#9aa5b1');

/** Names under the axis are cut to this many characters (the bar's title holds the whole name). */
const LABEL_CHARS = 18;

/** A name cut to fit under the axis: at its last space that leaves a word or more, else mid-word. */
function shortLabel(name: string): string {
  if (name.length <= LABEL_CHARS) return name;
  const head = name.slice(0, LABEL_CHARS - 1);
  const space = head.lastIndexOf(' ');
  return `${(space >= 4 ? head.slice(0, space) : head).trimEnd()}…`;
}

/**
 * The revenue concentration (Pareto) chart: a bar per client's share in its class's colour,
 * each with a title (name and share), the top clients named under the axis; the cumulative
 * line, the key, critical and golden thresholds, and a legend of the colours.
 */
function pareto(c: Extract<Chart, { type: 'pareto' }>): string {
  const width = 760;
  const labelled = c.bars.some((b) => b.label !== undefined);
  const bottom = labelled ? 110 : 24;
  const top = 28;
  const height = top + 220 + bottom;
  const left = 44;
  const plotH = 220;
  const n = Math.max(c.bars.length, 1);
  const barW = (width - left - 10) / n;
  const y = (f: number): number => top + plotH * (1 - Math.max(0, Math.min(1, f)));
  const bars = c.bars
    .map(
      (b, i) =>
        `<rect class="bar" x="${(left + i * barW + 1).toFixed(1)}" y="${y(b.share).toFixed(1)}" width="${Math.max(barW - 2, 1).toFixed(1)}" height="${(plotH * Math.max(0, b.share)).toFixed(1)}" fill="${barColour(b.tone)}"><title>${escapeHtml(b.title)}</title></rect>`,
    )
    .join('');
  const names = c.bars
    .map((b, i) => {
      if (b.label === undefined) return '';
      const shown = shortLabel(b.label);
      const x = (left + i * barW + barW / 2).toFixed(1);
      const at = (top + plotH + 12).toFixed(1);
      return `<text class="bar-label" x="${x}" y="${at}" text-anchor="end" transform="rotate(-45 ${x} ${at})">${escapeHtml(shown)}</text>`;
    })
    .join('');
  const points = c.cumulative.map((f, i) => `${(left + i * barW + barW / 2).toFixed(1)},${y(f).toFixed(1)}`).join(' ');
  const lines = c.lines
    .map(
      (l) =>
        `<line class="threshold" x1="${left}" x2="${width - 10}" y1="${y(l.at).toFixed(1)}" y2="${y(l.at).toFixed(1)}"/><text x="${width - 12}" y="${(y(l.at) - 3).toFixed(1)}" text-anchor="end">${escapeHtml(l.label)}</text>`,
    )
    .join('');
  const axis = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (f, i) =>
        `<text x="${left - 4}" y="${(y(f) + 4).toFixed(1)}" text-anchor="end">${escapeHtml(c.axis[i] ?? '')}</text>`,
    )
    .join('');
  const legend = c.legend
    .map(
      (l, i) =>
        `<rect x="${left + i * 110}" y="6" width="10" height="10" fill="${barColour(l.tone)}"/><text x="${left + i * 110 + 14}" y="15">${escapeHtml(l.label)}</text>`,
    )
    .join('');
  return svg(
    'pareto',
    width,
    height,
    c.name,
    `${legend}${axis}${bars}${names}${lines}<polyline class="cumulative" points="${points}"/>`,
  );
}

function gridCell(cell: GridCell, x: number, y: number, w: number, h: number): string {
  return `<g><rect class="cell" x="${x}" y="${y}" width="${w}" height="${h}" fill="${COLOURS[cell.tone]}" fill-opacity="0.15" stroke="${COLOURS[cell.tone]}"/><text x="${x + w / 2}" y="${y + h / 2 - 8}" text-anchor="middle" class="cell-title">${escapeHtml(cell.title)}</text><text x="${x + w / 2}" y="${y + h / 2 + 16}" text-anchor="middle" class="cell-value">${escapeHtml(cell.value)}</text></g>`;
}

/** A grid of cells: the want/can matrix, the lead quadrants (2×2), ABC×XYZ (3×3). */
function grid(c: Extract<Chart, { type: 'grid' }>): string {
  // Three columns fit the width two did.
  const w = c.colLabels.length > 2 ? 160 : 230;
  const h = c.rowLabels.length > 2 ? 80 : 110;
  const x0 = 130;
  const y0 = 30;
  const head = c.colLabels
    .map(
      (l, i) =>
        `<text x="${x0 + i * w + w / 2}" y="20" text-anchor="middle" class="axis-label">${escapeHtml(l)}</text>`,
    )
    .join('');
  const side = c.rowLabels
    .map(
      (l, i) =>
        `<text x="${x0 - 8}" y="${y0 + i * h + h / 2 + 4}" text-anchor="end" class="axis-label">${escapeHtml(l)}</text>`,
    )
    .join('');
  const cells = c.cells
    .map((row, r) => row.map((cell, k) => gridCell(cell, x0 + k * w, y0 + r * h, w - 6, h - 6)).join(''))
    .join('');
  return svg(
    'grid',
    x0 + c.colLabels.length * w + 10,
    y0 + c.rowLabels.length * h + 10,
    c.name,
    `${head}${side}${cells}`,
  );
}

/** A label and a small line per row, each scaled to its own largest value; the baseline is zero. */
function sparklines(c: Extract<Chart, { type: 'sparklines' }>): string {
  const width = 520;
  const left = 200;
  const rowH = 28;
  const lineH = 20;
  const rows = c.rows
    .map((r, i) => {
      const top = 8 + i * rowH;
      const max = Math.max(...r.values, 0);
      const min = Math.min(...r.values, 0);
      const span = max - min || 1;
      const step = (width - left - 10) / Math.max(r.values.length - 1, 1);
      const points = r.values
        .map((v, k) => `${(left + k * step).toFixed(1)},${(top + lineH * (1 - (v - min) / span)).toFixed(1)}`)
        .join(' ');
      const zero = (top + lineH * (1 - (0 - min) / span)).toFixed(1);
      return `<text x="${left - 8}" y="${top + lineH / 2 + 4}" text-anchor="end">${escapeHtml(r.label)}</text><line class="track" x1="${left}" x2="${width - 10}" y1="${zero}" y2="${zero}"/><polyline class="spark" points="${points}"/>`;
    })
    .join('');
  return svg('sparklines', width, 16 + Math.max(c.rows.length, 1) * rowH, c.name, rows);
}

/** One line per key client over the window: positive contacts green, negative red. */
function timeline(c: Extract<Chart, { type: 'timeline' }>): string {
  const from = Date.parse(c.from);
  const to = Date.parse(c.to);
  const span = Math.max(to - from, DAY);
  const width = 760;
  const left = 180;
  const rowH = 22;
  const x = (iso: string): number => left + ((Date.parse(iso) - from) / span) * (width - left - 12);
  const shown = (iso: string): string => escapeHtml(c.dayText?.[iso] ?? iso);
  const rows = c.rows
    .map((r, i) => {
      const y = 30 + i * rowH;
      const dots = [
        ...r.positives.map(
          (d) => `<circle class="positive" cx="${x(d).toFixed(1)}" cy="${y}" r="5"><title>${shown(d)}</title></circle>`,
        ),
        ...r.negatives.map(
          (d) => `<circle class="negative" cx="${x(d).toFixed(1)}" cy="${y}" r="5"><title>${shown(d)}</title></circle>`,
        ),
      ].join('');
      return `<text x="${left - 8}" y="${y + 4}" text-anchor="end">${escapeHtml(r.label)}</text><line class="track" x1="${left}" x2="${width - 12}" y1="${y}" y2="${y}"/>${dots}`;
    })
    .join('');
  const axis = `<text x="${left}" y="14">${shown(c.from)}</text><text x="${width - 12}" y="14" text-anchor="end">${shown(c.to)}</text>`;
  return svg('timeline', width, 30 + Math.max(c.rows.length, 1) * rowH, c.name, `${axis}${rows}`);
}

/** One small funnel per entry, each its own image with an accessible name, laid out side by side. */
function funnels(c: Extract<Chart, { type: 'funnels' }>): string {
  const width = 240;
  const top = 24;
  const rowH = 28;
  const barH = 22;
  const one = (f: (typeof c.funnels)[number]): string => {
    const bars = f.bars
      .map((b, i) => {
        const w = Math.max((width - 20) * Math.max(0, Math.min(1, b.share)), 2);
        const y = top + i * rowH;
        return `<rect x="${((width - w) / 2).toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${barH}" fill="${COLOURS[b.tone]}" fill-opacity="0.2" stroke="${COLOURS[b.tone]}"/><text x="${width / 2}" y="${y + barH / 2 + 4}" text-anchor="middle">${escapeHtml(b.label)}</text>`;
      })
      .join('');
    return `<svg class="chart funnel" viewBox="0 0 ${width} ${top + f.bars.length * rowH}" role="img" aria-label="${escapeHtml(f.name)}"><title>${escapeHtml(f.name)}</title><text x="${width / 2}" y="15" text-anchor="middle" class="axis-label">${escapeHtml(f.title)}</text>${bars}</svg>`;
  };
  return `<div class="funnels">${c.funnels.map(one).join('')}</div>`;
}

export function renderChart(chart: Chart): string {
  if (chart.type === 'pareto') return pareto(chart);
  if (chart.type === 'funnels') return funnels(chart);
  if (chart.type === 'grid') return grid(chart);
  if (chart.type === 'sparklines') return sparklines(chart);
  return timeline(chart);
}
