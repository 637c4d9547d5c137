import { CLIENT_NEEDS, ClientConverter, MATRIX_NEEDS, type ClientRow } from '../normalize/clients.js';
import { displayName, nameKey } from '../normalize/text.js';
import type { InputOptions } from './input-options.js';
import type { InputReport } from '../schema/envelope.js';
import { type Warning, warning } from '../codes/warnings.js';
import { inputReport, loadRows, readWarnings } from './rows.js';

export interface LoadedClients {
  clients: ClientRow[];
  input: InputReport;
  warnings: Warning[];
}

/** A clients file, one row per client (a client listed twice keeps its first row). */
export async function loadClients(input: InputOptions, wantMin: number | null, canMin: number | null, needFlags: boolean): Promise<LoadedClients> {
  const file = input.source.name;
  const byKey = new Map<string, ClientRow>();
  let duplicates = 0;
  const loaded = await loadRows(
    input,
    needFlags ? MATRIX_NEEDS : CLIENT_NEEDS,
    (map, p) => new ClientConverter(map, { file, decimal: input.decimal, dayOrder: input.dayOrder, wantMin, canMin }, p),
    (row: ClientRow) => {
      const key = nameKey(row.client);
      if (byKey.has(key)) duplicates++;
      else byKey.set(key, { ...row, client: displayName(row.client) });
    },
  );
  const warnings = readWarnings(file, loaded);
  if (duplicates > 0) warnings.push(warning('DUPLICATE_CLIENTS', { file, count: duplicates }));
  return { clients: [...byKey.values()], warnings, input: inputReport(loaded, 'clients', { used: byKey.size, excluded: { duplicate: duplicates } }) };
}
