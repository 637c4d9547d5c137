import type { LeadInput } from '../analyses/leads.js';
import { LEAD_NEEDS, LeadConverter, type LeadRow } from '../normalize/leads.js';
import { displayName } from '../normalize/text.js';
import type { Vocabulary } from '../normalize/vocabulary.js';
import type { InputOptions } from './input-options.js';
import type { InputReport, Warning } from '../schema/envelope.js';
import { inputReport, loadRows, readWarnings } from './rows.js';
import { unknownValuesWarning } from './unknown-values.js';

export interface LoadedLeads {
  leads: LeadInput[];
  input: InputReport;
  warnings: Warning[];
}

/** Open leads of an export; won and lost ones are counted out by status. */
export async function loadLeads(input: InputOptions, vocabulary: Vocabulary): Promise<LoadedLeads> {
  const file = input.source.name;
  const leads: LeadInput[] = [];
  let closed = 0;
  const loaded = await loadRows(
    input,
    LEAD_NEEDS,
    (map, p) => new LeadConverter(map, { file, decimal: input.decimal, dayOrder: input.dayOrder, vocabulary }, p),
    (row: LeadRow) => {
      if (row.status !== 'open') {
        closed++;
        return;
      }
      leads.push({
        lead: displayName(row.lead),
        client: displayName(row.client),
        amount: row.amount,
        expectedClose: row.expectedClose,
        daysFromAsOf: row.daysFromAsOf,
        manager: displayName(row.manager),
      });
    },
  );
  const warnings = readWarnings(file, loaded);
  const statuses = loaded.mapping.index.status === undefined ? null : unknownValuesWarning(file, 'status', loaded.converter.statuses);
  if (statuses) warnings.push(statuses);
  return { leads, warnings, input: inputReport(loaded, 'leads', { used: leads.length, excluded: { status: closed } }) };
}
