import type { Amount } from '../normalize/money.js';
import { inputNotes } from '../present/messages/inputs.js';
import { warningJson } from '../present/messages/warnings.js';
import { warning } from '../codes/warnings.js';
import { reportDoc, reportTables } from '../present/report.js';
import type { ReportResult } from '../analyses/report.js';
import { compareShares } from '../analyses/compare.js';
import type { ShareOptions } from '../analyses/share.js';
import type { Role, ChosenFile, UnusedFile } from '../load/inputs.js';
import { formatDay } from '../normalize/dates.js';
import { periodJson, type AsOfSource, type Period } from '../normalize/period.js';
import type { Vocabulary } from '../normalize/vocabulary.js';
import { type Lang } from '../present/i18n.js';
import { buildEnvelope } from '../schema/build.js';
import { cadenceWindow, computeCadence } from './cadence.js';
import { hasKeySource, trailingYear, type KeySources } from '../analyses/key-clients.js';
import { clientNamesOf, type InputOptions } from '../load/input-options.js';
import type { ClientNames } from '../normalize/client-names.js';
import type { InputReport, Warning } from '../schema/envelope.js';
import { computeLeads } from './leads.js';
import { loadClients } from '../load/clients.js';
import { computeMatrix, revenueByClient, type ClientRevenueMap } from './matrix.js';
import type { CommandOutput } from './output.js';
import { computeShare } from './share.js';
import {
  analyzeDynamics,
  dynamicsWindow,
  stageCounts,
  type DynamicsJson,
  type DynamicsOptions,
  type DynamicsResult,
  type Stage,
} from '../analyses/dynamics.js';
import { DealHistory } from '../analyses/history.js';
import { isFolioError } from '../folio-error.js';
import { dynamicsJson, dynamicsWarnings, managersKnown } from './dynamics.js';
import { ContactDays } from '../analyses/offers.js';
import { contactColumnWarning, ContactSink, loadContacts } from '../load/offers.js';
import type { Activity } from '../normalize/activities.js';
import { SameFields } from '../load/rows.js';
import { offerClients, offersResult, readOffers, type ReadOffers } from './offers.js';
import { FunnelContacts, type FunnelResult } from '../analyses/funnel.js';
import { FunnelContactSink, funnelLogWarnings } from '../load/funnel.js';
import { channelFunnel, funnelWindow } from './funnel.js';
import { loadCalendar } from '../load/holidays.js';

export interface ReportOptions {
  /** The files of each role given; several files of one role are read as one table. */
  files: Partial<Record<Role, InputOptions[]>>;
  /** How each file was found, shown in the report. */
  chosen: ChosenFile[];
  /** The folder searched, if any, and the files in it that were not used: named when an input is missing. */
  folder: string | null;
  unused: UnusedFile[];
  period: Period;
  /** False when `period` is the default (the last full month before as-of), not the user's. */
  periodGiven: boolean;
  asOf: number;
  asOfSource: AsOfSource;
  share: ShareOptions;
  /** The user's additions to the status, outcome and channel lists. */
  vocabulary: Vocabulary;
  currency: string | undefined;
  wantMin: number | null;
  canMin: number | null;
  leads: { fastDays: number; big: Amount | null; maxLeads: number | null };
  cadence: { maxGap: number; cooloff: number; dueSoon: number; dossierMonths: number };
  /** `holidays`: `--holidays` (ru, bg, files of days); none: public holidays are not known. */
  offerRules: { followUpDays: number; expiringDays: number; holidays: readonly string[] };
  funnel: { confidence: number };
  lang: Lang;
  /** Key clients named with --key-client; with them, or with --all-clients, no other source chooses. */
  keyClients: string[];
  allClients: boolean;
  /** Whose revenue classes make a client key for the cadence: the 12 months up to as-of, or the period. */
  keyPeriod: '12m' | 'period';
  dynamics: DynamicsOptions;
  /** List every lead in the report's documents, not the first of each group. */
  allLeads: boolean;
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
  // Read first, so that a mistyped file stops the run before the exports are read.
  const calendar = await loadCalendar(o.offerRules.holidays);
  const names = clientNamesOf(...Object.values(o.files));
  const out: ReportData = {
    result: {
      asOf: formatDay(o.asOf),
      asOfSource: o.asOfSource,
      period: span(o.period),
      previousPeriod: span(previous),
      files: inputNotes(o.chosen, o.unused, 'en'),
      share: null,
      comparison: null,
      noComparison: null,
      matrix: null,
      leads: null,
      cadence: null,
      offers: null,
      funnel: null,
      dynamics: null,
      previousStages: null,
    },
    inputs: [],
    warnings: [],
  };
  // Each file is read once: the deals feed the period, the previous period and the 12
  // months that choose the key clients in one pass; the clients file feeds the matrix and
  // the cadence.
  const chooseByName = o.allClients || o.keyClients.length > 0;
  const deals = o.files.deals ? await reportDeals(out, o, previous, names, chooseByName) : null;
  const clients = o.files.clients ? await reportClients(out, o, o.files.clients, deals?.revenue, chooseByName) : null;
  if (o.files.leads) {
    const leads = await computeLeads({
      inputs: o.files.leads,
      vocabulary: o.vocabulary,
      leads: { asOf: o.asOf, ...o.leads },
      currency: o.currency,
    });
    out.result.leads = leads.result;
    out.inputs.push(...leads.inputs);
    out.warnings.push(...leads.warnings);
  }
  // The offers come before the log, so that one pass over the log serves the cadence and the follow-up rule.
  const offers: ReadOffers | null = o.files.offers
    ? await readOffers(o.files.offers, o.vocabulary, o.asOf, o.currency)
    : null;
  if (offers) {
    out.inputs.push(...offers.inputs);
    out.warnings.push(...offers.warnings);
  }
  const keys = { names, named: o.keyClients, all: o.allClients, classes: deals?.classes ?? null, clients };
  const contactLog = o.files.activities
    ? await reportActivities(out, o, o.files.activities, { keys, offers, history: deals?.history ?? null })
    : null;
  if (offers) {
    const { followUpDays, expiringDays } = o.offerRules;
    const rules = { asOf: o.asOf, followUpDays, expiringDays, window: o.period, calendar };
    const done = offersResult(offers, contactLog, rules);
    out.result.offers = done.result;
    out.warnings.push(...done.warnings);
  }
  out.warnings.push(...names.warnings());
  return out;
}

/**
 * The deals, read once: the period's share and the comparison with the previous period, the
 * client base over the dynamics window, and the revenue classes that choose the key clients
 * (of the 12 months up to as-of when the cadence asks for them, else of the period).
 */
async function reportDeals(
  out: ReportData,
  o: ReportOptions,
  previous: Period,
  names: ClientNames,
  chooseByName: boolean,
): Promise<{ revenue: ClientRevenueMap; classes: KeySources['classes']; history: DealHistory }> {
  const trailing = trailingYear(o.asOf);
  const wantTrailing = !chooseByName && o.keyPeriod === '12m' && o.files.activities !== undefined;
  const history = new DealHistory(dynamicsWindow(o.asOf, o.dynamics.months), names);
  const share = await computeShare({
    inputs: o.files.deals ?? [],
    filter: {
      vocabulary: o.vocabulary,
      currency: o.currency,
      period: o.period,
      periodGiven: o.periodGiven,
      previous,
      trailing: wantTrailing ? trailing : null,
      history,
    },
    share: o.share,
  });
  const { result } = out;
  result.share = share.result;
  if (share.previous) result.comparison = compareShares(share.result, share.previous);
  else if (share.noPrevious) {
    const first = history.firstOrder();
    result.noComparison = { reason: share.noPrevious, firstOrder: first === null ? null : formatDay(first) };
  }
  out.inputs.push(...share.inputs);
  out.warnings.push(...share.warnings);
  const base = clientBase(history, o, previous, share.inputs, share.result.currency);
  result.dynamics = base.dynamics;
  result.previousStages = base.previousStages;
  out.warnings.push(...base.warnings);
  let classes: KeySources['classes'] = null;
  if (!chooseByName) {
    classes = share.trailing
      ? { ledger: share.trailing, share: o.share, from: '12m', over: trailing }
      : { ledger: share.ledger, share: o.share, from: 'period', over: o.period };
  }
  return { revenue: revenueByClient(share.ledger, share.result), classes, history };
}

/** The clients file: a source of key clients, and the want/can matrix when it has both flags (over the deals' revenue). */
async function reportClients(
  out: ReportData,
  o: ReportOptions,
  client: InputOptions[],
  revenue: ClientRevenueMap | undefined,
  chooseByName: boolean,
): Promise<KeySources['clients']> {
  const loaded = await loadClients(client, o.wantMin, o.canMin, false);
  // Every clients file maps the same fields, so the first says whether the list has the flags.
  const columns = loaded.inputs[0]?.columns ?? {};
  const forMatrix = columns.want !== undefined && columns.can !== undefined;
  out.inputs.push(...loaded.inputs);
  out.warnings.push(...loaded.warnings);
  if (forMatrix) {
    // The deals were read once for the portfolio; the matrix takes their revenue as is.
    const matrix = await computeMatrix({
      inputs: client,
      clients: loaded,
      wantMin: o.wantMin,
      canMin: o.canMin,
      deals: null,
      ...(revenue ? { revenue } : {}),
      lang: o.lang,
    });
    out.result.matrix = matrix.result;
    out.warnings.push(...matrix.warnings);
  }
  return { loaded, file: client.map((c) => c.source.name).join(', '), useKeyColumn: !chooseByName };
}

/**
 * The activity log, read once for the cadence, the offers' follow-up and the funnel (or for the
 * follow-up alone when no key client can be chosen). Returns the contacts the follow-up rule
 * judges by, or null without offers.
 */
async function reportActivities(
  out: ReportData,
  o: ReportOptions,
  logs: InputOptions[],
  with_: { keys: KeySources; offers: ReadOffers | null; history: DealHistory | null },
): Promise<ContactDays | null> {
  const { keys, offers } = with_;
  const { names } = keys;
  const contacts = offers ? new ContactSink(new ContactDays(), offerClients(offers.offers), o.asOf, names) : null;
  // The funnel reads the same pass over the log: its calls and meetings, and the deals' won days.
  const funnel = o.files.deals
    ? new FunnelContactSink(new FunnelContacts(funnelWindow(o.period, o.asOf), o.asOf), o.vocabulary, names)
    : null;
  const keyed = hasKeySource({
    named: o.keyClients,
    all: o.allClients,
    deals: o.files.deals !== undefined,
    clients: o.files.clients !== undefined,
  });
  if (keyed) {
    const cadence = await computeCadence({
      inputs: logs,
      window: cadenceWindow(o.period, o.asOf),
      cadence: { asOf: o.asOf, ...o.cadence },
      vocabulary: o.vocabulary,
      keys,
      ...(contacts || funnel
        ? {
            also: (a: Activity) => {
              contacts?.accept(a);
              funnel?.accept(a);
            },
          }
        : {}),
    });
    out.result.cadence = cadence.result;
    out.inputs.push(...cadence.inputs);
    out.warnings.push(...cadence.warnings);
    if (funnel) {
      const drawn = reportFunnel(funnel, with_.history, cadence.inputs, o);
      out.result.funnel = drawn.result;
      out.warnings.push(...drawn.warnings);
    }
    if (!contacts) return null;
    for (const input of cadence.inputs) {
      const channel = contactColumnWarning(input.file, input.columns.channel !== undefined);
      if (channel) out.warnings.push(channel);
    }
    return contacts.log;
  }
  out.warnings.push(warning('CADENCE_SKIPPED', {}));
  if (!offers) return null;
  // No cadence pass to share: the logs are read for the follow-up rule alone.
  const contactLog = new ContactDays();
  const fields = new SameFields('activities');
  for (const log of logs) {
    const loaded = await loadContacts(log, o.vocabulary, offerClients(offers.offers), o.asOf, contactLog, fields);
    out.inputs.push(loaded.input);
    out.warnings.push(...loaded.warnings);
  }
  return contactLog;
}

/** The funnel of the log the cadence read, or why the report has none (no channel column, no calls or meetings). */
function reportFunnel(
  sink: FunnelContactSink,
  history: DealHistory | null,
  logs: InputReport[],
  o: ReportOptions,
): { result: FunnelResult | null; warnings: Warning[] } {
  const files = logs.map((i) => i.file);
  if (!logs.every((i) => i.columns.channel !== undefined))
    return { result: null, warnings: [warning('FUNNEL_SKIPPED', { why: 'no-channel-column', files, missing: [] })] };
  const missing = sink.lacking();
  if (missing.length > 0)
    return { result: null, warnings: [warning('FUNNEL_SKIPPED', { why: 'no-calls-or-meetings', files, missing })] };
  const drawn = channelFunnel(sink, history, {
    asOf: o.asOf,
    confidence: o.funnel.confidence,
    managers: logs.every((i) => i.columns.manager !== undefined),
    files,
  });
  return { result: drawn.result, warnings: [...funnelLogWarnings(files.join(', '), sink), ...drawn.warnings] };
}

/**
 * The client base as of the report's day, and its stage counts as of the same day one
 * period earlier (the history holds every date, so one pass serves both).
 */
function clientBase(
  history: DealHistory,
  o: ReportOptions,
  previous: Period,
  inputs: InputReport[],
  currency: string | null,
): { dynamics: DynamicsJson | null; previousStages: Record<Stage, number> | null; warnings: Warning[] } {
  const window = dynamicsWindow(o.asOf, o.dynamics.months);
  const now = dynamicsOrNull(history, o.asOf, o.dynamics, managersKnown(inputs));
  if (now === null)
    return {
      dynamics: null,
      previousStages: null,
      warnings: [warning('WINDOW_NO_REVENUE', { from: formatDay(window.from), to: formatDay(window.to) })],
    };
  const before = dynamicsOrNull(history, o.asOf - (o.period.to - previous.to), o.dynamics, false);
  return {
    dynamics: dynamicsJson(now, currency, o.dynamics),
    previousStages: before ? stageCounts(before) : null,
    warnings: dynamicsWarnings(now, inputs, o.dynamics.maxManagerShare),
  };
}

function dynamicsOrNull(
  history: DealHistory,
  asOf: number,
  options: DynamicsOptions,
  managers: boolean,
): DynamicsResult | null {
  try {
    return analyzeDynamics(history, asOf, options, managers);
  } catch (error) {
    if (isFolioError(error, 'NO_WINDOW_REVENUE')) return null;
    throw error;
  }
}

export async function runReport(o: ReportOptions): Promise<CommandOutput> {
  const { result, inputs, warnings } = await computeReport(o);
  return {
    envelope: buildEnvelope('report', periodJson(o.period), inputs, result, warnings.map(warningJson)),
    doc: () => reportDoc(result, warnings, o.lang, inputNotes(o.chosen, o.unused, o.lang), o.allLeads),
    tables: (lang) => reportTables(result, warnings, lang, inputNotes(o.chosen, o.unused, lang ?? 'en')),
    sectioned: true,
    docShowsWarnings: true,
    exitCode: 0,
  };
}
