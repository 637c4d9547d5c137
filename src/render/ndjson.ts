import type { MachineRow } from './document.js';

/** One JSON object per line, for `jq -c`, `mlr --ijsonl` and line-by-line consumers. */
export function renderNdjson(rows: MachineRow[]): string {
  return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
}
