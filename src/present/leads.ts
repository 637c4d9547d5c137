import { LEAD_GROUPS, type LeadGroup, type LeadsResult } from '../analyses/leads.js';
import type { Cell, Doc, Section, Tone } from '../render/document.js';
import { isoDate, money } from './format.js';
import { leadReasonText } from './messages/cells.js';
import { t, type Lang } from './i18n.js';

const GROUP_TONE: Record<LeadGroup, Tone> = {
  'fast-big': 'good',
  'fast-small': 'key',
  'slow-big': 'warn',
  'slow-small': 'muted',
  unclassified: 'bad',
};

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
        {
          text:
            l.group === 'unclassified' ? `${t(lang, 'unclassified')}: ${leadReasonText(l, lang)}` : t(lang, l.group),
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
    },
  ];
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
        ...LEAD_GROUPS.map((g) => String(m.groups[g])),
      ]),
    });
  }
  return sections;
}

export function leadsDoc(r: LeadsResult, lang: Lang): Doc {
  return {
    title: `${t(lang, 'leadsTitle')} · ${t(lang, 'asOf')} ${isoDate(r.asOf, lang)}`,
    sections: leadsSections(r, lang),
  };
}
