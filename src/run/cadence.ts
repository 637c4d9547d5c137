import { says } from '../codes/error-fields.js';
import { cadenceDoc, cadenceTables } from '../present/cadence.js';
import { warningJson } from '../present/messages/warnings.js';
import { warning } from '../codes/warnings.js';
import { type CadenceJson, analyzeCadence, CadenceLog, type CadenceOptions } from '../analyses/cadence.js';
import type { ShareOptions } from '../analyses/share.js';
import { FolioError } from '../folio-error.js';
import { type Activity, ACTIVITY_NEEDS } from '../normalize/activities.js';
import { formatDay } from '../normalize/dates.js';
import type { Period } from '../normalize/period.js';
import { detach, displayName } from '../normalize/text.js';
import type { Vocabulary } from '../normalize/vocabulary.js';
import { type Lang } from '../present/i18n.js';
import { buildEnvelope } from '../schema/build.js';
import { clientNamesOf, type InputOptions } from '../load/input-options.js';
import type { InputReport, Warning } from '../schema/envelope.js';
import {
  hasKeySource,
  keyChoiceJson,
  keySet,
  noKeySource,
  trailingYear,
  type KeySources,
} from '../analyses/key-clients.js';
import { loadDeals, type DealFilter } from '../load/deals.js';
import { loadClients } from '../load/clients.js';
import { cadenceLogWarnings, loadActivities } from '../load/activities.js';
import { inputReport, SameFields } from '../load/rows.js';
import type { CommandOutput } from './output.js';

/** The cadence command's inputs: the activity log, and the files and flags that name the key clients. */
export interface CadenceRunOptions {
  /** One or more activity logs, read as one log. */
  inputs: InputOptions[];
  /** The period asked for, or null for the 30 days up to as-of. */
  period: Period | null;
  cadence: Omit<CadenceOptions, 'window'>;
  /** The user's additions to the outcome and channel lists. */
  vocabulary: Vocabulary;
  keyClients: string[];
  allClients: boolean;
  /** `keyPeriod`: a period, `'period'` (the window's own), or null for the 12 months up to as-of. */
  deals: {
    inputs: InputOptions[];
    keyPeriod: Period | 'period' | null;
    filter: Omit<DealFilter, 'period'>;
    share: ShareOptions;
  } | null;
  clients: InputOptions[] | null;
  lang: Lang;
}

/** The window of the report: the period asked for, clipped to finite ends, or the 30 days up to as-of. */
export function cadenceWindow(period: Period | null, asOf: number): Period {
  if (period === null) return { from: asOf - 29, to: asOf };
  const to = Number.isFinite(period.to) ? period.to : asOf;
  const from = Number.isFinite(period.from) ? period.from : to - 29;
  if (from > asOf) {
    throw new FolioError({
      code: 'USAGE',
      says: says('PERIOD_AFTER_AS_OF', { from: formatDay(from), asOf: formatDay(asOf) }),
    });
  }
  return { from, to };
}

export interface ComputedCadence {
  result: CadenceJson;
  /** The activity logs' entries; the key sources were read, and are reported, by the caller. */
  inputs: InputReport[];
  warnings: Warning[];
}

export interface CadenceRules {
  /** One or more activity logs, read as one. */
  inputs: InputOptions[];
  window: Period;
  cadence: Omit<CadenceOptions, 'window'>;
  /** The user's additions to the outcome and channel lists. */
  vocabulary: Vocabulary;
  keys: KeySources;
  /** Another reader of the same log (the offers' follow-up in `report`), handed every activity so the log is read once. */
  also?: (a: Activity) => void;
}

/** Read the activity log once and apply the rules to the key clients: the data of `cadence`, reused by `report` and `check`. */
export async function computeCadence(options: CadenceRules): Promise<ComputedCadence> {
  const cadence: CadenceOptions = { ...options.cadence, window: options.window };
  const keys = keySet(options.keys);
  const names = options.keys.names;
  const all = options.keys.all;
  const log = new CadenceLog(cadence);
  /** Under --all-clients, every client of the log, with the spelling it was first met by. */
  const seen = new Map<string, string>();
  const inputs: InputReport[] = [];
  const warnings: Warning[] = [];
  const fields = new SameFields('activities');
  for (const input of options.inputs) {
    let used = 0;
    let notKey = 0;
    const loaded = await loadActivities(
      input,
      options.vocabulary,
      (a: Activity) => {
        options.also?.(a);
        log.covers(a.day);
        const key = names.key(a.client);
        if (!all && !keys.clients.has(key)) {
          notKey++;
          return;
        }
        if (all && !seen.has(key)) seen.set(key, detach(displayName(a.client)));
        used++;
        log.add(key, a.day, a.outcome, a.manager, a.personal);
      },
      ACTIVITY_NEEDS,
      fields,
    );
    warnings.push(...cadenceLogWarnings(input.source.name, loaded));
    inputs.push(inputReport(loaded, 'activities', { used, excluded: { notKeyClient: notKey } }));
  }

  if (all) {
    for (const [key, name] of seen)
      if (!keys.clients.has(key)) keys.clients.set(key, { key, name, manager: null, sources: ['all'] });
  }
  const logWarning = beforeLogWarning(log.from, cadence, inputs.map((i) => i.file).join(', '));
  if (logWarning) warnings.push(logWarning);
  // Every input is read: each key client is shown as the run spells it most often (a name
  // typed on the command line, as the log spells it).
  for (const k of keys.clients.values()) k.name = names.name(k.key, k.name);
  const silent = [...keys.clients.values()].filter((k) => !log.clients.has(k.key)).map((k) => k.name);
  if (silent.length > 0) {
    warnings.push(
      warning('KEY_CLIENTS_WITHOUT_ACTIVITY', { file: inputs.map((i) => i.file).join(', '), clients: silent }),
    );
  }

  const result = {
    ...analyzeCadence([...keys.clients.values()], log, cadence, keys.dossierKnown),
    keyClients: keyChoiceJson(keys),
  };
  return { result, inputs, warnings };
}

/**
 * What the log's first day leaves unchecked: a day of the window is judged only when the
 * `maxGap` days before it are in the log, so a log that begins later than `maxGap` days
 * before the window is said, with what it means.
 */
export function beforeLogWarning(logFrom: number | null, o: CadenceOptions, file: string): Warning | null {
  if (logFrom !== null && logFrom <= o.window.from - o.maxGap) return null;
  return warning('CADENCE_BEFORE_LOG', {
    file,
    logFrom: logFrom === null ? null : formatDay(logFrom),
    asOf: formatDay(o.asOf),
    window: { from: formatDay(o.window.from), to: formatDay(o.window.to) },
    unchecked: logFrom === null ? null : Math.max(0, logFrom - o.window.from),
    maxGap: o.maxGap,
  });
}

/** The cadence command: read each key source once, then the log. */
async function cadenceRun(
  options: CadenceRunOptions,
): Promise<{ result: CadenceJson; inputs: InputReport[]; warnings: Warning[] }> {
  if (
    !hasKeySource({
      named: options.keyClients,
      all: options.allClients,
      deals: options.deals !== null,
      clients: options.clients !== null,
    })
  )
    throw noKeySource();
  const names = clientNamesOf(options.inputs, options.deals?.inputs, options.clients);
  const window = cadenceWindow(options.period, options.cadence.asOf);
  const inputs: InputReport[] = [];
  const warnings: Warning[] = [];
  let classes: KeySources['classes'] = null;
  if (options.deals) {
    const { keyPeriod } = options.deals;
    const over = keyPeriod === null ? trailingYear(options.cadence.asOf) : keyPeriod === 'period' ? window : keyPeriod;
    const deals = await loadDeals(options.deals.inputs, { ...options.deals.filter, period: over });
    inputs.push(...deals.inputs);
    warnings.push(...deals.warnings);
    classes = { ledger: deals.ledger, share: options.deals.share, from: keyPeriod === null ? '12m' : 'period', over };
  }
  let clients: KeySources['clients'] = null;
  if (options.clients) {
    const loaded = await loadClients(options.clients, null, null, false);
    inputs.push(...loaded.inputs);
    warnings.push(...loaded.warnings);
    clients = { loaded, file: options.clients.map((c) => c.source.name).join(', '), useKeyColumn: true };
  }
  const computed = await computeCadence({
    inputs: options.inputs,
    window,
    cadence: options.cadence,
    vocabulary: options.vocabulary,
    keys: { names, named: options.keyClients, all: options.allClients, classes, clients },
  });
  return {
    result: computed.result,
    inputs: [...computed.inputs, ...inputs],
    warnings: [...warnings, ...computed.warnings],
  };
}

export async function runCadence(options: CadenceRunOptions): Promise<CommandOutput> {
  const { result, inputs, warnings } = await cadenceRun(options);
  warnings.push(...clientNamesOf(options.inputs).warnings());
  return {
    envelope: buildEnvelope(
      'cadence',
      { from: result.window.from, to: result.window.to },
      inputs,
      result,
      warnings.map(warningJson),
    ),
    doc: () => cadenceDoc(result, options.lang),
    tables: (lang) => cadenceTables(result, lang),
    sectioned: false,
    exitCode: 0,
  };
}
