import { says } from '../codes/error-fields.js';
import type { Amount } from '../normalize/money.js';
import { Command, Option } from 'commander';
import { DEFAULT_CADENCE } from '../analyses/cadence.js';
import type { InputOptions } from '../load/input-options.js';
import type { Role } from '../load/inputs.js';
import type { Lang } from '../present/i18n.js';
import type { CliContext } from './context.js';
import { addOfferRuleOptions } from './offers.js';
import { addFunnelRuleOptions } from './funnel.js';
import { emit } from './emit.js';
import { LEADS_SHOWN_PER_GROUP } from '../present/leads.js';
import {
  addDynamicsRuleOptions,
  dynamicsOptions,
  type DynamicsFlags,
  addBandOption,
  addCadenceRuleOptions,
  addInputOptions,
  addLastOption,
  addRedactOption,
  addLeadRuleOptions,
  addOutputOptions,
  addStatusOptions,
  addThresholdOptions,
  collect,
  periodAndAsOf,
  outputFormat,
  score,
  inputOptions,
  secondInput,
  severalInputs,
  stdinOnce,
  shareOptions,
  usage,
  vocabularyOf,
  type RawOptions,
  type ThresholdFlags,
} from './options.js';

export type ReportFlags = RawOptions &
  ThresholdFlags &
  DynamicsFlags & {
    deals: string[];
    activities: string[];
    leads: string[];
    clients: string[];
    offers: string[];
    offersMap: string[];
    followUpDays: number;
    expiringDays: number;
    confidence: number;
    holidays: string[];
    dealsMap: string[];
    activitiesMap: string[];
    leadsMap: string[];
    clientsMap: string[];
    asOf?: string;
    fastDays: number;
    big?: Amount;
    maxLeads?: number;
    maxGap: number;
    cooloff: number;
    dossierMonths: number;
    wantMin?: number;
    canMin?: number;
    keyClient: string[];
    allClients?: boolean;
    keyPeriod?: '12m' | 'period';
    /** `report` only: every lead in the queue. */
    allLeads?: boolean;
  };

/** The inputs, thresholds and rules that `report` and `check` share. */
export function addReportOptions(cmd: Command): Command {
  cmd
    .argument('[folder]', 'a folder of exports; each file is recognised by its name or its columns')
    .option('--deals <file>', 'deals export; repeatable: several files are read as one table', collect, [])
    .option('--activities <file>', 'activity log export; repeatable', collect, [])
    .option('--leads <file>', 'leads export; repeatable', collect, [])
    .option('--clients <file>', 'clients export (want/can, key, dossier); repeatable', collect, [])
    .option('--offers <file>', 'commercial offers or quotes export; repeatable', collect, [])
    .option('--deals-map <field=header>', '--map for the deals files; repeatable', collect, [])
    .option('--activities-map <field=header>', '--map for the activity logs; repeatable', collect, [])
    .option('--leads-map <field=header>', '--map for the leads files; repeatable', collect, [])
    .option('--clients-map <field=header>', '--map for the clients files; repeatable', collect, [])
    .option('--offers-map <field=header>', '--map for the offers files; repeatable', collect, [])
    .option('--as-of <date>', 'the day to report as of (default: the day after a past period, else today)')
    .option('--period <period>', 'the period (default: the last full calendar month before as-of)')
    .option('--from <date>', 'first day of the period')
    .option('--to <date>', 'last day of the period')
    .option('--currency <code>', 'count only deals in this currency')
    .option(
      '--key-client <name>',
      'a key client for the cadence, by name; repeatable (then only the named ones are key)',
      collect,
      [],
    )
    .option('--all-clients', 'apply the cadence rules to every client in the activity log')
    .addOption(
      new Option(
        '--key-period <which>',
        'revenue classes that make a client key for the cadence: 12m (the 12 months up to as-of, the default) or period',
      ).choices(['12m', 'period']),
    )
    .addOption(new Option('--want-min <score>', 'a want score at or above this is yes').argParser(score('--want-min')))
    .addOption(new Option('--can-min <score>', 'a can score at or above this is yes').argParser(score('--can-min')));
  addStatusOptions(cmd);
  addLastOption(cmd);
  addRedactOption(cmd);
  addLeadRuleOptions(cmd);
  addCadenceRuleOptions(cmd);
  addOfferRuleOptions(cmd);
  addFunnelRuleOptions(cmd);
  addThresholdOptions(cmd);
  addBandOption(cmd);
  addDynamicsRuleOptions(cmd);
  addOutputOptions(cmd);
  addInputOptions(cmd);
  return cmd;
}

/** Resolve the flags of `report`/`check` into the report's options. */
export async function reportOptions(folder: string | undefined, flags: ReportFlags, lang: Lang) {
  const { findInputs, ROLES } = await import('../load/inputs.js');
  const { lastFullMonth } = await import('../normalize/period.js');
  const named: Partial<Record<Role, string[]>> = {};
  for (const role of ROLES) if (flags[role].length > 0) named[role] = flags[role];
  if (folder === undefined && Object.keys(named).length === 0) {
    throw usage(says('NO_REPORT_INPUTS', {}));
  }
  const found = await findInputs(folder, named);
  // The deals file is the primary input: --map names its columns, as --deals-map does (the
  // warnings' hints say --map), and without a deals file it is an error below.
  const maps: Record<Role, string[]> = {
    deals: [...flags.map, ...flags.dealsMap],
    activities: flags.activitiesMap,
    leads: flags.leadsMap,
    clients: flags.clientsMap,
    offers: flags.offersMap,
  };
  const files: Partial<Record<Role, InputOptions[]>> = {};
  // Standard input can be read once, whichever flag names it; one file may serve two roles (a pipeline export).
  stdinOnce(ROLES.flatMap((role) => found.files[role] ?? []));
  for (const role of ROLES) {
    const list = found.files[role];
    if (list) files[role] = severalInputs(list, flags, (file) => secondInput(file, maps[role], flags));
  }
  // The deals file is the report's primary input: --header-row, --delimiter, --encoding,
  // --escape and --sheet describe it; the other files' formats are found as usual.
  const primary = [
    flags.headerRow !== undefined ? '--header-row' : null,
    flags.sheet !== undefined ? '--sheet' : null,
    flags.delimiter !== undefined ? '--delimiter' : null,
    flags.encoding !== undefined ? '--encoding' : null,
    flags.escape !== undefined ? '--escape' : null,
    flags.map.length > 0 ? '--map' : null,
  ].filter((f): f is string => f !== null);
  if (primary.length > 0) {
    if (!found.files.deals) throw usage(says('READING_FLAGS_WITHOUT_DEALS', { flags: primary }));
    files.deals = found.files.deals.map((file) => inputOptions(file, { ...flags, map: maps.deals }));
  }
  const chosen = periodAndAsOf(flags);
  const { asOf, asOfSource } = chosen;
  const period = chosen.period ?? lastFullMonth(asOf);
  if (!Number.isFinite(period.from) || !Number.isFinite(period.to)) {
    throw usage(says('OPEN_RANGE', {}));
  }
  if (flags.allClients && flags.keyClient.length > 0) {
    throw usage(says('TWO_KEY_CHOICES', {}));
  }
  if (flags.keyPeriod !== undefined && (flags.allClients || flags.keyClient.length > 0)) {
    throw usage(says('KEY_PERIOD_WITH_CHOICE', {}));
  }
  return {
    files,
    chosen: found.chosen,
    folder: folder ?? null,
    unused: found.unused,
    period,
    periodGiven: chosen.period !== null,
    asOf,
    asOfSource,
    share: shareOptions(flags),
    vocabulary: vocabularyOf(flags),
    currency: flags.currency?.toUpperCase(),
    wantMin: flags.wantMin ?? null,
    canMin: flags.canMin ?? null,
    leads: { fastDays: flags.fastDays, big: flags.big ?? null, maxLeads: flags.maxLeads ?? null },
    cadence: {
      maxGap: flags.maxGap,
      cooloff: flags.cooloff,
      dueSoon: DEFAULT_CADENCE.dueSoon,
      dossierMonths: flags.dossierMonths,
    },
    offerRules: { followUpDays: flags.followUpDays, expiringDays: flags.expiringDays, holidays: flags.holidays },
    funnel: { confidence: flags.confidence },
    lang,
    keyClients: flags.keyClient,
    allClients: flags.allClients === true,
    keyPeriod: flags.keyPeriod ?? '12m',
    dynamics: dynamicsOptions(flags),
    allLeads: flags.allLeads === true,
  };
}

export function reportCommand(ctx: CliContext, done: (code: number) => void): Command {
  const cmd = new Command('report').description(
    'the monthly report: portfolio and its change, want/can matrix, lead queue, cadence; table, markdown, json, html, csv, ndjson or xlsx',
  );
  addReportOptions(cmd);
  cmd.option(
    '--all-leads',
    `list every lead in the report (default: the first ${LEADS_SHOWN_PER_GROUP} of each group, the unclassified counted)`,
  );
  cmd.addHelpText(
    'after',
    `
Examples:
  folio report ./export                                   last full month, every input found in the folder
  folio report ./export --period 2026-10 -o report.xlsx   an Excel workbook: a sheet per section
  folio report ./export --period 2017-12                  a past period: as of 2018-01-01, the day after it
  folio report ./export --period 2026-10 --format html -o report.html
  folio report ./export --period 2026-10 --key-period period  key clients by October's classes
  folio report ./export --last 30 --as-of 2026-11-05          the 30 days up to 5 November
  folio report --deals deals.csv --activities calls.csv --format markdown
  folio report --deals deals-jan-feb.csv --deals deals-feb-mar.csv --period 2026-Q1   two overlapping exports as one`,
  );
  cmd.action(async (folder: string | undefined, flags: ReportFlags) => {
    const { runReport } = await import('../run/report.js');
    const output = await runReport(await reportOptions(folder, flags, ctx.lang));
    done(await emit(ctx, output, outputFormat(flags), flags.output));
  });
  return cmd;
}
