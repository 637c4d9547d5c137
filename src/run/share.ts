import { analyzeShare, type RevenueClass, type ShareOptions, type ShareResult } from '../analyses/share.js';
import { periodJson, type Period } from '../normalize/period.js';
import type { Cell, Doc, MachineRow, Section, Tone } from '../render/document.js';
import { money, percent } from '../present/format.js';
import { t, type Lang } from '../present/i18n.js';
import { buildEnvelope } from '../render/json.js';
import type { RevenueLedger } from '../analyses/ledger.js';
import { FolioError } from '../errors.js';
import type { InputOptions, InputReport, Warning } from '../load/input-options.js';
import { loadDeals, type DealFilter } from '../load/deals.js';
import type { CommandOutput } from './output.js';

export interface ShareRunOptions {
  input: InputOptions;
  filter: DealFilter;
  share: ShareOptions;
  lang: Lang;
}

export type ShareJson = ShareResult & {
  currency: string | null;
  thresholds: { golden: number; critical: number; key: number; bands: ShareOptions['bands']; maxKeyClients: number };
};

export interface ComputedShare {
  result: ShareJson;
  /** Revenue per client, exact, for the analyses that add it to their own clients. */
  ledger: RevenueLedger;
  /** The previous period's shares, when `filter.previous` was given. */
  previous: ShareResult | null;
  /** Revenue of `filter.trailing`, read in the same pass. */
  trailing: RevenueLedger | null;
  input: InputReport;
  warnings: Warning[];
}

/** Read deals and analyse shares: the data of `share`, reused by `report` and `check`. */
export async function computeShare(options: Omit<ShareRunOptions, 'lang'>): Promise<ComputedShare> {
  const loaded = await loadDeals(options.input, options.filter);
  if (loaded.input.used === 0) throw noRevenue(loaded.input, options.filter.period);
  const analysis = analyzeShare(loaded.ledger.clients.values(), options.share);
  const result: ShareJson = {
    ...analysis,
    currency: loaded.currency,
    thresholds: { golden: options.share.golden, critical: options.share.critical, key: options.share.key, bands: options.share.bands, maxKeyClients: options.share.maxKeyPerManager },
  };
  const warnings = [...loaded.warnings, ...nonPositiveWarnings(analysis)];
  for (const m of analysis.managers) {
    if (m.overloaded) {
      warnings.push({
        code: 'MANAGER_OVERLOAD',
        message: `${m.manager} carries ${m.keyClients} key clients (more than ${options.share.maxKeyPerManager}): ${m.clients.join(', ')}`,
      });
    }
  }
  // An empty previous period is a comparison with nothing, not an error.
  const previous = loaded.previous && loaded.previous.clients.size > 0 ? analyzeShareOrNull(loaded.previous, options.share) : null;
  return { result, ledger: loaded.ledger, previous, trailing: loaded.trailing, input: loaded.input, warnings };
}

const MAX_NAMED = 10;

/** Clients whose refunds outweigh their sales: no share, no class; named with their net. */
export function nonPositiveWarnings(result: ShareResult): Warning[] {
  const clients = result.clients.filter((c) => c.share === null);
  if (clients.length === 0) return [];
  const named = clients.slice(0, MAX_NAMED).map((c) => `${c.client} (${String(c.revenue)})`);
  const more = clients.length > MAX_NAMED ? `, and ${clients.length - MAX_NAMED} more` : '';
  return [
    {
      code: 'NON_POSITIVE_CLIENTS',
      message: `${clients.length} client(s) with zero or negative net revenue (refunds) get no share or class and are listed last; shares are of the ${String(result.portfolio.shareBase)} the other clients bring: ${named.join(', ')}${more}`,
    },
  ];
}

/** Why no row counted, with the numbers a user needs to fix the command. */
function noRevenue(input: InputReport, period: Period | null): FolioError {
  const p = periodJson(period);
  const where = p ? ` in ${p.from ?? '…'} — ${p.to ?? '…'}` : '';
  const why = Object.entries(input.excluded)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${n} by ${reason}`)
    .join(', ');
  return new FolioError({
    code: 'NO_REVENUE',
    file: input.file,
    message: `no won deal${where}: of ${input.rows} rows, ${why || 'none'} excluded, ${input.skipped} skipped`,
    hint: p ? 'check the period (--period, --from, --to); `folio inspect` shows the dates as read' : 'check which statuses count as won (--won); `folio inspect` shows them as read',
  });
}

function analyzeShareOrNull(ledger: RevenueLedger, options: ShareOptions): ShareResult | null {
  try {
    return analyzeShare(ledger.clients.values(), options);
  } catch (error) {
    if (error instanceof FolioError && error.code === 'NON_POSITIVE_TOTAL') return null;
    throw error;
  }
}

export async function runShare(options: ShareRunOptions): Promise<CommandOutput> {
  const { result, input, warnings } = await computeShare(options);
  return {
    envelope: buildEnvelope('share', periodJson(options.filter.period), [input], result, warnings),
    doc: () => shareDoc(result, options.filter.period, options.lang),
    rows: () => shareRows(result),
    columns: ['rank', 'client', 'revenue', 'share', 'cumulativeShare', 'class', 'manager'],
    exitCode: 0,
  };
}

export function shareRows(result: ShareResult): MachineRow[] {
  return result.clients.map((c) => ({
    rank: c.rank,
    client: c.client,
    revenue: c.revenue,
    share: c.share,
    cumulativeShare: c.cumulativeShare,
    class: c.class,
    manager: c.manager ?? null,
  }));
}

const CLASS_TONE: Record<RevenueClass, Tone | undefined> = {
  golden: 'golden',
  critical: 'critical',
  key: 'key',
  regular: undefined,
};

function periodText(period: Period | null, lang: Lang): string {
  const json = periodJson(period);
  if (json === null) return t(lang, 'allRows');
  return `${json.from ?? '…'} — ${json.to ?? '…'}`;
}

/** The share result as people read it: the client table, then the portfolio. */
export function shareSections(result: ShareJson, lang: Lang): Section[] {
  const hasManagers = result.clients.some((c) => c.manager !== undefined);
  const top = result.clients[0]?.share ?? 0;
  const rows: Cell[][] = result.clients.map((c) => {
    const tone = c.class === null ? 'warn' : CLASS_TONE[c.class];
    const className = t(lang, c.class ?? 'noShare');
    const row: Cell[] = [
      String(c.rank),
      tone ? { text: c.client, tone } : c.client,
      money(c.revenue, lang),
      { text: percent(c.share, lang), bar: top > 0 && c.share !== null ? c.share / top : 0 },
      percent(c.cumulativeShare, lang),
      tone ? { text: className, tone } : className,
    ];
    if (hasManagers) row.push(c.manager ?? '');
    return row;
  });
  const columns = [
    { label: t(lang, 'rank'), align: 'right' as const },
    { label: t(lang, 'client') },
    { label: t(lang, 'revenue'), align: 'right' as const },
    { label: t(lang, 'share') },
    { label: t(lang, 'cumulative'), align: 'right' as const },
    { label: t(lang, 'class') },
    ...(hasManagers ? [{ label: t(lang, 'manager') }] : []),
  ];
  const p = result.portfolio;
  const bandTone: Tone = p.band === 'mono' ? 'bad' : p.band === 'elevated' ? 'warn' : 'good';
  const currency = result.currency ? ` ${result.currency}` : '';
  const sections: Section[] = [
    { kind: 'table', columns, rows },
    {
      kind: 'facts',
      title: t(lang, 'portfolio'),
      facts: [
        [t(lang, 'total'), `${money(result.total, lang)}${currency}`],
        ...(p.shareBase !== result.total ? [[t(lang, 'shareBase'), `${money(p.shareBase, lang)}${currency}`] as [string, string]] : []),
        [t(lang, 'clients'), String(p.clients)],
        [t(lang, 'keyClients'), String(p.keyClients)],
        [t(lang, 'keyShare'), { text: `${percent(p.keyShare, lang)} (${t(lang, p.band)})`, tone: bandTone }],
        [t(lang, 'top1'), percent(p.top1, lang)],
        [t(lang, 'top5'), percent(p.top5, lang)],
        [t(lang, 'hhi'), money(p.hhi, lang)],
      ],
    },
  ];
  if (result.managers.length > 0) {
    sections.push({
      kind: 'table',
      title: t(lang, 'managersTitle'),
      columns: [{ label: t(lang, 'manager') }, { label: t(lang, 'keyClientsShort'), align: 'right' }, { label: t(lang, 'clients') }],
      rows: result.managers.map((m) => [
        m.overloaded ? { text: m.manager, tone: 'warn' } : m.manager,
        m.overloaded ? { text: `${m.keyClients} (${t(lang, 'overloaded')})`, tone: 'warn' } : String(m.keyClients),
        m.clients.join(', '),
      ]),
    });
  }
  const advice: Cell[] = [];
  if (result.clients.some((c) => c.class === 'golden')) advice.push({ text: t(lang, 'adviceGolden'), tone: 'bad' });
  else if (result.clients.some((c) => c.class === 'critical')) advice.push({ text: t(lang, 'adviceCritical'), tone: 'warn' });
  if (p.band === 'mono') advice.push({ text: t(lang, 'adviceMono').replace('{mono}', String(result.thresholds.bands.mono)), tone: 'bad' });
  if (p.keyClients > 0) advice.push(t(lang, 'adviceKey'));
  if (advice.length > 0) sections.push({ kind: 'notes', title: t(lang, 'advice'), lines: advice });
  return sections;
}

function shareDoc(result: ShareJson, period: Period | null, lang: Lang): Doc {
  return { title: `${t(lang, 'shareTitle')} · ${t(lang, 'period')}: ${periodText(period, lang)}`, sections: shareSections(result, lang) };
}
