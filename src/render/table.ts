import Table from 'cli-table3';
import type { Cell, Doc, Paint, Section } from './document.js';

const BAR_WIDTH = 20;
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `fraction` × 20 cells, in eighths of a cell. */
export function bar(fraction: number): string {
  const eighths = Math.round(Math.max(0, Math.min(1, fraction)) * BAR_WIDTH * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + (EIGHTHS[eighths % 8] ?? '');
}

/** Aligned columns without a box: easy to read, easy to copy into an e-mail. */
const BORDERLESS = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: '  ',
};

/** `width` pads the text of a cell with a bar, so that bars in one column start together. */
function cell(c: Cell, paint: Paint, width = 0): string {
  if (typeof c === 'string') return c;
  const text = c.tone ? paint(c.tone, c.text) : c.text;
  if (c.bar === undefined) return text;
  return `${' '.repeat(Math.max(0, width - c.text.length))}${text} ${paint('muted', bar(c.bar))}`;
}

function barTextWidths(rows: Cell[][]): number[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((c, i) => {
      if (typeof c !== 'string' && c.bar !== undefined) widths[i] = Math.max(widths[i] ?? 0, c.text.length);
    });
  }
  return widths;
}

function renderSection(section: Section, paint: Paint): string {
  const lines: string[] = [];
  if (section.kind === 'heading') return paint('strong', `== ${section.title} ==`);
  if (section.title) lines.push(paint('strong', section.title));
  if (section.kind === 'table') {
    if (section.rows.length === 0) {
      lines.push(`  ${section.empty ?? '—'}`);
      return lines.join('\n');
    }
    const table = new Table({
      head: section.columns.map((c) => paint('strong', c.label)),
      colAligns: section.columns.map((c) => c.align ?? 'left'),
      chars: BORDERLESS,
      style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
    });
    const widths = barTextWidths(section.rows);
    for (const row of section.rows) table.push(row.map((c, i) => cell(c, paint, widths[i])));
    lines.push(...table.toString().split('\n').map((l) => `  ${l.trimEnd()}`));
  } else if (section.kind === 'facts') {
    const width = Math.max(...section.facts.map(([label]) => label.length));
    for (const [label, value] of section.facts) lines.push(`  ${label.padEnd(width)}  ${cell(value, paint)}`);
  } else if (section.kind === 'notes') {
    for (const line of section.lines) lines.push(`  ${cell(line, paint)}`);
  }
  return lines.join('\n');
}

export function renderTable(doc: Doc, paint: Paint): string {
  const shown = doc.sections.filter((s) => s.kind !== 'chart');
  const parts = [paint('strong', doc.title), ...shown.map((s) => renderSection(s, paint))];
  return `${parts.join('\n\n')}\n`;
}

