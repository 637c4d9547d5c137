import { QUADRANTS, TASKS, type MatrixJson, type Quadrant } from '../analyses/matrix.js';
import { unreadText } from './messages/cells.js';
import type { Cell, DataTable, Doc, Section, Tone } from '../render/document.js';
import { coded, dataTable, type Audience } from './tables.js';
import { money } from './format.js';
import { t, type Lang, type MessageKey } from './i18n.js';

const QUADRANT_TONE: Record<Quadrant, Tone> = {
  want_can: 'good',
  want_only: 'key',
  can_only: 'warn',
  neither: 'bad',
  unclassified: 'muted',
};

/** The 2×2 grid, the clients in effort order, the tasks, and the at-risk line. */
export function matrixSections(r: MatrixJson, lang: Lang): Section[] {
  const cell = (q: Quadrant): Cell => {
    const amount = r.revenue ? ` · ${money(r.revenue[q], lang)}` : '';
    return { text: `${t(lang, q)}: ${r.counts[q]}${amount}`, tone: QUADRANT_TONE[q] };
  };
  const yn = (v: boolean | null): string => (v === null ? t(lang, 'unknown') : t(lang, v ? 'yes' : 'no'));
  const hasRevenue = r.revenue !== null;
  const hasManager = r.clients.some((c) => c.manager !== undefined);
  const sections: Section[] = [
    {
      kind: 'table',
      columns: [{ label: '' }, { label: t(lang, 'gridCan') }, { label: t(lang, 'gridCannot') }],
      rows: [
        [t(lang, 'gridWants'), cell('want_can'), cell('want_only')],
        [t(lang, 'gridDoesNotWant'), cell('can_only'), cell('neither')],
      ],
    },
  ];
  if (r.counts.unclassified > 0) sections.push({ kind: 'notes', lines: [cell('unclassified')] });
  sections.push({
    kind: 'table',
    title: t(lang, 'clients'),
    columns: [
      { label: t(lang, 'quadrant') },
      { label: t(lang, 'client') },
      { label: t(lang, 'want') },
      { label: t(lang, 'can') },
      ...(hasRevenue ? [{ label: t(lang, 'class') }, { label: t(lang, 'revenue'), align: 'right' as const }] : []),
      ...(hasManager ? [{ label: t(lang, 'manager') }] : []),
      { label: t(lang, 'reason') },
    ],
    rows: r.clients.map((c) => [
      { text: t(lang, c.quadrant), tone: QUADRANT_TONE[c.quadrant] },
      c.class && c.class !== 'regular' ? { text: c.client, tone: c.class } : c.client,
      yn(c.want),
      yn(c.can),
      ...(hasRevenue
        ? [t(lang, c.class === null ? 'noShare' : (c.class ?? 'regular')), money(c.revenue ?? 0, lang)]
        : []),
      ...(hasManager ? [c.manager ?? ''] : []),
      c.unread ? unreadText(c.unread, lang) : '',
    ]),
  });
  sections.push({
    kind: 'notes',
    title: t(lang, 'tasks'),
    lines: QUADRANTS.filter((q) => r.counts[q] > 0).map((q) => ({
      text: `${t(lang, q)} (${r.counts[q]}): ${t(lang, `task_${TASKS[q]}` as MessageKey)}`,
      tone: QUADRANT_TONE[q],
    })),
  });
  if (r.atRisk.length > 0)
    sections.push({ kind: 'notes', lines: [{ text: `${t(lang, 'atRisk')}: ${r.atRisk.join(', ')}`, tone: 'bad' }] });
  return sections;
}

export function matrixDoc(r: MatrixJson, lang: Lang): Doc {
  return { title: t(lang, 'matrixTitle'), sections: matrixSections(r, lang) };
}

/** Every client with its flags, type and task, and the count (and revenue) per type, as data. */
export function matrixTables(r: MatrixJson, lang: Audience): DataTable[] {
  return [
    dataTable(
      'matrix',
      lang,
      [
        ['client', 'text'],
        ['want', 'boolean'],
        ['can', 'boolean'],
        ['quadrant', 'text'],
        ['class', 'text'],
        ['revenue', 'decimal'],
        ['manager', 'text'],
        ['segment', 'text'],
        ['reason', 'text'],
        ['task', 'text'],
      ],
      r.clients.map((c) => ({
        client: c.client,
        want: c.want,
        can: c.can,
        quadrant: coded(lang, c.quadrant, c.quadrant),
        class: coded(lang, c.class ?? null, c.class ?? null),
        revenue: c.revenue ?? null,
        manager: c.manager ?? null,
        segment: c.segment ?? null,
        reason: lang === null ? (c.reason ?? null) : c.unread ? unreadText(c.unread, lang) : null,
        task: coded(lang, c.task, `task_${c.task}` as MessageKey),
      })),
    ),
    dataTable(
      'matrixCounts',
      lang,
      [
        ['quadrant', 'text'],
        ['count', 'integer'],
        ['revenue', 'decimal'],
      ],
      QUADRANTS.map((q) => ({ quadrant: coded(lang, q, q), count: r.counts[q], revenue: r.revenue?.[q] ?? null })),
    ),
  ];
}
