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
  const inputs: InputReport[] = [];
  const warnings: Warning[] = [];
  const dealFilter = { vocabulary: o.vocabulary, currency: o.currency };
  const names = clientNamesOf(...Object.values(o.files));
  const result: ReportResult = {
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
  };

  // Each file is read once: the deals feed the period, the previous period and the 12
  // months that choose the key clients in one pass; the clients file feeds the matrix and
  // the cadence.
  const chooseByName = o.allClients || o.keyClients.length > 0;
  const trailing = trailingYear(o.asOf);
  let revenue: ClientRevenueMap | undefined;
  let classes: KeySources['classes'] = null;
  let history: DealHistory | null = null;
  if (o.files.deals) {
    const wantTrailing = !chooseByName && o.keyPeriod === '12m' && o.files.activities !== undefined;
    history = new DealHistory(dynamicsWindow(o.asOf, o.dynamics.months), names);
    const share = await computeShare({
      inputs: o.files.deals,
      filter: {
        ...dealFilter,
        period: o.period,
        periodGiven: o.periodGiven,
        previous,
        trailing: wantTrailing ? trailing : null,
        history,
      },
      share: o.share,
    });
    result.share = share.result;
    revenue = revenueByClient(share.ledger, share.result);
    if (share.previous) result.comparison = compareShares(share.result, share.previous);
    else if (share.noPrevious) {
      const first = history.firstOrder();
      result.noComparison = { reason: share.noPrevious, firstOrder: first === null ? null : formatDay(first) };
    }
    inputs.push(...share.inputs);
    warnings.push(...share.warnings);
    const base = clientBase(history, o, previous, share.inputs, share.result.currency);
    result.dynamics = base.dynamics;
    result.previousStages = base.previousStages;
    warnings.push(...base.warnings);
    if (!chooseByName) {
      classes = share.trailing
        ? { ledger: share.trailing, share: o.share, from: '12m', over: trailing }
        : { ledger: share.ledger, share: o.share, from: 'period', over: o.period };
    }
  }
  let clients: KeySources['clients'] = null;
  if (o.files.clients) {
    const client = o.files.clients;
    const loaded = await loadClients(client, o.wantMin, o.canMin, false);
    // Every clients file maps the same fields, so the first says whether the list has the flags.
    const columns = loaded.inputs[0]?.columns ?? {};
    const forMatrix = columns.want !== undefined && columns.can !== undefined;
    inputs.push(...loaded.inputs);
    warnings.push(...loaded.warnings);
    clients = { loaded, file: client.map((c) => c.source.name).join(', '), useKeyColumn: !chooseByName };
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
      result.matrix = matrix.result;
      warnings.push(...matrix.warnings);
    }
  }
  if (o.files.leads) {
    const leads = await computeLeads({
      inputs: o.files.leads,
      vocabulary: o.vocabulary,
      leads: { asOf: o.asOf, ...o.leads },
      currency: o.currency,
    });
    result.leads = leads.result;
    inputs.push(...leads.inputs);
    warnings.push(...leads.warnings);
  }
  // The offers come before the log, so that one pass over the log serves the cadence and the follow-up rule.
  const offers: ReadOffers | null = o.files.offers
    ? await readOffers(o.files.offers, o.vocabulary, o.asOf, o.currency)
    : null;
  if (offers) {
    inputs.push(...offers.inputs);
    warnings.push(...offers.warnings);
  }
  const contacts =
    offers && o.files.activities
      ? new ContactSink(new ContactDays(), offerClients(offers.offers), o.asOf, names)
      : null;
  // The funnel reads the same pass over the log: its calls and meetings, and the deals' won days.
  const funnel =
    o.files.activities && o.files.deals
      ? new FunnelContactSink(new FunnelContacts(funnelWindow(o.period, o.asOf), o.asOf), o.vocabulary, names)
      : null;
  let contactLog: ContactDays | null = null;
  if (
    o.files.activities &&
    hasKeySource({
      named: o.keyClients,
      all: o.allClients,
      deals: o.files.deals !== undefined,
      clients: o.files.clients !== undefined,
    })
  ) {
    const cadence = await computeCadence({
      inputs: o.files.activities,
      window: cadenceWindow(o.period, o.asOf),
      cadence: { asOf: o.asOf, ...o.cadence },
      vocabulary: o.vocabulary,
      keys: { names, named: o.keyClients, all: o.allClients, classes, clients },
      ...(contacts || funnel
        ? {
            also: (a: Activity) => {
              contacts?.accept(a);
              funnel?.accept(a);
            },
          }
        : {}),
    });
    result.cadence = cadence.result;
    inputs.push(...cadence.inputs);
    warnings.push(...cadence.warnings);
    if (funnel) {
      const drawn = reportFunnel(funnel, history, cadence.inputs, o);
      result.funnel = drawn.result;
      warnings.push(...drawn.warnings);
    }
    if (contacts) {
      contactLog = contacts.log;
      for (const input of cadence.inputs) {
        const channel = contactColumnWarning(input.file, input.columns.channel !== undefined);
        if (channel) warnings.push(channel);
      }
    }
  } else if (o.files.activities) {
    warnings.push(warning('CADENCE_SKIPPED', {}));
    if (offers) {
      // No cadence pass to share: the logs are read for the follow-up rule alone.
      contactLog = new ContactDays();
      const fields = new SameFields('activities');
      for (const log of o.files.activities) {
        const loaded = await loadContacts(log, o.vocabulary, offerClients(offers.offers), o.asOf, contactLog, fields);
        inputs.push(loaded.input);
        warnings.push(...loaded.warnings);
      }
    }
  }
  if (offers) {
    const { followUpDays, expiringDays } = o.offerRules;
    const rules = { asOf: o.asOf, followUpDays, expiringDays, window: o.period, calendar };
    const done = offersResult(offers, contactLog, rules);
    result.offers = done.result;
    warnings.push(...done.warnings);
  }
  warnings.push(...names.warnings());
  return { result, inputs, warnings };
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
