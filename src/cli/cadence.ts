import { Command } from 'commander';
import { DEFAULT_CADENCE } from '../analyses/cadence.js';
import { parsePeriod } from '../normalize/period.js';
import type { CliContext } from './context.js';
import { emit } from './emit.js';
import {
  addCadenceRuleOptions,
  addInputOptions,
  addOutputOptions,
  addStatusOptions,
  addThresholdOptions,
  asOfDay,
  collect,
  dealPeriod,
  inputOptions,
  outputFormat,
  outputLang,
  secondInput,
  shareOptions,
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
    deals?: string;
    dealsMap: string[];
    keyPeriod?: string;
    clients?: string;
    clientsMap: string[];
  };

export function cadenceCommand(ctx: CliContext, done: (code: number) => void): Command {
  const cmd = new Command('cadence')
    .description('contact cadence with key clients: the daily agenda, gap and cool-off violations, dossiers to review')
    .argument('<activities>', 'activity log export (CSV), or - for standard input')
    .option('--as-of <date>', 'the day to check (default: today)')
    .option('--period <period>', 'report violations in this month, quarter or year (default: the 30 days up to as-of)')
    .option('--from <date>', 'first day of the window')
    .option('--to <date>', 'last day of the window')
    .option('--deals <file>', 'key clients from revenue shares of this deals export')
    .option('--deals-map <field=header>', '--map for the deals file; repeatable', collect, [])
    .option('--key-period <period>', 'period of the revenue shares (default: the 12 months up to as-of)')
    .option('--key-client <name>', 'a key client by name; repeatable', collect, [])
    .option('--clients <file>', 'clients export: a key column (yes/no), managers, dossier review dates')
    .option('--clients-map <field=header>', '--map for the clients file; repeatable', collect, [])
    .option('--all-clients', 'apply the rules to every client in the log');
  addStatusOptions(cmd).option('--currency <code>', 'count only deals in this currency');
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
  folio cadence activities.csv --clients clients.csv --period 2026-10 --json`,
  );
  cmd.action(async (file: string, flags: CadenceFlags) => {
    requireInput(ctx, file, cmd);
    const { runCadence } = await import('../app/cadence.js');
    const asOf = asOfDay(flags.asOf);
    const output = await runCadence({
      input: inputOptions(file, flags),
      period: dealPeriod(flags),
      cadence: { asOf, maxGap: flags.maxGap, cooloff: flags.cooloff, dueSoon: DEFAULT_CADENCE.dueSoon, dossierMonths: flags.dossierMonths },
      vocabulary: vocabularyOf(flags),
      keyClients: flags.keyClient,
      allClients: flags.allClients === true,
      deals:
        flags.deals === undefined
          ? null
          : {
              input: secondInput(flags.deals, flags.dealsMap, flags),
              keyPeriod: flags.keyPeriod === undefined ? null : parsePeriod(flags.keyPeriod, undefined, undefined),
              filter: { vocabulary: vocabularyOf(flags), currency: flags.currency?.toUpperCase() },
              share: shareOptions(flags),
            },
      clients: flags.clients === undefined ? null : secondInput(flags.clients, flags.clientsMap, flags),
      lang: outputLang(flags),
    });
    done(await emit(ctx, output, outputFormat(flags), flags.output));
  });
  return cmd;
}
