import type { LeadInput } from '../analyses/leads.js';
import { LEAD_NEEDS, LeadConverter, type LeadRow } from '../normalize/leads.js';
import { displayName } from '../normalize/text.js';
import type { Vocabulary } from '../normalize/vocabulary.js';
import { clientNamesOf, type InputOptions } from './input-options.js';
import type { ClientNames } from '../normalize/client-names.js';
import type { InputReport, Warning } from '../schema/envelope.js';
import { mixedCurrencies, tallyCurrency, type Currencies } from './currencies.js';
import { inputReport, loadRows, readWarnings, SameFields } from './rows.js';
import { statusCounts } from './statuses.js';
import { unknownValuesWarning } from './unknown-values.js';

export interface LoadedLeads {
  leads: LeadInput[];
  /** One entry per file; all of them map the same fields. */
  inputs: InputReport[];
  warnings: Warning[];
}

/**
 * Open leads of one or more exports, read as one table; won and lost ones are counted out by
 * status, and those in another currency than `currency` by currency. Leads in several
 * currencies with no `currency` are not ranked: their amounts cannot be compared. Each
 * lead's client is shown as the run names it (`ClientNames`).
 */
export async function loadLeads(
  files: readonly InputOptions[],
  vocabulary: Vocabulary,
  currency?: string,
): Promise<LoadedLeads> {
  const out: LoadedLeads = { leads: [], inputs: [], warnings: [] };
  const fields = new SameFields('leads');
  const currencies: Currencies = new Map();
  const names = clientNamesOf(files);
  for (const input of files) {
    const one = await loadLeadFile(input, vocabulary, fields, out.leads, { currency, currencies }, names);
    out.inputs.push(one.input);
    out.warnings.push(...one.warnings);
  }
  const mixed = mixedCurrencies(currencies, currency, files[0]?.source.name ?? '');
  if (mixed) throw mixed;
  for (const lead of out.leads) if (lead.client !== '') lead.client = names.name(names.key(lead.client), lead.client);
  return out;
}

async function loadLeadFile(
  input: InputOptions,
  vocabulary: Vocabulary,
  fields: SameFields,
  leads: LeadInput[],
  money: { currency: string | undefined; currencies: Currencies },
  names: ClientNames,
): Promise<{ input: InputReport; warnings: Warning[] }> {
  const file = input.source.name;
  const before = leads.length;
  let closed = 0;
  let otherCurrency = 0;
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
      if (row.currency !== '' && money.currency !== undefined && row.currency !== money.currency) {
        otherCurrency++;
        return;
      }
      tallyCurrency(money.currencies, row.currency, file, row.line);
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
  const report = inputReport(loaded, 'leads', {
    used: leads.length - before,
    excluded: { status: closed, currency: otherCurrency },
  });
  if (loaded.mapping.index.status !== undefined) report.statuses = statusCounts(loaded.converter.statuses);
  return { warnings, input: report };
}
