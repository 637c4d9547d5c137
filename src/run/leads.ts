import { leadsDoc, leadsTables } from '../present/leads.js';
import { leadReasonText } from '../present/messages/cells.js';
import { warningJson } from '../present/messages/warnings.js';
import { warning } from '../codes/warnings.js';
import { loadLeads } from '../load/leads.js';
import { analyzeLeads, type LeadInput, type LeadOptions, type LeadsResult } from '../analyses/leads.js';
import { formatDay } from '../normalize/dates.js';
import type { Vocabulary } from '../normalize/vocabulary.js';
import { type Lang } from '../present/i18n.js';
import { buildEnvelope } from '../schema/build.js';
import { clientNamesOf, type InputOptions } from '../load/input-options.js';
import type { InputReport, Warning } from '../schema/envelope.js';
import type { CommandOutput } from './output.js';

export interface LeadsRunOptions {
  /** One or more leads exports, read as one table. */
  inputs: InputOptions[];
  vocabulary: Vocabulary;
  leads: LeadOptions;
  /** Only the leads in this currency; needed when the leads mix currencies. */
  currency?: string;
  lang: Lang;
}

export interface ComputedLeads {
  result: LeadsResult;
  inputs: InputReport[];
  warnings: Warning[];
}

/** Read leads and rank them: the data of `leads`, reused by `report` and `check`. */
export async function computeLeads(options: Omit<LeadsRunOptions, 'lang'>): Promise<ComputedLeads> {
  const loaded = await loadLeads(options.inputs, options.vocabulary, options.currency);
  const result = analyzeLeads(loaded.leads, options.leads);
  for (const l of result.leads) {
    const reason = l.group === 'unclassified' ? leadReasonText(l, 'en') : '';
    if (reason) l.reason = reason;
  }
  const warnings = [...loaded.warnings];
  for (const m of result.managers) {
    if (m.overloaded) {
      warnings.push(
        warning('LEAD_OVERLOAD', { manager: m.manager, leads: m.leads, limit: options.leads.maxLeads ?? 0 }),
      );
    }
  }
  const unclassified = result.groups.find((g) => g.group === 'unclassified')?.count ?? 0;
  if (unclassified > 0) warnings.push(warning('UNCLASSIFIED_LEADS', { count: unclassified }));
  const old = oldExport(loaded.leads, options.leads.asOf);
  if (old) warnings.push(old);
  return { result, inputs: loaded.inputs, warnings };
}

/** Days beyond which an export whose every expected close lies before as-of looks old. */
const OLD_EXPORT_DAYS = 365;

/**
 * An export made long ago and read today: every open lead's expected close is more than a
 * year before as-of, so the whole queue reads as overdue. Said once, naming --as-of.
 */
export function oldExport(leads: readonly LeadInput[], asOf: number): Warning | null {
  let count = 0;
  let earliest = Infinity;
  let latest = -Infinity;
  for (const l of leads) {
    if (l.expectedClose === null) continue;
    count++;
    earliest = Math.min(earliest, l.expectedClose);
    latest = Math.max(latest, l.expectedClose);
  }
  if (count === 0 || latest >= asOf - OLD_EXPORT_DAYS) return null;
  return warning('LEADS_LOOK_OLD', {
    count,
    earliest: formatDay(earliest),
    latest: formatDay(latest),
    asOf: formatDay(asOf),
  });
}

export async function runLeads(options: LeadsRunOptions): Promise<CommandOutput> {
  const { result, inputs, warnings } = await computeLeads(options);
  warnings.push(...clientNamesOf(options.inputs).warnings());
  return {
    envelope: buildEnvelope('leads', null, inputs, result, warnings.map(warningJson)),
    doc: () => leadsDoc(result, options.lang),
    tables: (lang) => leadsTables(result, lang),
    sectioned: false,
    exitCode: 0,
  };
}
