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

/** RFC 4180 CSV with a header row, LF line ends, numbers as plain decimals. */
export function renderCsv(rows: MachineRow[], columns: string[]): string {
  const lines = [columns.map(field).join(',')];
  for (const row of rows) lines.push(columns.map((c) => field(row[c] ?? null)).join(','));
  return `${lines.join('\n')}\n`;
}
