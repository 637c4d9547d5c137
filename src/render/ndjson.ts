import { batched, type Chunks } from './chunks.js';
import type { MachineRow } from './document.js';

/** One JSON object per line, for `jq -c`, `mlr --ijsonl` and line-by-line consumers. */
export function ndjsonChunks(rows: Iterable<MachineRow>): Chunks {
  return batched(
    (function* () {
      for (const row of rows) yield `${JSON.stringify(row)}\n`;
    })(),
  );
}
