import { batched, type Chunks } from './chunks.js';
import type { MachineRow } from './document.js';

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

/** RFC 4180 CSV with a header row, LF line ends, numbers as plain decimals. */
export function csvChunks(rows: Iterable<MachineRow>, columns: readonly string[]): Chunks {
  return batched(
    (function* () {
      yield line(columns);
      for (const row of rows) yield line(columns.map((c) => row[c] ?? null));
    })(),
  );
}
