import type { NoComparison, ReportResult } from '../analyses/report.js';
import { type Comparison } from '../analyses/compare.js';
import type { ClientShare } from '../analyses/share.js';
import type { Cell, Chart, DataTable, Doc, Section } from '../render/document.js';
import { coded, dataTable, type Audience } from './tables.js';
import { isoDate, limitPercent, money, percent, periodName, points, wholePercent } from './format.js';
import { t, type Lang, type MessageKey } from './i18n.js';
import { cadenceSections, cadenceTables } from './cadence.js';
import type { Warning } from '../codes/warnings.js';
import { warningText } from './messages/warnings.js';
import { leadsSections, leadsTables } from './leads.js';
import { matrixSections, matrixTables } from './matrix.js';
import { CLASS_TONE, shareSections, shareTables } from './share.js';
import { offersSections, offersTables } from './offers.js';
import { clientBaseSections, dynamicsTables } from './dynamics.js';
import { funnelSections, funnelTables } from './funnel.js';

/** `2026-10-01 — 2026-10-31`, or `01.10.2026 — 31.10.2026` in Russian. */
const span = (p: { from: string; to: string }, lang: Lang): string =>
  `${isoDate(p.from, lang)} — ${isoDate(p.to, lang)}`;

/**
 * The report's title by its period: `Отчёт по портфелю за октябрь 2026`; in English the month
 * keeps the title it always had, and other periods are named (`Portfolio report, Q3 2026`).
 */
function reportTitle(p: { from: string; to: string }, lang: Lang): string {
  const name = periodName(p.from, p.to, lang);
  if (lang === 'ru') return `${t(lang, 'portfolioReport')} за ${name ?? span(p, lang)}`;
  const monthly = name !== null && /^[A-Z][a-z]+ \d{4}$/.test(name);
  return monthly
    ? `${t(lang, 'reportTitle')} · ${span(p, lang)}`
    : `${t(lang, 'portfolioReport')}${name ? `, ${name}` : ''} · ${span(p, lang)}`;
}

function comparisonSections(c: Comparison, lang: Lang): Section[] {
  const className = (k: string | null): string => (k === null ? '—' : t(lang, k as MessageKey));
  const names = (list: string[]): Cell =>
    list.length === 0 ? { text: t(lang, 'none'), tone: 'muted' } : list.join(', ');
  return [
    {
      kind: 'facts',
      title: t(lang, 'comparison'),
      facts: [
        [
          t(lang, 'keyShare'),
          `${percent(c.keyShare.previous, lang)} → ${percent(c.keyShare.current, lang)} (${points(c.keyShare.change, lang)})`,
        ],
        [
          t(lang, 'hhi'),
          `${money(c.hhi.previous, lang)} → ${money(c.hhi.current, lang)} (${c.hhi.change > 0 ? '+' : ''}${money(c.hhi.change, lang)})`,
        ],
        [t(lang, 'newClients'), names(c.newClients)],
        [t(lang, 'lostClients'), names(c.lostClients)],
      ],
    },
    {
      kind: 'table',
      title: t(lang, 'classChanges'),
      columns: [{ label: t(lang, 'client') }, { label: t(lang, 'before') }, { label: t(lang, 'now') }],
      rows: c.classChanges.map((x) => [x.client, className(x.from), className(x.to)]),
      empty: t(lang, 'none'),
    },
    {
      kind: 'table',
      title: t(lang, 'topClients'),
      columns: [
        { label: t(lang, 'client') },
        { label: t(lang, 'before'), align: 'right' },
        { label: t(lang, 'now'), align: 'right' },
        { label: t(lang, 'change'), align: 'right' },
      ],
      rows: c.topClients.map((x) => [
        x.client,
        percent(x.previousShare, lang),
        percent(x.share, lang),
        x.change === null
          ? { text: t(lang, 'newInPeriod'), tone: 'key' }
          : { text: points(x.change, lang), tone: x.change > 0 ? 'warn' : 'good' },
      ]),
    },
  ];
}

/** Why there is no comparison, in one line: nothing won in the previous period (and when the deals begin), or a net refund. */
function noComparisonLine(r: ReportResult, n: NoComparison, lang: Lang): string {
  const line = t(lang, n.reason === 'no-won-deals' ? 'noComparison' : 'noComparisonNonPositive')
    .replace('{from}', isoDate(r.previousPeriod.from, lang))
    .replace('{to}', isoDate(r.previousPeriod.to, lang));
  const first =
    n.firstOrder === null ? '' : ` (${t(lang, 'firstOrder').replace('{date}', isoDate(n.firstOrder, lang))})`;
  return `${line}${first}`;
}

/** Clients named under the Pareto chart's axis: the largest, where a name has room. */
const PARETO_NAMED = 10;

/**
 * The Pareto chart's bars and cumulative line: clients with a share (net refunds have none to
 * draw), each titled with its name, share and class and coloured by its class, the first named.
 */
function paretoBars(
  clients: ClientShare[],
  lang: Lang,
): { bars: Extract<Chart, { type: 'pareto' }>['bars']; cumulative: number[] } {
  const bars: Extract<Chart, { type: 'pareto' }>['bars'] = [];
  const cumulative: number[] = [];
  for (const c of clients) {
    if (c.share === null || c.cumulativeShare === null || c.class === null) continue;
    const tone = CLASS_TONE[c.class];
    bars.push({
      title: `${c.client}: ${percent(c.share, lang)} (${t(lang, c.class)})`,
      share: c.share,
      ...(bars.length < PARETO_NAMED ? { label: c.client } : {}),
      ...(tone ? { tone } : {}),
    });
    cumulative.push(c.cumulativeShare);
  }
  return { bars, cumulative };
}

function charts(
  r: ReportResult,
  lang: Lang,
): { pareto: Chart | null; matrix: Chart | null; leads: Chart | null; timeline: Chart | null } {
  const share = r.share;
  const pareto: Chart | null = share
    ? {
        type: 'pareto',
        name: t(lang, 'concentrationChartName'),
        ...paretoBars(share.clients.slice(0, 40), lang),
        legend: (['golden', 'critical', 'key', 'regular'] as const).map((k) => ({
          label: t(lang, k),
          ...(CLASS_TONE[k] ? { tone: CLASS_TONE[k] } : {}),
        })),
        lines: [share.thresholds.key, share.thresholds.critical, share.thresholds.golden].map((at) => ({
          at,
          label: limitPercent(at, lang),
        })),
        axis: [0, 0.25, 0.5, 0.75, 1].map((f) => wholePercent(f, lang)),
      }
    : null;
  const m = r.matrix;
  const matrixCell = (q: 'want_can' | 'want_only' | 'can_only' | 'neither', tone: 'good' | 'key' | 'warn' | 'bad') => ({
    title: t(lang, q),
    value: `${m?.counts[q] ?? 0}${m?.revenue ? ` · ${money(m.revenue[q], lang)}` : ''}`,
    tone,
  });
  const matrix: Chart | null = m
    ? {
        type: 'grid',
        name: t(lang, 'matrixChartName'),
        colLabels: [t(lang, 'gridCan'), t(lang, 'gridCannot')],
        rowLabels: [t(lang, 'gridWants'), t(lang, 'gridDoesNotWant')],
        cells: [
          [matrixCell('want_can', 'good'), matrixCell('want_only', 'key')],
          [matrixCell('can_only', 'warn'), matrixCell('neither', 'bad')],
        ],
      }
    : null;
  const l = r.leads;
  const leadCell = (
    g: 'fast-big' | 'fast-small' | 'slow-big' | 'slow-small',
    tone: 'good' | 'key' | 'warn' | 'muted',
  ) => {
    const s = l?.groups.find((x) => x.group === g);
    return { title: t(lang, g), value: `${s?.count ?? 0} · ${money(s?.amount ?? 0, lang)}`, tone };
  };
  const leads: Chart | null = l
    ? {
        type: 'grid',
        name: t(lang, 'leadsChartName'),
        colLabels: [t(lang, 'big'), t(lang, 'small')],
        rowLabels: [t(lang, 'fast'), t(lang, 'slow')],
        cells: [
          [leadCell('fast-big', 'good'), leadCell('fast-small', 'key')],
          [leadCell('slow-big', 'warn'), leadCell('slow-small', 'muted')],
        ],
      }
    : null;
  const c = r.cadence;
  const days = c ? [c.window.from, c.window.to, ...c.timeline.flatMap((x) => [...x.positives, ...x.negatives])] : [];
  const dayText = lang === 'en' ? undefined : Object.fromEntries(days.map((d) => [d, isoDate(d, lang)]));
  const timeline: Chart | null = c
    ? {
        type: 'timeline',
        name: t(lang, 'timelineChartName')
          .replace('{from}', isoDate(c.window.from, lang))
          .replace('{to}', isoDate(c.window.to, lang)),
        from: c.window.from,
        to: c.window.to,
        rows: c.timeline.map((x) => ({ label: x.client, positives: x.positives, negatives: x.negatives })),
        ...(dayText ? { dayText } : {}),
      }
    : null;
  return { pareto, matrix, leads, timeline };
}

/** Why the as-of day is that day: folio's choice in words, or the flag that gave it. */
function asOfReason(r: ReportResult, lang: Lang): string {
  if (r.asOfSource === 'period') return t(lang, 'asOfAfterPeriod');
  return r.asOfSource === 'today' ? t(lang, 'asOfToday') : '--as-of';
}

/** The as-of day, and why it is that day when folio chose it. */
function asOfText(r: ReportResult, lang: Lang): string {
  const day = isoDate(r.asOf, lang);
  return r.asOfSource === 'given' ? day : `${day} (${asOfReason(r, lang)})`;
}

/**
 * `files`: how each input was taken, in `lang` (the JSON's `files` are the same in English);
 * `allLeads`: every lead in the queue, not the first of each group.
 */
export function reportDoc(r: ReportResult, warnings: Warning[], lang: Lang, files: string[], allLeads = false): Doc {
  const chart = charts(r, lang);
  const sections: Section[] = [
    {
      kind: 'facts',
      facts: [
        [t(lang, 'period'), span(r.period, lang)],
        [t(lang, 'previousPeriod'), span(r.previousPeriod, lang)],
        [t(lang, 'asOf'), asOfText(r, lang)],
      ],
    },
  ];
  const skipped = (key: MessageKey): Section => ({
    kind: 'notes',
    lines: [{ text: t(lang, 'skipped'), tone: 'muted' }],
    title: t(lang, key),
  });
  if (r.share) {
    sections.push({ kind: 'heading', title: t(lang, 'portfolioSection') }, ...shareSections(r.share, lang));
    if (chart.pareto) sections.push({ kind: 'chart', title: t(lang, 'concentrationChart'), chart: chart.pareto });
    if (r.comparison) sections.push(...comparisonSections(r.comparison, lang));
    else if (r.noComparison)
      sections.push({
        kind: 'notes',
        title: t(lang, 'comparison'),
        lines: [{ text: noComparisonLine(r, r.noComparison, lang), tone: 'muted' }],
      });
  } else sections.push(skipped('portfolioSection'));
  if (r.dynamics)
    sections.push(
      { kind: 'heading', title: t(lang, 'clientBaseSection') },
      ...clientBaseSections(r.dynamics, r.previousStages, lang),
    );
  else sections.push(skipped('clientBaseSection'));
  if (r.matrix) {
    sections.push({ kind: 'heading', title: t(lang, 'matrixSection') });
    if (chart.matrix) sections.push({ kind: 'chart', chart: chart.matrix });
    sections.push(...matrixSections(r.matrix, lang));
  } else sections.push(skipped('matrixSection'));
  if (r.leads) {
    sections.push({ kind: 'heading', title: t(lang, 'leadsSection') });
    if (chart.leads) sections.push({ kind: 'chart', chart: chart.leads });
    sections.push(...leadsSections(r.leads, lang, allLeads));
  } else sections.push(skipped('leadsSection'));
  if (r.cadence) {
    sections.push({ kind: 'heading', title: t(lang, 'cadenceSection') }, ...cadenceSections(r.cadence, lang));
    if (chart.timeline) sections.push({ kind: 'chart', title: t(lang, 'timelineChart'), chart: chart.timeline });
  } else sections.push(skipped('cadenceSection'));
  if (r.offers) sections.push({ kind: 'heading', title: t(lang, 'offersSection') }, ...offersSections(r.offers, lang));
  else sections.push(skipped('offersSection'));
  if (r.funnel) sections.push({ kind: 'heading', title: t(lang, 'funnelSection') }, ...funnelSections(r.funnel, lang));
  else sections.push(skipped('funnelSection'));
  sections.push(
    { kind: 'heading', title: t(lang, 'warnings') },
    {
      kind: 'notes',
      lines:
        warnings.length > 0
          ? warnings.map((w) => ({ text: warningText(w, lang), tone: 'warn' as const }))
          : [t(lang, 'none')],
    },
  );
  sections.push({ kind: 'notes', title: t(lang, 'inputsSection'), lines: files });
  return { title: reportTitle(r.period, lang), sections, lang };
}

/** The comparison as data: the figures, the class changes, new and lost clients, the top clients' shares. */
function comparisonTables(c: Comparison, lang: Audience): DataTable[] {
  const className = (k: string | null): string | null => coded(lang, k, k as MessageKey | null);
  return [
    dataTable(
      'comparison',
      lang,
      [
        ['keyShare', 'share'],
        ['previousKeyShare', 'share'],
        ['keyShareChange', 'share'],
        ['hhi', 'decimal'],
        ['previousHhi', 'decimal'],
        ['hhiChange', 'decimal'],
        ['newClients', 'integer'],
        ['lostClients', 'integer'],
      ],
      [
        {
          keyShare: c.keyShare.current,
          previousKeyShare: c.keyShare.previous,
          keyShareChange: c.keyShare.change,
          hhi: c.hhi.current,
          previousHhi: c.hhi.previous,
          hhiChange: c.hhi.change,
          newClients: c.newClients.length,
          lostClients: c.lostClients.length,
        },
      ],
      true,
    ),
    dataTable(
      'classChanges',
      lang,
      [
        ['client', 'text'],
        ['previousClass', 'text'],
        ['class', 'text'],
      ],
      c.classChanges.map((x) => ({ client: x.client, previousClass: className(x.from), class: className(x.to) })),
    ),
    dataTable(
      'newAndLost',
      lang,
      [
        ['client', 'text'],
        ['movement', 'text'],
      ],
      [
        ...c.newClients.map((client) => ({ client, movement: coded(lang, 'new', 'newInPeriod') })),
        ...c.lostClients.map((client) => ({ client, movement: coded(lang, 'lost', 'dynLost') })),
      ],
    ),
    dataTable(
      'topClients',
      lang,
      [
        ['client', 'text'],
        ['previousShare', 'share'],
        ['share', 'share'],
        ['change', 'share'],
      ],
      c.topClients.map((x) => ({ client: x.client, previousShare: x.previousShare, share: x.share, change: x.change })),
    ),
  ];
}

/**
 * Every section of the report as data, in the document's order: the report's days, then each
 * analysis present, the warnings and the inputs. A new analysis adds its tables here and
 * reaches NDJSON, CSV and the workbook with no change to them.
 */
export function reportTables(r: ReportResult, warnings: Warning[], lang: Audience, files: string[]): DataTable[] {
  const say = lang ?? 'en';
  const head = {
    periodFrom: r.period.from,
    periodTo: r.period.to,
    previousFrom: r.previousPeriod.from,
    previousTo: r.previousPeriod.to,
    asOf: r.asOf,
    asOfSource: lang === null ? r.asOfSource : asOfReason(r, lang),
    comparison:
      r.comparison !== null
        ? coded(lang, 'previous-period', 'comparison')
        : r.noComparison === null
          ? null
          : lang === null
            ? r.noComparison.reason
            : noComparisonLine(r, r.noComparison, lang),
  };
  return [
    dataTable(
      'report',
      lang,
      [
        ['periodFrom', 'date'],
        ['periodTo', 'date'],
        ['previousFrom', 'date'],
        ['previousTo', 'date'],
        ['asOf', 'date'],
        ['asOfSource', 'text'],
        ['comparison', 'text'],
      ],
      [head],
      true,
    ),
    ...(r.share ? shareTables(r.share, lang) : []),
    ...(r.comparison ? comparisonTables(r.comparison, lang) : []),
    ...(r.dynamics ? dynamicsTables(r.dynamics, lang, r.previousStages) : []),
    ...(r.matrix ? matrixTables(r.matrix, lang) : []),
    ...(r.leads ? leadsTables(r.leads, lang) : []),
    ...(r.cadence ? cadenceTables(r.cadence, lang) : []),
    ...(r.offers ? offersTables(r.offers, lang) : []),
    ...(r.funnel ? funnelTables(r.funnel, lang) : []),
    dataTable(
      'warnings',
      lang,
      [
        ['code', 'text'],
        ['message', 'text'],
      ],
      warnings.map((w) => ({ code: w.code, message: warningText(w, say) })),
    ),
    dataTable(
      'files',
      lang,
      [['input', 'text']],
      files.map((input) => ({ input })),
    ),
  ];
}
