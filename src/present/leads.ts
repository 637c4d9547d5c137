import { LEAD_GROUPS, type LeadGroup, type LeadsResult, type RankedLead } from '../analyses/leads.js';
import type { Cell, DataTable, Doc, Section, Tone } from '../render/document.js';
import { isoDate, money } from './format.js';
import { leadReasonText } from './messages/cells.js';
import { t, type Lang } from './i18n.js';
import { coded, dataTable, type Audience } from './tables.js';

const GROUP_TONE: Record<LeadGroup, Tone> = {
  'fast-big': 'good',
  'fast-small': 'key',
  'slow-big': 'warn',
  'slow-small': 'muted',
  unclassified: 'bad',
};

/** Leads of each group a report lists unless asked for all: enough to work a morning from. */
export const LEADS_SHOWN_PER_GROUP = 10;

/** `3 · 45,000`: a count and its amount. */
const countAndSum = (count: number, amount: number, lang: Lang): string => `${count} · ${money(amount, lang)}`;

function queueTable(leads: readonly RankedLead[], lang: Lang, title: string): Section {
  const hasManager = leads.some((l) => l.manager !== '');
  const hasClient = leads.some((l) => l.client !== '');
  return {
    kind: 'table',
    title,
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
    rows: leads.map((l, i) => [
      String(i + 1),
      {
        text: l.group === 'unclassified' ? `${t(lang, 'unclassified')}: ${leadReasonText(l, lang)}` : t(lang, l.group),
        tone: GROUP_TONE[l.group],
      },
      l.lead,
      ...(hasClient ? [l.client] : []),
      l.amount === null ? '—' : money(l.amount, lang),
      l.expectedClose === null ? '—' : isoDate(l.expectedClose, lang),
      l.daysToClose === null
        ? '—'
        : l.overdue
          ? { text: `${l.daysToClose} (${t(lang, 'overdue')})`, tone: 'bad' as const }
          : String(l.daysToClose),
      ...(hasManager ? [l.manager] : []),
    ]),
  };
}

/** The unclassified leads in one line: how many, and how many lack what. */
function unclassifiedLine(r: LeadsResult, lang: Lang): Cell | null {
  const byReason = new Map<string, number>();
  for (const l of r.leads) {
    if (l.group !== 'unclassified') continue;
    const reason = leadReasonText(l, lang);
    byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
  }
  const total = [...byReason.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const reasons = [...byReason]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([reason, n]) => `${reason}: ${money(n, lang)}`)
    .join(' · ');
  return {
    text: t(lang, 'leadsUnclassified').replace('{n}', money(total, lang)).replace('{reasons}', reasons),
    tone: 'warn',
  };
}

/**
 * The 2×2 summary, the queue in work order, and leads per manager. `all`: every lead in the
 * queue (`folio leads`, `report --all-leads`); otherwise the first of each group, the rest
 * counted, and the unclassified in one line (a report is read, not scrolled).
 */
export function leadsSections(r: LeadsResult, lang: Lang, all = true): Section[] {
  const summary = (g: LeadGroup): Cell => {
    const s = r.groups.find((x) => x.group === g);
    return { text: countAndSum(s?.count ?? 0, s?.amount ?? 0, lang), tone: GROUP_TONE[g] };
  };
  const big = r.thresholds.big === null ? '—' : `${money(r.thresholds.big, lang)} (${t(lang, r.thresholds.bigSource)})`;
  const sections: Section[] = [
    {
      kind: 'facts',
      facts: [
        [t(lang, 'asOf'), isoDate(r.asOf, lang)],
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
  ];
  if (all) sections.push(queueTable(r.leads, lang, t(lang, 'leadsTitle')));
  else {
    const shown = r.leads.filter(
      (l, i) => l.group !== 'unclassified' && i - firstOf(r, l.group) < LEADS_SHOWN_PER_GROUP,
    );
    if (shown.length > 0)
      sections.push(queueTable(shown, lang, t(lang, 'leadsTop').replace('{n}', String(LEADS_SHOWN_PER_GROUP))));
    const more: Cell[] = [];
    for (const g of LEAD_GROUPS) {
      const count = r.groups.find((x) => x.group === g)?.count ?? 0;
      if (g !== 'unclassified' && count > LEADS_SHOWN_PER_GROUP)
        more.push(
          t(lang, 'leadsMore')
            .replace('{n}', money(count - LEADS_SHOWN_PER_GROUP, lang))
            .replace('{group}', t(lang, g)),
        );
    }
    const unclassified = unclassifiedLine(r, lang);
    if (unclassified) more.push(unclassified);
    if (more.length > 0)
      sections.push({ kind: 'notes', lines: [...more, { text: t(lang, 'leadsAllHint'), tone: 'muted' }] });
  }
  if (r.managers.length > 0) {
    sections.push({
      kind: 'table',
      title: t(lang, 'leadsPerManager'),
      columns: [
        { label: t(lang, 'manager') },
        { label: t(lang, 'openLeads'), align: 'right' },
        ...LEAD_GROUPS.map((g) => ({ label: t(lang, g), align: 'right' as const })),
      ],
      rows: r.managers.map((m) => [
        m.overloaded ? { text: m.manager, tone: 'warn' } : m.manager,
        m.overloaded ? { text: `${m.leads} (${t(lang, 'overloaded')})`, tone: 'warn' } : String(m.leads),
        ...LEAD_GROUPS.map((g) => countAndSum(m.groups[g], m.amounts[g], lang)),
      ]),
    });
  }
  return sections;
}

/** Where a group starts in the queue, which is in group order. */
function firstOf(r: LeadsResult, group: LeadGroup): number {
  let at = 0;
  for (const g of LEAD_GROUPS) {
    if (g === group) return at;
    at += r.groups.find((x) => x.group === g)?.count ?? 0;
  }
  return at;
}

export function leadsDoc(r: LeadsResult, lang: Lang): Doc {
  return {
    title: `${t(lang, 'leadsTitle')} · ${t(lang, 'asOf')} ${isoDate(r.asOf, lang)}`,
    sections: leadsSections(r, lang),
  };
}

const GROUP_KEYS = {
  'fast-big': 'fastBig',
  'fast-small': 'fastSmall',
  'slow-big': 'slowBig',
  'slow-small': 'slowSmall',
  unclassified: 'unclassified',
} as const;

/** Every lead in work order (made as written), the groups' counts and sums, and each manager's. */
export function leadsTables(r: LeadsResult, lang: Audience): DataTable[] {
  return [
    dataTable(
      'leads',
      lang,
      [
        ['priority', 'integer'],
        ['group', 'text'],
        ['lead', 'text'],
        ['client', 'text'],
        ['amount', 'decimal'],
        ['expectedClose', 'date'],
        ['daysToClose', 'integer'],
        ['overdue', 'boolean'],
        ['manager', 'text'],
        ['reason', 'text'],
      ],
      leadRows(r.leads, lang),
    ),
    dataTable(
      'leadGroups',
      lang,
      [
        ['group', 'text'],
        ['count', 'integer'],
        ['amount', 'decimal'],
      ],
      r.groups.map((g) => ({ group: coded(lang, g.group, g.group), count: g.count, amount: g.amount })),
    ),
    dataTable(
      'leadManagers',
      lang,
      [
        ['manager', 'text'],
        ['leads', 'integer'],
        ['overloaded', 'boolean'],
        ...LEAD_GROUPS.flatMap((g) => [
          [GROUP_KEYS[g], 'integer'] as const,
          [`${GROUP_KEYS[g]}Amount`, 'decimal'] as const,
        ]),
      ],
      r.managers.map((m) => ({
        manager: m.manager,
        leads: m.leads,
        overloaded: m.overloaded,
        ...Object.fromEntries(
          LEAD_GROUPS.flatMap((g) => [
            [GROUP_KEYS[g], m.groups[g]],
            [`${GROUP_KEYS[g]}Amount`, m.amounts[g]],
          ]),
        ),
      })),
    ),
  ];
}

/** The queue's rows, made one at a time as they are written. */
function* leadRows(leads: readonly RankedLead[], lang: Audience) {
  for (const l of leads) {
    yield {
      priority: l.priority,
      group: coded(lang, l.group, l.group),
      lead: l.lead,
      client: l.client,
      amount: l.amount,
      expectedClose: l.expectedClose,
      daysToClose: l.daysToClose,
      overdue: l.overdue,
      manager: l.manager,
      reason: lang === null ? (l.reason ?? null) : l.group === 'unclassified' ? leadReasonText(l, lang) : null,
    };
  }
}
