import { analyzeCadence, CadenceLog, type AgendaStatus, type CadenceOptions, type CadenceResult, type KeyClient } from '../analyses/cadence.js';
import { analyzeShare, isKeyClass, type ShareOptions } from '../analyses/share.js';
import { FolioError } from '../errors.js';
import { ACTIVITY_NEEDS, ActivityConverter, type Activity } from '../normalize/activities.js';
import { addMonths, formatDay } from '../normalize/dates.js';
import type { Period } from '../normalize/period.js';
import { detach, displayName, nameKey } from '../normalize/text.js';
import type { Vocabulary } from '../normalize/vocabulary.js';
import type { Cell, MachineRow, Section, Tone } from '../render/document.js';
import { t, type Lang, type MessageKey } from '../render/i18n.js';
import { buildEnvelope } from '../render/json.js';
import type { InputOptions, InputReport, Warning } from './input-options.js';
import { loadDeals, type DealFilter } from './load-deals.js';
import { nonPositiveWarnings } from './share.js';
import { inputReport, loadRows, readWarnings } from './load-rows.js';
import { loadClients } from './matrix.js';
import type { CommandOutput } from './output.js';
import { unknownValuesWarning } from './unknown-values.js';

export interface CadenceRunOptions {
  input: InputOptions;
  /** The period asked for, or null for the 30 days up to as-of. */
  period: Period | null;
  cadence: Omit<CadenceOptions, 'window'>;
  /** The user's additions to the outcome and channel lists. */
  vocabulary: Vocabulary;
  keyClients: string[];
  allClients: boolean;
  deals: { input: InputOptions; keyPeriod: Period | null; filter: Omit<DealFilter, 'period'>; share: ShareOptions } | null;
  clients: InputOptions | null;
  lang: Lang;
}

/** The window of the report: the period asked for, clipped to finite ends, or the 30 days up to as-of. */
export function cadenceWindow(period: Period | null, asOf: number): Period {
  if (period === null) return { from: asOf - 29, to: asOf };
  const to = Number.isFinite(period.to) ? period.to : asOf;
  const from = Number.isFinite(period.from) ? period.from : to - 29;
  if (from > asOf) {
    throw new FolioError({ code: 'USAGE', message: `the period starts on ${formatDay(from)}, after as-of ${formatDay(asOf)}`, hint: 'pick a period that has begun, or a later --as-of' });
  }
  return { from, to };
}

interface KeySet {
  clients: Map<string, KeyClient & { sources: string[] }>;
  inputs: InputReport[];
  warnings: Warning[];
  dossierKnown: boolean;
}

/** Key clients from every source the user gave: deals (share classes), names, a clients file's key column. */
async function keyClients(options: Omit<CadenceRunOptions, 'lang'>): Promise<KeySet> {
  const set: KeySet = { clients: new Map(), inputs: [], warnings: [], dossierKnown: false };
  const add = (name: string, source: string, manager: string | null): void => {
    const key = nameKey(name);
    const existing = set.clients.get(key);
    if (existing) {
      if (!existing.sources.includes(source)) existing.sources.push(source);
      existing.manager ??= manager;
      return;
    }
    set.clients.set(key, { key, name: displayName(name), manager, sources: [source] });
  };
  if (options.deals) {
    const asOf = options.cadence.asOf;
    const period = options.deals.keyPeriod ?? { from: addMonths(asOf, -12) + 1, to: asOf };
    const deals = await loadDeals(options.deals.input, { ...options.deals.filter, period });
    set.inputs.push(deals.input);
    set.warnings.push(...deals.warnings);
    const share = analyzeShare(deals.ledger.clients.values(), options.deals.share);
    set.warnings.push(...nonPositiveWarnings(share));
    for (const c of share.clients) if (isKeyClass(c.class)) add(c.client, 'deals', c.manager ?? null);
  }
  for (const name of options.keyClients) add(name, 'flag', null);
  if (options.clients) {
    const loaded = await loadClients(options.clients, null, null, false);
    set.inputs.push(loaded.input);
    set.warnings.push(...loaded.warnings);
    const hasKey = loaded.input.columns.key !== undefined;
    set.dossierKnown = loaded.input.columns.dossier !== undefined;
    if (!hasKey && !options.deals && options.keyClients.length === 0 && !options.allClients) {
      throw new FolioError({
        code: 'MISSING_COLUMN',
        file: options.clients.source.name,
        line: loaded.input.headerLine,
        message: 'the clients file has no key column, and nothing else says which clients are key',
        hint: 'add a key column (yes/no), map one with --clients-map key=HEADER, or give --deals, --key-client or --all-clients',
      });
    }
    for (const c of loaded.clients) {
      const manager = c.manager.trim() === '' ? null : displayName(c.manager);
      if (hasKey && c.key === true) add(c.client, 'clients', manager);
      const known = set.clients.get(nameKey(c.client));
      if (known) {
        if (set.dossierKnown) known.dossier = c.dossier;
        if (manager) known.manager = manager;
      }
    }
  }
  return set;
}

export interface ComputedCadence {
  result: CadenceResult;
  inputs: InputReport[];
  warnings: Warning[];
}

/** Read activities (and the key-client sources) and apply the rules: the data of `cadence`, reused by `report` and `check`. */
export async function computeCadence(options: Omit<CadenceRunOptions, 'lang'>): Promise<ComputedCadence> {
  if (!options.allClients && !options.deals && options.keyClients.length === 0 && !options.clients) {
    throw new FolioError({
      code: 'USAGE',
      message: 'which clients are key? folio needs to know whom the rules apply to',
      hint: 'give --deals deals.csv (share classes), --key-client NAME, --clients clients.csv (key column) or --all-clients',
    });
  }
  const window = cadenceWindow(options.period, options.cadence.asOf);
  const cadence: CadenceOptions = { ...options.cadence, window };
  const keys = await keyClients(options);
  const log = new CadenceLog(cadence);
  const file = options.input.source.name;
  const seen = new Map<string, string>();
  let used = 0;
  let notKey = 0;

  const loaded = await loadRows(
    options.input,
    ACTIVITY_NEEDS,
    (map, p) =>
      new ActivityConverter(
        map,
        { file, decimal: options.input.decimal, dayOrder: options.input.dayOrder, vocabulary: options.vocabulary },
        p,
      ),
    (a: Activity) => {
      const key = nameKey(a.client);
      if (!options.allClients && !keys.clients.has(key)) {
        notKey++;
        return;
      }
      if (options.allClients && !seen.has(key)) seen.set(detach(key), detach(displayName(a.client)));
      // A name typed on the command line shows as the log spells it.
      const named = keys.clients.get(key);
      if (named && named.sources.length === 1 && named.sources[0] === 'flag' && !seen.has(key)) {
        named.name = detach(displayName(a.client));
        seen.set(detach(key), named.name);
      }
      used++;
      log.add(key, a.day, a.outcome, a.manager, a.personal);
    },
  );

  if (options.allClients) {
    for (const [key, name] of seen) if (!keys.clients.has(key)) keys.clients.set(key, { key, name, manager: null, sources: ['all'] });
  }
  const { converter } = loaded;
  const warnings: Warning[] = [...keys.warnings, ...readWarnings(file, loaded)];
  if (!converter.hasManager || !converter.hasChannel) {
    const lacking = [!converter.hasManager ? 'manager' : null, !converter.hasChannel ? 'channel' : null].filter(Boolean).join(' and ');
    warnings.push({
      code: 'COOLOFF_SIMPLIFIED',
      message: `${file}: the log has no ${lacking} column, so the cool-off rule treats every contact as ${!converter.hasManager ? "the same manager's" : ''}${!converter.hasManager && !converter.hasChannel ? ' and ' : ''}${!converter.hasChannel ? 'personal' : ''}`,
    });
  }
  for (const w of [
    unknownValuesWarning(file, 'outcome', converter.outcomes),
    converter.hasChannel ? unknownValuesWarning(file, 'channel', converter.channels) : null,
  ]) {
    if (w) warnings.push(w);
  }
  const silent = [...keys.clients.values()].filter((k) => !log.clients.has(k.key)).map((k) => k.name);
  if (silent.length > 0) {
    warnings.push({ code: 'KEY_CLIENTS_WITHOUT_ACTIVITY', message: `${silent.length} key client(s) match no activity in ${file}: ${silent.join(', ')}` });
  }

  const result = analyzeCadence([...keys.clients.values()], log, cadence, keys.dossierKnown);
  const input = inputReport(loaded, 'activities', { used, excluded: { notKeyClient: notKey } });
  return { result, inputs: [input, ...keys.inputs], warnings };
}

export async function runCadence(options: CadenceRunOptions): Promise<CommandOutput> {
  const { result, inputs, warnings } = await computeCadence(options);
  return {
    envelope: buildEnvelope('cadence', { from: result.window.from, to: result.window.to }, inputs, result, warnings),
    doc: () => ({ title: `${t(options.lang, 'cadenceTitle')} · ${t(options.lang, 'asOf')} ${result.asOf}`, sections: cadenceSections(result, options.lang) }),
    rows: () => result.agenda.map(
      (a): MachineRow => ({
        client: a.client,
        status: a.status,
        lastPositive: a.lastPositive,
        nextDue: a.nextDue,
        daysUntilDue: a.daysUntilDue,
        personalAllowed: a.personalAllowed,
        allowedFrom: a.allowedFrom,
        manager: a.manager,
      }),
    ),
    columns: ['client', 'status', 'lastPositive', 'nextDue', 'daysUntilDue', 'personalAllowed', 'allowedFrom', 'manager'],
    exitCode: 0,
  };
}

const STATUS_TONE: Record<AgendaStatus, Tone> = { overdue: 'bad', cooling_off: 'warn', due_soon: 'key', ok: 'good' };

/** The morning list first, then the violations and the dossiers to review. */
export function cadenceSections(r: CadenceResult, lang: Lang): Section[] {
  const status = (s: AgendaStatus): Cell => ({ text: t(lang, `status_${s}` as MessageKey), tone: STATUS_TONE[s] });
  const sections: Section[] = [
    {
      kind: 'facts',
      facts: [
        [t(lang, 'window'), `${r.window.from} — ${r.window.to}`],
        [t(lang, 'rules'), t(lang, 'rulesText').replace('{gap}', String(r.thresholds.maxGap)).replace('{cooloff}', String(r.thresholds.cooloff))],
      ],
    },
    {
      kind: 'table',
      title: t(lang, 'agenda'),
      columns: [
        { label: t(lang, 'client') },
        { label: t(lang, 'status') },
        { label: t(lang, 'lastPositive') },
        { label: t(lang, 'nextDue') },
        { label: t(lang, 'personalContact') },
        { label: t(lang, 'manager') },
      ],
      rows: r.agenda.map((a) => [
        a.client,
        status(a.status),
        a.lastPositive ?? '—',
        a.nextDue === null ? '—' : `${a.nextDue} (${(a.daysUntilDue ?? 0) > 0 ? '+' : ''}${a.daysUntilDue ?? 0})`,
        a.personalAllowed ? t(lang, 'allowed') : { text: `${t(lang, 'allowedFrom')} ${a.allowedFrom ?? ''}${a.cooloffManager ? ` (${a.cooloffManager})` : ''}`, tone: 'warn' },
        a.manager ?? '',
      ]),
      empty: t(lang, 'noKeyClients'),
    },
    {
      kind: 'table',
      title: t(lang, 'violations'),
      columns: [{ label: t(lang, 'client') }, { label: t(lang, 'rule') }, { label: t(lang, 'when') }, { label: t(lang, 'daysShort'), align: 'right' }, { label: t(lang, 'manager') }],
      rows: r.violations.map((v) =>
        v.rule === 'gap'
          ? [v.client, { text: t(lang, v.open ? 'ruleGapOpen' : 'ruleGap'), tone: 'bad' }, `${v.from} → ${v.to}`, String(v.days), '']
          : [v.client, { text: t(lang, 'ruleCooloff'), tone: 'warn' }, `${v.negativeDate} → ${v.date}`, String(v.days), v.manager ?? ''],
      ),
      empty: t(lang, 'noViolations'),
    },
  ];
  if (r.dossier.length > 0) {
    sections.push({
      kind: 'table',
      title: t(lang, 'dossierTitle'),
      columns: [{ label: t(lang, 'client') }, { label: t(lang, 'reviewed') }, { label: t(lang, 'dueBy') }],
      rows: r.dossier.map((d) => [d.client, d.reviewed ?? { text: t(lang, 'never'), tone: 'bad' }, d.dueBy ?? '—']),
    });
  }
  return sections;
}
