import { analyzeLeads, LEAD_GROUPS, type LeadGroup, type LeadInput, type LeadOptions, type LeadsResult } from '../analyses/leads.js';
import { LEAD_NEEDS, LeadConverter, type LeadRow } from '../normalize/leads.js';
import { displayName } from '../normalize/text.js';
import type { Vocabulary } from '../normalize/vocabulary.js';
import type { Cell, MachineRow, Section, Tone } from '../render/document.js';
import { money } from '../present/format.js';
import { t, type Lang } from '../present/i18n.js';
import { buildEnvelope } from '../render/json.js';
import type { InputOptions, InputReport, Warning } from '../load/input-options.js';
import { inputReport, loadRows, readWarnings } from '../load/rows.js';
import type { CommandOutput } from './output.js';
import { unknownValuesWarning } from '../load/unknown-values.js';

export interface LeadsRunOptions {
  input: InputOptions;
  vocabulary: Vocabulary;
  leads: LeadOptions;
  lang: Lang;
}

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

export interface ComputedLeads {
  result: LeadsResult;
  input: InputReport;
  warnings: Warning[];
}

/** Read leads and rank them: the data of `leads`, reused by `report` and `check`. */
export async function computeLeads(options: Omit<LeadsRunOptions, 'lang'>): Promise<ComputedLeads> {
  const loaded = await loadLeads(options.input, options.vocabulary);
  const result = analyzeLeads(loaded.leads, options.leads);
  const warnings = [...loaded.warnings];
  for (const m of result.managers) {
    if (m.overloaded) {
      warnings.push({
        code: 'LEAD_OVERLOAD',
        message: `${m.manager} has ${m.leads} open leads (more than ${options.leads.maxLeads}): five requests handled well beat fifty handled badly`,
      });
    }
  }
  const unclassified = result.groups.find((g) => g.group === 'unclassified')?.count ?? 0;
  if (unclassified > 0) warnings.push({ code: 'UNCLASSIFIED_LEADS', message: `${unclassified} lead(s) have no amount or no expected close date and are listed last` });
  return { result, input: loaded.input, warnings };
}

export async function runLeads(options: LeadsRunOptions): Promise<CommandOutput> {
  const { result, input, warnings } = await computeLeads(options);
  return {
    envelope: buildEnvelope('leads', null, [input], result, warnings),
    doc: () => ({ title: `${t(options.lang, 'leadsTitle')} · ${t(options.lang, 'asOf')} ${result.asOf}`, sections: leadsSections(result, options.lang) }),
    rows: () => result.leads.map(
      (l): MachineRow => ({
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
      }),
    ),
    columns: ['priority', 'group', 'lead', 'client', 'amount', 'expectedClose', 'daysToClose', 'overdue', 'manager', 'reason'],
    exitCode: 0,
  };
}

const GROUP_TONE: Record<LeadGroup, Tone> = { 'fast-big': 'good', 'fast-small': 'key', 'slow-big': 'warn', 'slow-small': 'muted', unclassified: 'bad' };

/** The queue in work order, the 2×2 summary, and leads per manager. */
export function leadsSections(r: LeadsResult, lang: Lang): Section[] {
  const summary = (g: LeadGroup): Cell => {
    const s = r.groups.find((x) => x.group === g);
    return { text: `${s?.count ?? 0} · ${money(s?.amount ?? 0, lang)}`, tone: GROUP_TONE[g] };
  };
  const big = r.thresholds.big === null ? '—' : `${money(r.thresholds.big, lang)} (${t(lang, r.thresholds.bigSource)})`;
  const hasManager = r.leads.some((l) => l.manager !== '');
  const hasClient = r.leads.some((l) => l.client !== '');
  const sections: Section[] = [
    {
      kind: 'facts',
      facts: [
        [t(lang, 'asOf'), r.asOf],
        [t(lang, 'fastDays'), `${r.thresholds.fastDays} ${t(lang, 'days')}`],
        [t(lang, 'bigThreshold'), big],
      ],
    },
    {
      kind: 'table',
      columns: [{ label: '' }, { label: t(lang, 'big') }, { label: t(lang, 'small') }],
      rows: [
        [t(lang, 'fast'), summary('fast-big'), summary('fast-small')],
        [t(lang, 'slow'), summary('slow-big'), summary('slow-small')],
      ],
    },
    {
      kind: 'table',
      title: t(lang, 'leadsTitle'),
      columns: [
        { label: '#', align: 'right' },
        { label: t(lang, 'group') },
        { label: t(lang, 'lead') },
        ...(hasClient ? [{ label: t(lang, 'client') }] : []),
        { label: t(lang, 'amount'), align: 'right' },
        { label: t(lang, 'expectedClose') },
        { label: t(lang, 'daysToClose'), align: 'right' },
        ...(hasManager ? [{ label: t(lang, 'manager') }] : []),
      ],
      rows: r.leads.map((l, i) => [
        String(i + 1),
        { text: l.group === 'unclassified' ? `${t(lang, 'unclassified')}: ${l.reason ?? ''}` : t(lang, l.group), tone: GROUP_TONE[l.group] },
        l.lead,
        ...(hasClient ? [l.client] : []),
        l.amount === null ? '—' : money(l.amount, lang),
        l.expectedClose ?? '—',
        l.daysToClose === null ? '—' : l.overdue ? { text: `${l.daysToClose} (${t(lang, 'overdue')})`, tone: 'bad' as const } : String(l.daysToClose),
        ...(hasManager ? [l.manager] : []),
      ]),
    },
  ];
  if (r.managers.length > 0) {
    sections.push({
      kind: 'table',
      title: t(lang, 'leadsPerManager'),
      columns: [{ label: t(lang, 'manager') }, { label: t(lang, 'openLeads'), align: 'right' }, ...LEAD_GROUPS.map((g) => ({ label: t(lang, g), align: 'right' as const }))],
      rows: r.managers.map((m) => [
        m.overloaded ? { text: m.manager, tone: 'warn' } : m.manager,
        m.overloaded ? { text: `${m.leads} (${t(lang, 'overloaded')})`, tone: 'warn' } : String(m.leads),
        ...LEAD_GROUPS.map((g) => String(m.groups[g])),
      ]),
    });
  }
  return sections;
}
