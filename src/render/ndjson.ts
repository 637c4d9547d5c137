import { batched, type Chunks } from './chunks.js';
import type { DataTable } from './document.js';

/**
 * One JSON object per line, for `jq -c`, `mlr --ijsonl` and line-by-line consumers: the rows
 * of one list as they are, or (`sectioned`) the rows of every table, each with its `section`
 * first.
 */
export function ndjsonChunks(tables: readonly DataTable[], sectioned: boolean): Chunks {
  return batched(
    (function* () {
      for (const table of sectioned ? tables : tables.slice(0, 1)) {
        const section = sectioned ? `{"section":${JSON.stringify(table.section)}` : null;
        for (const row of table.rows) {
          const text = JSON.stringify(row);
          // The section is written into the row's text: no second object per row.
          yield section === null ? `${text}\n` : `${section}${text === '{}' ? '' : `,${text.slice(1, -1)}`}}\n`;
        }
      }
    })(),
  );
}
