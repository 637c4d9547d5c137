import {
  ABC,
  STAGES,
  XYZ,
  type AbcClass,
  type ClientDynamics,
  type DynamicsJson,
  type DynamicsResult,
  type Stage,
  stageCounts,
  type XyzClass,
} from '../analyses/dynamics.js';
import { isKeyClass } from '../analyses/share.js';
import type { Cell, Chart, DataTable, Doc, Section, Tone } from '../render/document.js';
import { coded, dataTable, type Audience } from './tables.js';
import { days, isoDate, limitPercent, money, percent } from './format.js';
import { t, type Lang, type MessageKey } from './i18n.js';

const CELL_TONE: Record<AbcClass, Record<XyzClass, Tone>> = {
  A: { X: 'good', Y: 'good', Z: 'warn' },
  B: { X: 'key', Y: 'key', Z: 'warn' },
  C: { X: 'muted', Y: 'muted', Z: 'bad' },
};

const stageText = (stage: Stage | null, lang: Lang): string =>
  stage === null ? t(lang, 'dynNoStage') : t(lang, `stage_${stage}` as MessageKey);
const cellOf = (r: DynamicsResult, abc: AbcClass, xyz: XyzClass) => r.grid.find((g) => g.abc === abc && g.xyz === xyz);

/** The nine cells as a table: ABC down, XYZ across, clients and revenue in each. */
function gridSection(r: DynamicsResult, lang: Lang): Section {
  return {
    kind: 'table',
    title: t(lang, 'dynGrid'),
    columns: [{ label: t(lang, 'dynCell') }, ...XYZ.map((x) => ({ label: x, align: 'right' as const }))],
    rows: ABC.map((abc) => [
      abc,
      ...XYZ.map((xyz) => {
        const g = cellOf(r, abc, xyz);
        return `${g?.clients ?? 0} · ${money(g?.revenue ?? 0, lang)}`;
      }),
    ]),
  };
}

/** The ABC×XYZ grid drawn as nine tinted cells (HTML). */
export function gridChart(r: DynamicsResult, lang: Lang): Chart {
  return {
    type: 'grid',
    name: t(lang, 'dynGrid'),
    colLabels: [...XYZ],
    rowLabels: [...ABC],
    cells: ABC.map((abc) =>
      XYZ.map((xyz) => {
        const g = cellOf(r, abc, xyz);
        return {
          title: `${abc}${xyz}`,
          value: `${g?.clients ?? 0} · ${money(g?.revenue ?? 0, lang)}`,
          tone: CELL_TONE[abc][xyz],
        };
      }),
    ),
  };
}

/** What to do in each cell that holds clients. */
function adviceSection(r: DynamicsResult, lang: Lang): Section {
  const lines: Cell[] = r.grid
    .filter((g) => g.clients > 0)
    .map((g) => ({
      text: `${g.abc}${g.xyz}: ${t(lang, `cell_${g.abc}${g.xyz}` as MessageKey)}`,
      tone: CELL_TONE[g.abc][g.xyz],
    }));
  return { kind: 'notes', title: t(lang, 'dynCellAdvice'), lines };
}

function clientRow(c: ClientDynamics, rank: number, lang: Lang, withManager: boolean): Cell[] {
  const flag = c.lost ? ` (${t(lang, 'dynLost')})` : c.dormant ? ` (${t(lang, 'dynDormant')})` : '';
  const row: Cell[] = [
    String(rank),
    c.dormant ? { text: `${c.client}${flag}`, tone: 'warn' } : c.client,
    money(c.revenue, lang),
    percent(c.share, lang),
    c.abc === null ? '—' : `${c.abc}${c.xyz ?? ''}`,
    percent(c.cv, lang),
    String(c.orders),
    c.lastOrder === null ? '—' : isoDate(c.lastOrder, lang),
    c.daysSinceLast === null ? '—' : String(c.daysSinceLast),
    c.medianIntervalDays === null ? '—' : days(c.medianIntervalDays, lang),
    stageText(c.stage, lang),
  ];
  if (withManager) row.push(c.manager ?? '');
  return row;
}

/** `rank`: each client's place in the whole list (a list of a few shows their ranks there). */
function clientsSection(
  clients: ClientDynamics[],
  rank: (c: ClientDynamics, i: number) => number,
  lang: Lang,
  withManager: boolean,
  title?: string,
): Section {
  return {
    kind: 'table',
    ...(title ? { title } : {}),
    columns: [
      { label: t(lang, 'rank'), align: 'right' },
      { label: t(lang, 'client') },
      { label: t(lang, 'revenue'), align: 'right' },
      { label: t(lang, 'share'), align: 'right' },
      { label: t(lang, 'dynAbcXyz') },
      { label: t(lang, 'dynCv'), align: 'right' },
      { label: t(lang, 'dynOrders'), align: 'right' },
      { label: t(lang, 'dynLastOrder') },
      { label: t(lang, 'dynDaysSince'), align: 'right' },
      { label: t(lang, 'dynMedian'), align: 'right' },
      { label: t(lang, 'dynStage') },
      ...(withManager ? [{ label: t(lang, 'manager') }] : []),
    ],
    rows: clients.map((c, i) => clientRow(c, rank(c, i), lang, withManager)),
    empty: t(lang, 'none'),
  };
}

function managersSection(r: DynamicsJson, lang: Lang): Section {
  const limit = t(lang, 'dynOverLimit').replace('{limit}', limitPercent(r.thresholds.maxManagerShare, lang));
  return {
    kind: 'table',
    title: t(lang, 'dynManagers'),
    columns: [
      { label: t(lang, 'manager') },
      { label: t(lang, 'revenue'), align: 'right' },
      { label: t(lang, 'share'), align: 'right' },
      { label: t(lang, 'dynClients'), align: 'right' },
      { label: t(lang, 'keyClientsShort'), align: 'right' },
      { label: t(lang, 'dynKeyRevenue'), align: 'right' },
    ],
    rows: r.managers.map((m) => [
      m.overLimit ? { text: m.manager, tone: 'warn' } : m.manager,
      money(m.revenue, lang),
      m.overLimit ? { text: `${percent(m.share, lang)} (${limit})`, tone: 'warn' } : percent(m.share, lang),
      String(m.clients),
      String(m.keyClients),
      percent(m.keyShare, lang),
    ]),
    empty: t(lang, 'none'),
  };
}

function summary(r: DynamicsJson, lang: Lang): Section {
  const counts = stageCounts(r);
  const currency = r.currency ? ` ${r.currency}` : '';
  const stages = STAGES.filter((s) => s !== 'price-driven' || r.discountsKnown)
    .map((s) => `${stageText(s, lang)} ${counts[s]}`)
    .join(', ');
  const th = r.thresholds;
  const rules = t(lang, 'dynRulesText')
    .replace('{a}', limitPercent(th.abc[0], lang))
    .replace('{b}', limitPercent(th.abc[1], lang))
    .replace('{x}', limitPercent(th.xyz[0], lang))
    .replace('{y}', limitPercent(th.xyz[1], lang))
    .replace('{factor}', String(th.dormantFactor))
    .replace('{days}', String(th.dormantDays));
  const facts: [string, Cell][] = [
    [t(lang, 'dynWindow'), `${isoDate(r.window.from, lang)} — ${isoDate(r.window.to, lang)}`],
    [t(lang, 'asOf'), isoDate(r.asOf, lang)],
    [t(lang, 'total'), `${money(r.total, lang)}${currency}`],
    [t(lang, 'clients'), String(r.clients.length)],
    [t(lang, 'dynStages'), stages],
    [t(lang, 'dynDormantCount'), String(r.clients.filter((c) => c.dormant).length)],
    [
      t(lang, 'dynAtRisk'),
      r.atRisk > 0
        ? { text: `${money(r.atRisk, lang)}${currency}`, tone: 'warn' }
        : `${money(r.atRisk, lang)}${currency}`,
    ],
    [t(lang, 'rules'), rules],
  ];
  if (!r.discountsKnown) facts.push([t(lang, 'dynStage'), { text: t(lang, 'dynPriceDrivenOff'), tone: 'muted' }]);
  return { kind: 'facts', facts };
}

/** The command's document: summary, grid, clients, managers, what to do per cell. */
export function dynamicsSections(r: DynamicsJson, lang: Lang): Section[] {
  const sections: Section[] = [
    summary(r, lang),
    gridSection(r, lang),
    clientsSection(r.clients, (_c, i) => i + 1, lang, r.managersKnown),
  ];
  if (r.managersKnown) sections.push(managersSection(r, lang));
  sections.push(adviceSection(r, lang));
  return sections;
}

export function dynamicsDoc(r: DynamicsJson, lang: Lang): Doc {
  return {
    title: `${t(lang, 'dynamicsTitle')} · ${isoDate(r.window.from, lang)} — ${isoDate(r.window.to, lang)}`,
    sections: dynamicsSections(r, lang),
    lang,
  };
}

/**
 * The report's client-base section: the grid, dormant key clients first, the stage counts
 * against the previous period, the managers' shares, and (HTML) a sparkline per key client.
 */
export function clientBaseSections(r: DynamicsJson, previous: Record<Stage, number> | null, lang: Lang): Section[] {
  const key = r.clients.filter((c) => isKeyClass(c.class));
  const dormantKey = key.filter((c) => c.dormant);
  const ranks = new Map(r.clients.map((c, i) => [c, i + 1]));
  const now = stageCounts(r);
  const before = previous;
  const sections: Section[] = [
    summary(r, lang),
    { kind: 'chart', chart: gridChart(r, lang) },
    gridSection(r, lang),
    clientsSection(dormantKey, (c) => ranks.get(c) ?? 0, lang, r.managersKnown, t(lang, 'dynDormantKey')),
    {
      kind: 'table',
      title: t(lang, 'dynStageCounts'),
      columns: [
        { label: t(lang, 'dynStage') },
        { label: t(lang, 'before'), align: 'right' },
        { label: t(lang, 'now'), align: 'right' },
        { label: t(lang, 'change'), align: 'right' },
      ],
      rows: STAGES.filter((s) => s !== 'price-driven' || r.discountsKnown).map((s) => {
        const change = before === null ? null : now[s] - before[s];
        return [
          stageText(s, lang),
          before === null ? '—' : String(before[s]),
          String(now[s]),
          change === null ? '—' : change > 0 ? `+${change}` : String(change),
        ];
      }),
    },
  ];
  if (r.managersKnown) sections.push(managersSection(r, lang));
  if (key.length > 0) {
    sections.push({
      kind: 'chart',
      title: t(lang, 'dynSparklines'),
      chart: {
        type: 'sparklines',
        name: t(lang, 'dynSparklines'),
        rows: key.map((c) => ({ label: c.client, values: c.monthly })),
      },
    });
  }
  sections.push(adviceSection(r, lang));
  return sections;
}

const stageCode = (stage: Stage | null, lang: Audience): string | null =>
  stage === null ? null : coded(lang, stage, `stage_${stage}` as MessageKey);

/**
 * The client base as data: the window's figures, every client, the nine cells, the managers;
 * `previous` (the report): the stage counts against the same day one period earlier.
 */
export function dynamicsTables(r: DynamicsJson, lang: Audience, previous?: Record<Stage, number> | null): DataTable[] {
  return [
    clientsTable(r, lang),
    summaryTable(r, lang),
    gridTable(r, lang),
    ...(previous !== undefined ? [stagesTable(r, lang, previous)] : []),
    managersTable(r, lang),
  ];
}

/** Every client of the window, in revenue order. */
function clientsTable(r: DynamicsJson, lang: Audience): DataTable {
  return dataTable(
    'dynamics',
    lang,
    [
      ['rank', 'integer'],
      ['client', 'text'],
      ['revenue', 'decimal'],
      ['share', 'share'],
      ['abc', 'text'],
      ['xyz', 'text'],
      ['cv', 'share'],
      ['orders', 'integer'],
      ['firstOrder', 'date'],
      ['lastOrder', 'date'],
      ['medianIntervalDays', 'decimal'],
      ['daysSinceLast', 'integer'],
      ['dormant', 'boolean'],
      ['lost', 'boolean'],
      ['stage', 'text'],
      ['manager', 'text'],
    ],
    r.clients.map((c, i) => ({
      rank: i + 1,
      client: c.client,
      revenue: c.revenue,
      share: c.share,
      abc: c.abc,
      xyz: c.xyz,
      cv: c.cv,
      orders: c.orders,
      firstOrder: c.firstOrder,
      lastOrder: c.lastOrder,
      medianIntervalDays: c.medianIntervalDays,
      daysSinceLast: c.daysSinceLast,
      dormant: c.dormant,
      lost: c.lost,
      stage: stageCode(c.stage, lang),
      manager: c.manager,
    })),
  );
}

/** The window's figures. */
function summaryTable(r: DynamicsJson, lang: Audience): DataTable {
  return dataTable(
    'dynamicsSummary',
    lang,
    [
      ['windowFrom', 'date'],
      ['windowTo', 'date'],
      ['asOf', 'date'],
      ['total', 'decimal'],
      ['currency', 'text'],
      ['clients', 'integer'],
      ['dormantClients', 'integer'],
      ['atRisk', 'decimal'],
    ],
    [
      {
        windowFrom: r.window.from,
        windowTo: r.window.to,
        asOf: r.asOf,
        total: r.total,
        currency: r.currency,
        clients: r.clients.length,
        dormantClients: r.clients.filter((c) => c.dormant).length,
        atRisk: r.atRisk,
      },
    ],
    true,
  );
}

/** The nine ABC × XYZ cells. */
function gridTable(r: DynamicsJson, lang: Audience): DataTable {
  return dataTable(
    'abcXyz',
    lang,
    [
      ['abc', 'text'],
      ['xyz', 'text'],
      ['clients', 'integer'],
      ['revenue', 'decimal'],
    ],
    r.grid.map((g) => ({ abc: g.abc, xyz: g.xyz, clients: g.clients, revenue: g.revenue })),
  );
}

/** The clients at each stage now, and one period earlier. */
function stagesTable(r: DynamicsJson, lang: Audience, previous: Record<Stage, number> | null): DataTable {
  const now = stageCounts(r);
  return dataTable(
    'stages',
    lang,
    [
      ['stage', 'text'],
      ['previousCount', 'integer'],
      ['count', 'integer'],
    ],
    STAGES.filter((s) => s !== 'price-driven' || r.discountsKnown).map((s) => ({
      stage: stageCode(s, lang),
      previousCount: previous === null ? null : previous[s],
      count: now[s],
    })),
  );
}

/** The revenue each manager holds. */
function managersTable(r: DynamicsJson, lang: Audience): DataTable {
  return dataTable(
    'dynamicsManagers',
    lang,
    [
      ['manager', 'text'],
      ['revenue', 'decimal'],
      ['share', 'share'],
      ['clients', 'integer'],
      ['keyClients', 'integer'],
      ['keyShare', 'share'],
      ['overLimit', 'boolean'],
    ],
    r.managers.map((m) => ({
      manager: m.manager,
      revenue: m.revenue,
      share: m.share,
      clients: m.clients,
      keyClients: m.keyClients,
      keyShare: m.keyShare,
      overLimit: m.overLimit,
    })),
  );
}
