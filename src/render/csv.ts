import { batched, type Chunks } from './chunks.js';
import type { DataTable } from './document.js';

/**
 * A text cell that Excel or LibreOffice would run as a formula (`=`, `+`, `-`, `@`, or a
 * tab or CR before one) gets a leading apostrophe, which the spreadsheet shows as text.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function field(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = neutralizeFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function line(cells: readonly (string | number | boolean | null)[]): string {
  let text = '';
  for (let i = 0; i < cells.length; i++) text += (i === 0 ? '' : ',') + field(cells[i] ?? null);
  return `${text}\n`;
}

/**
 * RFC 4180 CSV with a header row, LF line ends, numbers as plain decimals: the rows of one
 * list, or (`sectioned`) of every table under one header, a `section` column first and then
 * every table's columns in the order they first appear (a row leaves the others empty).
 */
export function csvChunks(tables: readonly DataTable[], sectioned: boolean): Chunks {
  const shown = sectioned ? tables : tables.slice(0, 1);
  const columns: string[] = [];
  for (const table of shown) for (const c of table.columns) if (!columns.includes(c.key)) columns.push(c.key);
  return batched(
    (function* () {
      yield line(sectioned ? ['section', ...columns] : columns);
      for (const table of shown)
        for (const row of table.rows) {
          const cells = columns.map((c) => row[c] ?? null);
          yield line(sectioned ? [table.section, ...cells] : cells);
        }
    })(),
  );
}
