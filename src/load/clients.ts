import { CLIENT_NEEDS, ClientConverter, MATRIX_NEEDS, type ClientRow } from '../normalize/clients.js';
import { clientNamesOf, type InputOptions } from './input-options.js';
import type { InputReport } from '../schema/envelope.js';
import { type Warning, warning } from '../codes/warnings.js';
import { inputReport, loadRows, readWarnings, SameFields } from './rows.js';

export interface LoadedClients {
  clients: ClientRow[];
  /** One entry per file; all of them map the same fields. */
  inputs: InputReport[];
  warnings: Warning[];
}

/**
 * One or more clients files, read as one list, one row per client: a client listed twice
 * (under any spelling of one key, `ClientNames`), in one file or in two, keeps its first
 * row. Each client is named as the run shows it (deals read before decide).
 */
export async function loadClients(
  files: readonly InputOptions[],
  wantMin: number | null,
  canMin: number | null,
  needFlags: boolean,
): Promise<LoadedClients> {
  const names = clientNamesOf(files);
  const byKey = new Map<string, ClientRow>();
  const fields = new SameFields('clients');
  const out: LoadedClients = { clients: [], inputs: [], warnings: [] };
  for (const input of files) {
    const file = input.source.name;
    let used = 0;
    let duplicates = 0;
    const loaded = await loadRows(
      input,
      needFlags ? MATRIX_NEEDS : CLIENT_NEEDS,
      (map, p) => {
        fields.check(file, map);
        return new ClientConverter(map, { file, decimal: input.decimal, dayOrder: input.dayOrder, wantMin, canMin }, p);
      },
      (row: ClientRow) => {
        const key = names.seen(row.client, 'clients');
        if (byKey.has(key)) duplicates++;
        else {
          used++;
          byKey.set(key, row);
        }
      },
    );
    out.warnings.push(...readWarnings(file, loaded));
    if (duplicates > 0) out.warnings.push(warning('DUPLICATE_CLIENTS', { file, count: duplicates }));
    out.inputs.push(inputReport(loaded, 'clients', { used, excluded: { duplicate: duplicates } }));
  }
  out.clients = [...byKey].map(([key, row]) => ({ ...row, client: names.name(key) }));
  return out;
}
