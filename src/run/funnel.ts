import { says } from '../codes/error-fields.js';
import { type Warning, warning } from '../codes/warnings.js';
import { CHANNEL_STEPS, FunnelContacts, type FunnelResult, funnelResult, FunnelTally } from '../analyses/funnel.js';
import { DealHistory } from '../analyses/history.js';
import { FolioError } from '../folio-error.js';
import { loadDeals } from '../load/deals.js';
import { type FunnelContactSink, loadFunnelLog, loadPipeline } from '../load/funnel.js';
import { clientNamesOf, type InputOptions } from '../load/input-options.js';
import { formatDay } from '../normalize/dates.js';
import { lastFullMonth, periodJson, type Period } from '../normalize/period.js';
import type { Vocabulary } from '../normalize/vocabulary.js';
import { funnelDoc, funnelTables } from '../present/funnel.js';
import type { Lang } from '../present/i18n.js';
import { warningJson } from '../present/messages/warnings.js';
import { buildEnvelope } from '../schema/build.js';
import type { InputReport } from '../schema/envelope.js';
import type { CommandOutput } from './output.js';

export interface FunnelRunOptions {
  /** The activity logs (by channel), or the deals exports (`stages`). */
  inputs: InputOptions[];
  /** The pipeline's stages in order; empty: the funnel by channel. */
  stages: string[];
  /** `--deals`: the won deals of the funnel by channel; none: it stops at met. */
  deals: InputOptions[];
  /** `--history`: stage logs of a stage funnel. */
  history: InputOptions[];
  /** The period asked for, or null (by channel: the last full month before as-of; by stage: every deal). */
  period: Period | null;
  asOf: number;
  vocabulary: Vocabulary;
  currency: string | undefined;
  confidence: number;
  lang: Lang;
}

export interface ComputedFunnel {
  result: FunnelResult;
  inputs: InputReport[];
  warnings: Warning[];
}

/** A period asked for, its open ends kept open and its end clipped to as-of; refused when it starts after as-of. */
export function funnelWindow(period: Period, asOf: number): Period {
  if (period.from > asOf) {
    throw new FolioError({
      code: 'USAGE',
      says: says('PERIOD_AFTER_AS_OF', { from: formatDay(period.from), asOf: formatDay(asOf) }),
    });
  }
  return { from: period.from, to: Math.min(period.to, asOf) };
}

/** The won days of a client by its name key, from the deals' history (won deals of a positive amount). */
export function wonDaysOf(history: DealHistory): (clientKey: string) => readonly number[] {
  return (key) => {
    const entry = history.window.clients.get(key);
    const client = entry === undefined ? undefined : history.clients.get(entry);
    return client === undefined ? [] : [...client.orderDays];
  };
}

/**
 * The funnel by channel from a log already read into `sink`: consulted, met and (with the
 * deals' history) won, with what its figures lean on said as warnings.
 */
export function channelFunnel(
  sink: FunnelContactSink,
  history: DealHistory | null,
  o: { asOf: number; confidence: number; managers: boolean; files: string[] },
): { result: FunnelResult; warnings: Warning[] } {
  const contacts = sink.contacts;
  const steps = history === null ? CHANNEL_STEPS.slice(0, 2) : [...CHANNEL_STEPS];
  const tally = new FunnelTally(steps);
  const won = history === null ? () => [] : wonDaysOf(history);
  for (const path of contacts.paths(won)) tally.add(path.manager, path.reach);
  const result = {
    ...funnelResult(tally, { confidence: o.confidence, mode: 'channels', asOf: o.asOf, window: contacts.window }),
    channels: { phone: sink.counted('phone'), meeting: sink.counted('meeting') },
  };
  const warnings: Warning[] = [];
  if (history === null) warnings.push(warning('FUNNEL_NO_DEALS', {}));
  if (contacts.calls === 0) {
    const w = periodJson(contacts.window);
    warnings.push(warning('FUNNEL_NO_CALLS', { from: w?.from ?? '…', to: w?.to ?? '…' }));
  }
  warnings.push(...unassigned(result, o.managers, o.files, 'clients'));
  return { result, warnings };
}

function unassigned(result: FunnelResult, managers: boolean, files: string[], unit: 'clients' | 'deals'): Warning[] {
  const count = result.unassigned.counts[0] ?? 0;
  if (!managers) return [warning('FUNNEL_UNASSIGNED', { count, files, noColumn: true, unit })];
  return count > 0 ? [warning('FUNNEL_UNASSIGNED', { count, files, noColumn: false, unit })] : [];
}

/** Read the log (and the deals) and draw the funnel by channel. */
async function computeChannelFunnel(o: FunnelRunOptions): Promise<ComputedFunnel> {
  const window = funnelWindow(o.period ?? lastFullMonth(o.asOf), o.asOf);
  const inputs: InputReport[] = [];
  const warnings: Warning[] = [];
  const names = clientNamesOf(o.inputs, o.deals);
  const log = await loadFunnelLog(o.inputs, o.vocabulary, new FunnelContacts(window, o.asOf), names);
  log.sink.requireBoth(o.inputs.map((i) => i.source.name));
  inputs.push(...log.inputs);
  warnings.push(...log.warnings);
  let history: DealHistory | null = null;
  if (o.deals.length > 0) {
    history = new DealHistory(window, names);
    const deals = await loadDeals(o.deals, {
      period: { from: -Infinity, to: o.asOf },
      vocabulary: o.vocabulary,
      currency: o.currency,
      history,
      historyOnly: true,
    });
    inputs.push(...deals.inputs);
    warnings.push(...deals.warnings);
  }
  const files = log.inputs.map((i) => i.file);
  const done = channelFunnel(log.sink, history, {
    asOf: o.asOf,
    confidence: o.confidence,
    managers: log.inputs.every((i) => i.columns.manager !== undefined),
    files,
  });
  return { result: done.result, inputs, warnings: [...warnings, ...names.warnings(), ...done.warnings] };
}

/** Read the pipeline (and its stage logs) and draw the funnel by stage. */
async function computeStageFunnel(o: FunnelRunOptions): Promise<ComputedFunnel> {
  const window = o.period === null ? null : funnelWindow(o.period, o.asOf);
  const read = await loadPipeline({
    deals: o.inputs,
    history: o.history,
    steps: o.stages,
    vocabulary: o.vocabulary,
    window,
    asOf: o.asOf,
  });
  const result = funnelResult(read.tally, { confidence: o.confidence, mode: 'stages', asOf: o.asOf, window });
  const files = o.inputs.map((i) => i.source.name);
  return {
    result,
    inputs: read.inputs,
    warnings: [...read.warnings, ...unassigned(result, read.managers, files, 'deals')],
  };
}

export async function computeFunnel(o: FunnelRunOptions): Promise<ComputedFunnel> {
  return o.stages.length > 0 ? computeStageFunnel(o) : computeChannelFunnel(o);
}

export async function runFunnel(o: FunnelRunOptions): Promise<CommandOutput> {
  const { result, inputs, warnings } = await computeFunnel(o);
  return {
    envelope: buildEnvelope('funnel', result.window, inputs, result, warnings.map(warningJson)),
    doc: () => funnelDoc(result, o.lang),
    tables: (lang) => funnelTables(result, lang),
    sectioned: false,
    exitCode: 0,
  };
}
