import type { LeadInput } from '../analyses/leads.js';
import { LEAD_NEEDS, LeadConverter, type LeadRow } from '../normalize/leads.js';
import { displayName } from '../normalize/text.js';
import type { Vocabulary } from '../normalize/vocabulary.js';
import { clientNamesOf, type InputOptions } from './input-options.js';
import type { ClientNames } from '../normalize/client-names.js';
import type { InputReport, Warning } from '../schema/envelope.js';
import { inputReport, loadRows, readWarnings, SameFields } from './rows.js';
import { unknownValuesWarning } from './unknown-values.js';

export interface LoadedLeads {
  leads: LeadInput[];
  /** One entry per file; all of them map the same fields. */
  inputs: InputReport[];
  warnings: Warning[];
}

/**
 * Open leads of one or more exports, read as one table; won and lost ones are counted out by
 * status. Each lead's client is shown as the run names it (`ClientNames`).
 */
export async function loadLeads(files: readonly InputOptions[], vocabulary: Vocabulary): Promise<LoadedLeads> {
  const out: LoadedLeads = { leads: [], inputs: [], warnings: [] };
  const fields = new SameFields('leads');
  const names = clientNamesOf(files);
  for (const input of files) {
    const one = await loadLeadFile(input, vocabulary, fields, out.leads, names);
    out.inputs.push(one.input);
    out.warnings.push(...one.warnings);
  }
  for (const lead of out.leads) if (lead.client !== '') lead.client = names.name(names.key(lead.client), lead.client);
  return out;
}

async function loadLeadFile(
  input: InputOptions,
  vocabulary: Vocabulary,
  fields: SameFields,
  leads: LeadInput[],
  names: ClientNames,
): Promise<{ input: InputReport; warnings: Warning[] }> {
  const file = input.source.name;
  const before = leads.length;
  let closed = 0;
  const loaded = await loadRows(
    input,
    LEAD_NEEDS,
    (map, p) => {
      fields.check(file, map);
      return new LeadConverter(map, { file, decimal: input.decimal, dayOrder: input.dayOrder, vocabulary }, p);
    },
    (row: LeadRow) => {
      if (row.client.trim() !== '') names.seen(row.client, 'leads');
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
  const statuses =
    loaded.mapping.index.status === undefined ? null : unknownValuesWarning(file, 'status', loaded.converter.statuses);
  if (statuses) warnings.push(statuses);
  return {
    warnings,
    input: inputReport(loaded, 'leads', { used: leads.length - before, excluded: { status: closed } }),
  };
}
