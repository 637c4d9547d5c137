import { leadsDoc } from '../present/leads.js';
import { leadReasonText } from '../present/messages/cells.js';
import { warningJson } from '../present/messages/warnings.js';
import { warning } from '../codes/warnings.js';
import { loadLeads } from '../load/leads.js';
import { analyzeLeads, type LeadOptions, type LeadsResult, type RankedLead } from '../analyses/leads.js';
import type { Vocabulary } from '../normalize/vocabulary.js';
import type { MachineRow } from '../render/document.js';
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
  lang: Lang;
}

export interface ComputedLeads {
  result: LeadsResult;
  inputs: InputReport[];
  warnings: Warning[];
}

/** Read leads and rank them: the data of `leads`, reused by `report` and `check`. */
export async function computeLeads(options: Omit<LeadsRunOptions, 'lang'>): Promise<ComputedLeads> {
  const loaded = await loadLeads(options.inputs, options.vocabulary);
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
  return { result, inputs: loaded.inputs, warnings };
}

export async function runLeads(options: LeadsRunOptions): Promise<CommandOutput> {
  const { result, inputs, warnings } = await computeLeads(options);
  warnings.push(...clientNamesOf(options.inputs).warnings());
  return {
    envelope: buildEnvelope('leads', null, inputs, result, warnings.map(warningJson)),
    doc: () => leadsDoc(result, options.lang),
    rows: () => leadRows(result.leads),
    columns: [
      'priority',
      'group',
      'lead',
      'client',
      'amount',
      'expectedClose',
      'daysToClose',
      'overdue',
      'manager',
      'reason',
    ],
    exitCode: 0,
  };
}

/** The queue's rows for NDJSON and CSV, made one at a time as they are written. */
function* leadRows(leads: readonly RankedLead[]): Generator<MachineRow> {
  for (const l of leads) {
    yield {
      priority: l.priority,
      group: l.group,
      lead: l.lead,
      client: l.client,
      amount: l.amount,
      expectedClose: l.expectedClose,
      daysToClose: l.daysToClose,
      overdue: l.overdue,
      manager: l.manager,
      reason: l.reason ?? null,
    };
  }
}
