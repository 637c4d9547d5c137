import { says } from '../codes/error-fields.js';
import { Command } from 'commander';
import { DEFAULT_CADENCE } from '../analyses/cadence.js';
import { parsePeriod, type Period } from '../normalize/period.js';
import type { CliContext } from './context.js';
import { emit } from './emit.js';
import {
  addCadenceRuleOptions,
  addInputOptions,
  addLastOption,
  addRedactOption,
  addOutputOptions,
  addStatusOptions,
  addThresholdOptions,
  collect,
  periodAndAsOf,
  outputFormat,
  secondInput,
  severalInputs,
  shareOptions,
  stdinOnce,
  usage,
  vocabularyOf,
  type RawOptions,
  type ThresholdFlags,
} from './options.js';
import { requireInput } from './stdin.js';

type CadenceFlags = RawOptions &
  ThresholdFlags & {
    asOf?: string;
    maxGap: number;
    cooloff: number;
    dossierMonths: number;
    keyClient: string[];
    allClients?: boolean;
    deals: string[];
    dealsMap: string[];
    keyPeriod?: string;
    clients: string[];
    clientsMap: string[];
  };

export function cadenceCommand(ctx: CliContext, done: (code: number) => void): Command {
  const cmd = new Command('cadence')
    .description('contact cadence with key clients: the daily agenda, gap and cool-off violations, dossiers to review')
    .argument('<activities...>', 'activity log export(s) (CSV), read as one log; or - for standard input')
    .option('--as-of <date>', 'the day to check (default: the day after a past --period or --to, else today)')
    .option(
      '--period <period>',
      'list violations dated in this month, quarter or year (default: the 30 days up to as-of)',
    )
    .option('--from <date>', 'first day of the window')
    .option('--to <date>', 'last day of the window')
    .option(
      '--deals <file>',
      'key clients from revenue shares of this deals export; repeatable: several files are one table',
      collect,
      [],
    )
    .option('--deals-map <field=header>', '--map for the deals files; repeatable', collect, [])
    .option(
      '--key-period <period>',
      'revenue classes over: 12m (the 12 months up to as-of, the default), period (the window), or a period such as 2026-Q3',
    )
    .option('--key-client <name>', 'a key client by name; repeatable', collect, [])
    .option(
      '--clients <file>',
      'clients export: a key column (yes/no), managers, dossier review dates; repeatable',
      collect,
      [],
    )
    .option('--clients-map <field=header>', '--map for the clients files; repeatable', collect, [])
    .option('--all-clients', 'apply the rules to every client in the log');
  addStatusOptions(cmd).option('--currency <code>', 'count only deals in this currency');
  addLastOption(cmd);
  addRedactOption(cmd);
  addCadenceRuleOptions(cmd);
  addThresholdOptions(cmd);
  addOutputOptions(cmd);
  addInputOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  folio cadence activities.csv --deals deals.csv             key clients from revenue shares
  folio cadence activities.csv --key-client "ООО Ромашка" --as-of 2026-11-23
  folio cadence activities.csv --clients clients.csv --period 2026-10 --json
  folio cadence calls-*.csv --deals deals-q3.csv --deals deals-q4.csv   several logs and exports as one`,
  );
  cmd.action(async (files: string[], flags: CadenceFlags) => {
    for (const file of files) requireInput(ctx, file, cmd);
    stdinOnce([...files, ...flags.deals, ...flags.clients]);
    if (flags.keyPeriod !== undefined && flags.deals.length === 0) {
      throw usage(says('KEY_PERIOD_WITHOUT_DEALS', {}));
    }
    const { runCadence } = await import('../run/cadence.js');
    const { period, asOf } = periodAndAsOf(flags);
    const output = await runCadence({
      inputs: severalInputs(files, flags),
      period,
      cadence: {
        asOf,
        maxGap: flags.maxGap,
        cooloff: flags.cooloff,
        dueSoon: DEFAULT_CADENCE.dueSoon,
        dossierMonths: flags.dossierMonths,
      },
      vocabulary: vocabularyOf(flags),
      keyClients: flags.keyClient,
      allClients: flags.allClients === true,
      deals:
        flags.deals.length === 0
          ? null
          : {
              inputs: severalInputs(flags.deals, flags, (file) => secondInput(file, flags.dealsMap, flags)),
              keyPeriod: keyPeriod(flags.keyPeriod),
              filter: { vocabulary: vocabularyOf(flags), currency: flags.currency?.toUpperCase() },
              share: shareOptions(flags),
            },
      clients:
        flags.clients.length === 0
          ? null
          : severalInputs(flags.clients, flags, (file) => secondInput(file, flags.clientsMap, flags)),
      lang: ctx.lang,
    });
    done(await emit(ctx, output, outputFormat(flags), flags.output));
  });
  return cmd;
}

/** `--key-period`: the 12 months up to as-of (null), the window itself, or a named period. */
function keyPeriod(text: string | undefined): Period | 'period' | null {
  if (text === undefined || text.trim().toLowerCase() === '12m') return null;
  if (text.trim().toLowerCase() === 'period') return 'period';
  return parsePeriod(text, undefined, undefined);
}
