import { compareShares, type Comparison } from '../analyses/compare.js';
import type { LeadsResult } from '../analyses/leads.js';
import type { ClientShare, ShareOptions } from '../analyses/share.js';
import type { Role } from '../config/settings.js';
import { formatDay } from '../normalize/dates.js';
import { periodJson, type Period } from '../normalize/period.js';
import type { Vocabulary } from '../normalize/vocabulary.js';
import type { Cell, Chart, Doc, Section } from '../render/document.js';
import { money, percent } from '../present/format.js';
import { t, type Lang, type MessageKey } from '../present/i18n.js';
import { buildEnvelope } from '../render/json.js';
import { cadenceSections, cadenceWindow, computeCadence, type CadenceJson } from './cadence.js';
import { hasKeySource, trailingYear, type KeySources } from './key-clients.js';
import type { InputOptions, InputReport, Warning } from '../load/input-options.js';
import type { UnusedFile } from '../load/inputs.js';
import { computeLeads, leadsSections } from './leads.js';
import { computeMatrix, loadClients, matrixSections, revenueByClient, type ClientRevenueMap, type MatrixJson } from './matrix.js';
import type { CommandOutput } from './output.js';
import { computeShare, shareSections, type ShareJson } from './share.js';
import { ContactDays, type OffersResult } from '../analyses/offers.js';
import { contactColumnWarning, ContactSink, loadContacts } from '../load/offers.js';
import type { Activity } from '../normalize/activities.js';
import { offersSections } from '../present/offers.js';
import { offerClients, offersResult, readOffers, type ReadOffers } from './offers.js';

export interface ReportOptions {
  files: Partial<Record<Role, InputOptions>>;
  /** How each file was found, shown in the report. */
  notes: string[];
  /** The folder searched, if any, and the files in it that were not used: named when an input is missing. */
  folder: string | null;
  unused: UnusedFile[];
  period: Period;
  asOf: number;
  share: ShareOptions;
  /** The user's additions to the status, outcome and channel lists. */
  vocabulary: Vocabulary;
  currency: string | undefined;
  wantMin: number | null;
  canMin: number | null;
  leads: { fastDays: number; big: { whole: number; micro: number } | null; maxLeads: number | null };
  cadence: { maxGap: number; cooloff: number; dueSoon: number; dossierMonths: number };
  offerRules: { followUpDays: number; expiringDays: number };
  lang: Lang;
  /** Key clients named with --key-client; with them, or with --all-clients, no other source chooses. */
  keyClients: string[];
  allClients: boolean;
  /** Whose revenue classes make a client key for the cadence: the 12 months up to as-of, or the period. */
  keyPeriod: '12m' | 'period';
}

export interface ReportResult {
  asOf: string;
  period: { from: string; to: string };
  previousPeriod: { from: string; to: string };
  files: string[];
  share: ShareJson | null;
  comparison: Comparison | null;
  matrix: MatrixJson | null;
  leads: LeadsResult | null;
  cadence: CadenceJson | null;
  offers: OffersResult | null;
}

export interface ReportData {
  result: ReportResult;
  inputs: InputReport[];
  warnings: Warning[];
}

const span = (p: Period): { from: string; to: string } => ({ from: formatDay(p.from), to: formatDay(p.to) });

/** Every analysis whose input is present, over one period, with the previous period beside it. */
export async function computeReport(o: ReportOptions): Promise<ReportData> {
  const { previousPeriod } = await import('../normalize/period.js');
  const previous = previousPeriod(o.period);
  const inputs: InputReport[] = [];
  const warnings: Warning[] = [];
  const dealFilter = { vocabulary: o.vocabulary, currency: o.currency };
  const result: ReportResult = {
    asOf: formatDay(o.asOf),
    period: span(o.period),
    previousPeriod: span(previous),
    files: o.notes,
    share: null,
    comparison: null,
    matrix: null,
    leads: null,
    cadence: null,
    offers: null,
  };

  // Each file is read once: the deals feed the period, the previous period and the 12
  // months that choose the key clients in one pass; the clients file feeds the matrix and
  // the cadence.
  const chooseByName = o.allClients || o.keyClients.length > 0;
  const trailing = trailingYear(o.asOf);
  let revenue: ClientRevenueMap | undefined;
  let classes: KeySources['classes'] = null;
  if (o.files.deals) {
    const wantTrailing = !chooseByName && o.keyPeriod === '12m' && o.files.activities !== undefined;
    const share = await computeShare({ input: o.files.deals, filter: { ...dealFilter, period: o.period, previous, trailing: wantTrailing ? trailing : null }, share: o.share });
    result.share = share.result;
    revenue = revenueByClient(share.ledger, share.result);
    result.comparison = compareShares(share.result, share.previous);
    inputs.push(share.input);
    warnings.push(...share.warnings);
    if (!chooseByName) {
      classes = share.trailing ? { ledger: share.trailing, share: o.share, from: '12m', over: trailing } : { ledger: share.ledger, share: o.share, from: 'period', over: o.period };
    }
  }
  let clients: KeySources['clients'] = null;
  if (o.files.clients) {
    const client = o.files.clients;
    const loaded = await loadClients(client, o.wantMin, o.canMin, false);
    const forMatrix = loaded.input.columns.want !== undefined && loaded.input.columns.can !== undefined;
    inputs.push(loaded.input);
    warnings.push(...loaded.warnings);
    clients = { loaded, file: client.source.name, useKeyColumn: !chooseByName };
    if (forMatrix) {
      // The deals were read once for the portfolio; the matrix takes their revenue as is.
      const matrix = await computeMatrix({ input: client, clients: loaded, wantMin: o.wantMin, canMin: o.canMin, deals: null, ...(revenue ? { revenue } : {}), lang: o.lang });
      result.matrix = matrix.result;
      warnings.push(...matrix.warnings);
    }
  }
  if (o.files.leads) {
    const leads = await computeLeads({ input: o.files.leads, vocabulary: o.vocabulary, leads: { asOf: o.asOf, ...o.leads } });
    result.leads = leads.result;
    inputs.push(leads.input);
    warnings.push(...leads.warnings);
  }
  // The offers come before the log, so that one pass over the log serves the cadence and the follow-up rule.
  const offers: ReadOffers | null = o.files.offers ? await readOffers([o.files.offers], o.vocabulary, o.asOf) : null;
  if (offers) {
    inputs.push(...offers.inputs);
    warnings.push(...offers.warnings);
  }
  const contacts = offers && o.files.activities ? new ContactSink(new ContactDays(), offerClients(offers.offers), o.asOf) : null;
  let contactLog: ContactDays | null = null;
  if (o.files.activities && hasKeySource({ named: o.keyClients, all: o.allClients, deals: o.files.deals !== undefined, clients: o.files.clients !== undefined })) {
    const cadence = await computeCadence({
      input: o.files.activities,
      window: cadenceWindow(o.period, o.asOf),
      cadence: { asOf: o.asOf, ...o.cadence },
      vocabulary: o.vocabulary,
      keys: { named: o.keyClients, all: o.allClients, classes, clients },
      ...(contacts ? { also: (a: Activity) => contacts.accept(a) } : {}),
    });
    result.cadence = cadence.result;
    inputs.push(cadence.input);
    warnings.push(...cadence.warnings);
    if (contacts) {
      contactLog = contacts.log;
      const channel = contactColumnWarning(cadence.input.file, cadence.input.columns.channel !== undefined);
      if (channel) warnings.push(channel);
    }
  } else if (o.files.activities) {
    warnings.push({ code: 'CADENCE_SKIPPED', message: 'the activity log was not checked: a deals or clients file, --key-client or --all-clients is needed to tell which clients are key' });
    if (offers) {
      // No cadence pass to share: the log is read for the follow-up rule alone.
      const loaded = await loadContacts(o.files.activities, o.vocabulary, offerClients(offers.offers), o.asOf);
      contactLog = loaded.log;
      inputs.push(loaded.input);
      warnings.push(...loaded.warnings);
    }
  }
  if (offers) {
    const done = offersResult(offers, contactLog, { asOf: o.asOf, ...o.offerRules, window: o.period });
    result.offers = done.result;
    warnings.push(...done.warnings);
  }
  return { result, inputs, warnings };
}

export async function runReport(o: ReportOptions): Promise<CommandOutput> {
  const { result, inputs, warnings } = await computeReport(o);
  return {
    envelope: buildEnvelope('report', periodJson(o.period), inputs, result, warnings),
    doc: () => reportDoc(result, warnings, o.lang),
    rows: () => (result.share?.clients ?? []).map((c) => ({ ...c, manager: c.manager ?? null })),
    columns: ['rank', 'client', 'revenue', 'share', 'cumulativeShare', 'class', 'manager'],
    exitCode: 0,
  };
}

const signedPercent = (f: number, lang: Lang): string => `${f > 0 ? '+' : ''}${percent(f, lang)}`;

function comparisonSections(c: Comparison, lang: Lang): Section[] {
  const className = (k: string | null): string => (k === null ? '—' : t(lang, k as MessageKey));
  const names = (list: string[]): Cell => (list.length === 0 ? { text: t(lang, 'none'), tone: 'muted' } : list.join(', '));
  return [
    {
      kind: 'facts',
      title: t(lang, 'comparison'),
      facts: [
        [t(lang, 'keyShare'), `${percent(c.keyShare.previous, lang)} → ${percent(c.keyShare.current, lang)} (${signedPercent(c.keyShare.change, lang)})`],
        [t(lang, 'hhi'), `${money(c.hhi.previous, lang)} → ${money(c.hhi.current, lang)} (${c.hhi.change > 0 ? '+' : ''}${money(c.hhi.change, lang)})`],
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
      columns: [{ label: t(lang, 'client') }, { label: t(lang, 'before'), align: 'right' }, { label: t(lang, 'now'), align: 'right' }, { label: t(lang, 'change'), align: 'right' }],
      rows: c.topClients.map((x) => [x.client, percent(x.previousShare, lang), percent(x.share, lang), { text: signedPercent(x.change, lang), tone: x.change > 0 ? 'warn' : 'good' }]),
    },
  ];
}

/** The Pareto chart's bars and cumulative line: clients with a share (net refunds have none to draw). */
function paretoBars(clients: ClientShare[]): { bars: { label: string; share: number }[]; cumulative: number[] } {
  const bars: { label: string; share: number }[] = [];
  const cumulative: number[] = [];
  for (const c of clients) {
    if (c.share === null || c.cumulativeShare === null) continue;
    bars.push({ label: c.client, share: c.share });
    cumulative.push(c.cumulativeShare);
  }
  return { bars, cumulative };
}

function charts(r: ReportResult, lang: Lang): { pareto: Chart | null; matrix: Chart | null; leads: Chart | null; timeline: Chart | null } {
  const share = r.share;
  const pareto: Chart | null = share
    ? { type: 'pareto', ...paretoBars(share.clients.slice(0, 40)), lines: [share.thresholds.key / 100, share.thresholds.critical / 100, share.thresholds.golden / 100] }
    : null;
  const m = r.matrix;
  const matrixCell = (q: 'want_can' | 'want_only' | 'can_only' | 'neither', tone: 'good' | 'key' | 'warn' | 'bad') => ({
    title: t(lang, q),
    value: `${m?.counts[q] ?? 0}${m?.revenue ? ` · ${money(m.revenue[q], lang)}` : ''}`,
    tone,
  });
  const matrix: Chart | null = m
    ? { type: 'grid', colLabels: [t(lang, 'gridCan'), t(lang, 'gridCannot')], rowLabels: [t(lang, 'gridWants'), t(lang, 'gridDoesNotWant')], cells: [[matrixCell('want_can', 'good'), matrixCell('want_only', 'key')], [matrixCell('can_only', 'warn'), matrixCell('neither', 'bad')]] }
    : null;
  const l = r.leads;
  const leadCell = (g: 'fast-big' | 'fast-small' | 'slow-big' | 'slow-small', tone: 'good' | 'key' | 'warn' | 'muted') => {
    const s = l?.groups.find((x) => x.group === g);
    return { title: t(lang, g), value: `${s?.count ?? 0} · ${money(s?.amount ?? 0, lang)}`, tone };
  };
  const leads: Chart | null = l
    ? { type: 'grid', colLabels: [t(lang, 'big'), t(lang, 'small')], rowLabels: [t(lang, 'fast'), t(lang, 'slow')], cells: [[leadCell('fast-big', 'good'), leadCell('fast-small', 'key')], [leadCell('slow-big', 'warn'), leadCell('slow-small', 'muted')]] }
    : null;
  const c = r.cadence;
  const timeline: Chart | null = c ? { type: 'timeline', from: c.window.from, to: c.window.to, rows: c.timeline.map((x) => ({ label: x.client, positives: x.positives, negatives: x.negatives })) } : null;
  return { pareto, matrix, leads, timeline };
}

export function reportDoc(r: ReportResult, warnings: Warning[], lang: Lang): Doc {
  const chart = charts(r, lang);
  const sections: Section[] = [
    {
      kind: 'facts',
      facts: [
        [t(lang, 'period'), `${r.period.from} — ${r.period.to}`],
        [t(lang, 'previousPeriod'), `${r.previousPeriod.from} — ${r.previousPeriod.to}`],
        [t(lang, 'asOf'), r.asOf],
      ],
    },
  ];
  const skipped = (key: MessageKey): Section => ({ kind: 'notes', lines: [{ text: t(lang, 'skipped'), tone: 'muted' }], title: t(lang, key) });
  if (r.share) {
    sections.push({ kind: 'heading', title: t(lang, 'portfolioSection') }, ...shareSections(r.share, lang));
    if (chart.pareto) sections.push({ kind: 'chart', title: t(lang, 'concentrationChart'), chart: chart.pareto });
    if (r.comparison) sections.push(...comparisonSections(r.comparison, lang));
  } else sections.push(skipped('portfolioSection'));
  if (r.matrix) {
    sections.push({ kind: 'heading', title: t(lang, 'matrixSection') });
    if (chart.matrix) sections.push({ kind: 'chart', chart: chart.matrix });
    sections.push(...matrixSections(r.matrix, lang));
  } else sections.push(skipped('matrixSection'));
  if (r.leads) {
    sections.push({ kind: 'heading', title: t(lang, 'leadsSection') });
    if (chart.leads) sections.push({ kind: 'chart', chart: chart.leads });
    sections.push(...leadsSections(r.leads, lang));
  } else sections.push(skipped('leadsSection'));
  if (r.cadence) {
    sections.push({ kind: 'heading', title: t(lang, 'cadenceSection') }, ...cadenceSections(r.cadence, lang));
    if (chart.timeline) sections.push({ kind: 'chart', title: t(lang, 'timelineChart'), chart: chart.timeline });
  } else sections.push(skipped('cadenceSection'));
  if (r.offers) sections.push({ kind: 'heading', title: t(lang, 'offersSection') }, ...offersSections(r.offers, lang));
  else sections.push(skipped('offersSection'));
  sections.push({ kind: 'heading', title: t(lang, 'warnings') }, { kind: 'notes', lines: warnings.length > 0 ? warnings.map((w) => ({ text: w.message, tone: 'warn' as const })) : [t(lang, 'none')] });
  sections.push({ kind: 'notes', title: t(lang, 'inputsSection'), lines: r.files });
  return { title: `${t(lang, 'reportTitle')} · ${r.period.from} — ${r.period.to}`, sections, lang };
}
