import { createRequire } from 'node:module';
import type Table from 'cli-table3';
import type { Cell, Column, Doc, Paint, Section } from './document.js';

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

/** chalk's colour codes: they take no room on the screen. */
// eslint-disable-next-line no-control-regex -- the escape character is what these codes begin with.
const SGR = /\x1b\[[0-9;]*m/g;

/**
 * Characters that take one cell on the screen and that string-width (cli-table3's measure)
 * counts as one: printable ASCII, Latin-1 and Latin Extended letters, Cyrillic, dashes,
 * quotes and bullets, currency signs, the № sign and the block elements of the bars.
 * test/render/table.test.ts checks each of them against cli-table3.
 */
const NARROW = /^[\x20-\x7e\u00a0-\u024f\u0400-\u04ff\u2010-\u2027\u2030-\u205e\u20a0-\u20bf\u2116\u2580-\u259f]*$/;

/**
 * The borderless table as padding alone, when every cell is one line of one-cell characters
 * (what folio's tables hold): cli-table3 and its Unicode width tables cost about 15 ms of
 * start-up for the same lines. null when a cell needs them.
 */
function alignedLines(columns: Column[], head: string[], body: string[][]): string[] | null {
  const rows = [head, ...body];
  // cli-table3 gives a column of empty cells one space.
  const widths = head.map(() => 1);
  const shown: number[][] = [];
  for (const row of rows) {
    if (row.length !== columns.length) return null;
    const lengths: number[] = [];
    for (const [i, text] of row.entries()) {
      const visible = text.replace(SGR, '');
      if (!NARROW.test(visible)) return null;
      lengths.push(visible.length);
      widths[i] = Math.max(widths[i] ?? 0, visible.length);
    }
    shown.push(lengths);
  }
  return rows.map((row, r) =>
    row
      .map((text, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - (shown[r]?.[i] ?? 0));
        return columns[i]?.align === 'right' ? pad + text : text + pad;
      })
      .join('  '),
  );
}

/** Rows cli-table3 is given at once: past about 100,000 its own drawing overflows the stack, and it slows down more than linearly. */
const BOXED_BATCH = 5_000;

/**
 * Wide or combining characters, line breaks or other escapes in a cell: cli-table3 measures
 * them. A long table is drawn in batches under the widest column widths of all of them, which
 * is what one table of all the rows would take (`test/render/table.test.ts` compares the two).
 */
function boxedLines(columns: Column[], head: string[], body: string[][], batch: number): string[] {
  // Loaded here, synchronously, so that renderTable stays a plain function for its callers.
  const Boxed = createRequire(import.meta.url)('cli-table3') as typeof Table;
  const draw = (rows: string[][], colWidths: number[]): { lines: string[]; widths: number[] } => {
    const table = new Boxed({
      head,
      colWidths,
      colAligns: columns.map((c) => c.align ?? 'left'),
      chars: BORDERLESS,
      style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
    });
    for (const row of rows) table.push(row);
    const lines = table.toString().split('\n');
    // cli-table3 fills in the widths it computed.
    return { lines, widths: table.options.colWidths as number[] };
  };
  if (body.length <= batch) return draw(body, []).lines;
  const batches: string[][][] = [];
  for (let at = 0; at < body.length; at += batch) batches.push(body.slice(at, at + batch));
  const widths: number[] = [];
  for (const batch of batches) draw(batch, []).widths.forEach((w, i) => (widths[i] = Math.max(widths[i] ?? 0, w)));
  const headLines = draw([], [...widths]).lines.length;
  const out: string[] = [];
  batches.forEach((batch, k) => {
    const lines = draw(batch, [...widths]).lines;
    for (let i = k === 0 ? 0 : headLines; i < lines.length; i++) out.push(lines[i] as string);
  });
  return out;
}

function renderSection(section: Section, paint: Paint, batch: number): string {
  const lines: string[] = [];
  if (section.kind === 'heading') return paint('strong', `== ${section.title} ==`);
  if (section.title) lines.push(paint('strong', section.title));
  if (section.kind === 'table') {
    if (section.rows.length === 0) {
      lines.push(`  ${section.empty ?? '—'}`);
      return lines.join('\n');
    }
    const widths = barTextWidths(section.rows);
    const head = section.columns.map((c) => paint('strong', c.label));
    const body = section.rows.map((row) => row.map((c, i) => cell(c, paint, widths[i])));
    const drawn = alignedLines(section.columns, head, body) ?? boxedLines(section.columns, head, body, batch);
    for (const l of drawn) lines.push(`  ${l.trimEnd()}`);
  } else if (section.kind === 'facts') {
    const width = Math.max(...section.facts.map(([label]) => label.length));
    for (const [label, value] of section.facts) lines.push(`  ${label.padEnd(width)}  ${cell(value, paint)}`);
  } else if (section.kind === 'notes') {
    for (const line of section.lines) lines.push(`  ${cell(line, paint)}`);
  }
  return lines.join('\n');
}

/** `boxedBatch`: the rows cli-table3 is given at once (smaller in tests, so that a few thousand rows make batches). */
export function renderTable(doc: Doc, paint: Paint, boxedBatch = BOXED_BATCH): string {
  const shown = doc.sections.filter((s) => s.kind !== 'chart');
  const parts = [paint('strong', doc.title), ...shown.map((s) => renderSection(s, paint, boxedBatch))];
  return `${parts.join('\n\n')}\n`;
}
